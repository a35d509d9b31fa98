import { SalesforceError } from '../../model/errors';
import type { EmulatorUser } from '../../model/types';
import type { LeadConvertInput, OrgStore } from '../../store';
import { asArray, child, isRecord, textOf, type XmlValue } from './soap-envelope';

/** Reads `<leadConverts>` elements (one per lead) as jsforce's `soap.convertLead` writes them. */
export function readLeadConverts(args: Record<string, unknown>): LeadConvertInput[] {
  return asArray(args['leadConverts']).map((node) => {
    const text = (name: string): string | null | undefined => textOf(child(node, name));
    const optional = (name: string): string | null => {
      const value = text(name);
      return value === undefined || value === '' ? null : value;
    };
    return {
      leadId: text('leadId') ?? '',
      convertedStatus: text('convertedStatus') ?? '',
      accountId: optional('accountId'),
      contactId: optional('contactId'),
      ownerId: optional('ownerId'),
      doNotCreateOpportunity: text('doNotCreateOpportunity') === 'true',
      opportunityName: optional('opportunityName'),
    };
  });
}

/**
 * Converts each lead on its own, as the partner API does: a failure is that lead's
 * `LeadConvertResult` with `success` false and `errors`, not a fault.
 */
export function convertLeads(
  store: OrgStore,
  inputs: LeadConvertInput[],
  user: EmulatorUser,
): XmlValue[] {
  return inputs.map((input): XmlValue => {
    try {
      const result = store.convertLead(input, user);
      return {
        accountId: result.accountId,
        contactId: result.contactId,
        leadId: result.leadId,
        opportunityId: result.opportunityId,
        success: true,
      };
    } catch (err) {
      if (!(err instanceof SalesforceError)) throw err;
      return {
        accountId: null,
        contactId: null,
        errors: { fields: err.fields, message: err.message, statusCode: err.errorCode },
        leadId: input.leadId === '' ? null : input.leadId,
        opportunityId: null,
        success: false,
      };
    }
  });
}

export function hasLeadConverts(args: Record<string, unknown>): boolean {
  return asArray(args['leadConverts']).some(isRecord);
}
