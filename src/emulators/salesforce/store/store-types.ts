import type { EmulatorUser, SObjectRecord } from '../model/types';

/** One error of a collection result, as the composite/sobjects API reports it. */
export interface DmlError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface DmlResult {
  id: string | null;
  success: boolean;
  errors: DmlError[];
  /** Upserts only: whether the record was created (true) or updated (false). */
  created?: boolean;
}

/** Raw JSON field values from a request body (strings, numbers, booleans, null; `attributes` ignored). */
export type FieldInput = Record<string, unknown>;

export interface LeadConvertInput {
  leadId: string;
  convertedStatus: string;
  accountId?: string | null;
  contactId?: string | null;
  ownerId?: string | null;
  doNotCreateOpportunity?: boolean;
  opportunityName?: string | null;
}

export interface LeadConvertResult {
  leadId: string;
  accountId: string;
  contactId: string;
  opportunityId: string | null;
}

export interface SeedData {
  users: EmulatorUser[];
  records: Array<{ objectName: string; record: SObjectRecord }>;
}
