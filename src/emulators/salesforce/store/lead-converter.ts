import { CONVERTED_LEAD_STATUS } from '../metadata';
import { ID_PATTERN, to18 } from '../model/ids';
import type { EmulatorUser, SObjectRecord } from '../model/types';
import {
  convertedLead,
  entityIsDeleted,
  insufficientAccess,
  insufficientCrossReferenceAccess,
  invalidConvertedStatus,
  invalidCrossReference,
  requiredMissing,
} from './dml-errors';
import type { RecordWriter, WriterContext } from './record-writer';
import type { FieldInput, LeadConvertInput, LeadConvertResult } from './store-types';
import type { WriteTransaction } from './write-transaction';

/** Lead Status values flagged "Converted" in the org's LeadStatus setup. */
const CONVERTED_STATUSES: ReadonlySet<string> = new Set([CONVERTED_LEAD_STATUS]);
const DAY_MS = 86_400_000;
const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country'];

/** Lead field → Account field, as the org's standard lead mapping copies them. */
const ACCOUNT_MAPPING: ReadonlyArray<[string, string]> = [
  ['Company', 'Name'],
  ['Industry', 'Industry'],
  ['AnnualRevenue', 'AnnualRevenue'],
  ['NumberOfEmployees', 'NumberOfEmployees'],
  ['Phone', 'Phone'],
  ['LeadSource', 'AccountSource'],
  ...ADDRESS_PARTS.map((p): [string, string] => [p, `Billing${p}`]),
];

const CONTACT_MAPPING: ReadonlyArray<[string, string]> = [
  ['FirstName', 'FirstName'],
  ['LastName', 'LastName'],
  ['Title', 'Title'],
  ['Email', 'Email'],
  ['Phone', 'Phone'],
  ['LeadSource', 'LeadSource'],
  ['Description', 'Description'],
  ...ADDRESS_PARTS.map((p): [string, string] => [p, `Mailing${p}`]),
];

const present = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

/**
 * SOAP `convertLead` semantics for one LeadConvert: checks the lead and the targets, creates
 * (or fills the empty fields of the given) Account and Contact, optionally an Opportunity,
 * and marks the lead converted, all inside the caller's transaction.
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm
 */
export class LeadConverter {
  constructor(
    private readonly org: WriterContext,
    private readonly writer: RecordWriter,
  ) {}

  convert(tx: WriteTransaction, input: LeadConvertInput, user: EmulatorUser): LeadConvertResult {
    const lead = this.lookup(tx, input.leadId, 'Lead', user, 'Id');
    if (!this.org.canSee(user, 'Lead', lead)) throw insufficientAccess();
    if (lead.IsConverted === true) throw convertedLead();
    if (!present(input.convertedStatus)) throw requiredMissing(['ConvertedStatus']);
    if (!CONVERTED_STATUSES.has(input.convertedStatus)) {
      throw invalidConvertedStatus(input.convertedStatus);
    }
    const ownerId = present(input.ownerId)
      ? this.lookup(tx, input.ownerId ?? '', 'User', user, 'OwnerId').Id
      : (lead.OwnerId as string);
    const account = present(input.accountId)
      ? this.lookup(tx, input.accountId ?? '', 'Account', user, 'AccountId')
      : undefined;
    const contact = present(input.contactId)
      ? this.lookup(tx, input.contactId ?? '', 'Contact', user, 'ContactId')
      : undefined;
    // The contact merged into must belong to the account given with it.
    if (contact && (!account || contact.AccountId !== account.Id)) {
      throw invalidCrossReference(['ContactId']);
    }

    const accountId = account
      ? this.fillEmpty(tx, 'Account', account, lead, ACCOUNT_MAPPING, user)
      : this.writer.create(
          tx,
          'Account',
          { ...this.mapped(lead, ACCOUNT_MAPPING), OwnerId: ownerId },
          user,
          { system: true },
        );
    const contactId = contact
      ? this.fillEmpty(tx, 'Contact', contact, lead, CONTACT_MAPPING, user)
      : this.writer.create(
          tx,
          'Contact',
          { ...this.mapped(lead, CONTACT_MAPPING), AccountId: accountId, OwnerId: ownerId },
          user,
          { system: true },
        );
    const today = tx.now.toISOString().slice(0, 10);
    const opportunityId = input.doNotCreateOpportunity
      ? null
      : this.writer.create(
          tx,
          'Opportunity',
          {
            Name: present(input.opportunityName)
              ? input.opportunityName
              : `${String(lead.Company)}-`,
            StageName: 'Prospecting',
            CloseDate: new Date(tx.now.getTime() + 30 * DAY_MS).toISOString().slice(0, 10),
            AccountId: accountId,
            LeadSource: lead.LeadSource ?? null,
            OwnerId: ownerId,
          },
          user,
          { system: true },
        );
    this.writer.update(
      tx,
      'Lead',
      lead.Id,
      {
        Status: input.convertedStatus,
        IsConverted: true,
        ConvertedDate: today,
        ConvertedAccountId: accountId,
        ConvertedContactId: contactId,
        ConvertedOpportunityId: opportunityId,
      },
      user,
      'collection',
      { system: true },
    );
    return { leadId: lead.Id, accountId, contactId, opportunityId };
  }

  /** A record named by a LeadConvert argument: it must exist, be live, and be visible. */
  private lookup(
    tx: WriteTransaction,
    id: string,
    objectName: string,
    user: EmulatorUser,
    argument: string,
  ): SObjectRecord {
    const fields = argument === 'Id' ? [] : [argument];
    if (!ID_PATTERN.test(id)) throw invalidCrossReference(fields);
    const id18 = to18(id) ?? id;
    const found = this.org.objectNameOf(id18) === objectName ? tx.get(id18) : undefined;
    if (!found) throw invalidCrossReference(fields);
    if (found.record.IsDeleted === true) throw entityIsDeleted(fields);
    if (objectName === 'User') {
      if (found.record.IsActive !== true) throw invalidCrossReference(fields);
    } else if (argument !== 'Id' && !this.org.canSee(user, objectName, found.record)) {
      throw insufficientCrossReferenceAccess(id);
    }
    return found.record;
  }

  private mapped(lead: SObjectRecord, mapping: ReadonlyArray<[string, string]>): FieldInput {
    const values: FieldInput = {};
    for (const [from, to] of mapping) {
      if (present(lead[from])) values[to] = lead[from];
    }
    return values;
  }

  /** Merging into existing records only fills their empty fields (convertLead() usage notes). */
  private fillEmpty(
    tx: WriteTransaction,
    objectName: string,
    target: SObjectRecord,
    lead: SObjectRecord,
    mapping: ReadonlyArray<[string, string]>,
    user: EmulatorUser,
  ): string {
    const patch: FieldInput = {};
    for (const [to, value] of Object.entries(this.mapped(lead, mapping))) {
      if (!present(target[to])) patch[to] = value;
    }
    if (Object.keys(patch).length > 0) {
      this.writer.update(tx, objectName, target.Id, patch, user, 'collection', { system: true });
    }
    return target.Id;
  }
}
