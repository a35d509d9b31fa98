import type { FieldDef, ObjectDef } from '../model/types';
import { ACCOUNT_OBJECT } from './account.object';
import { CONTACT_OBJECT } from './contact.object';
import { LEAD_OBJECT } from './lead.object';
import { OPPORTUNITY_OBJECT } from './opportunity.object';
import { USER_OBJECT } from './user.object';
import { CASE_OBJECT, QUICKBOOKS_INVOICE_OBJECT, STRIPE_PAYMENT_OBJECT } from './sync-objects';

export {
  ACCOUNT_TYPES,
  CONVERTED_LEAD_STATUS,
  DEFAULT_LEAD_STATUS,
  FORECAST_CATEGORIES,
  FORECAST_CATEGORY_NAMES,
  INDUSTRIES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  PRODUCT_INTERESTS,
  RATINGS,
  STAGE_PROBABILITIES,
} from './picklists';
export type { OpportunityStage } from './picklists';
export {
  ACCOUNT_OBJECT,
  CASE_OBJECT,
  CONTACT_OBJECT,
  LEAD_OBJECT,
  OPPORTUNITY_OBJECT,
  QUICKBOOKS_INVOICE_OBJECT,
  STRIPE_PAYMENT_OBJECT,
  USER_OBJECT,
};

export const STANDARD_OBJECTS: ObjectDef[] = [
  USER_OBJECT,
  ACCOUNT_OBJECT,
  CONTACT_OBJECT,
  OPPORTUNITY_OBJECT,
  LEAD_OBJECT,
  CASE_OBJECT,
  STRIPE_PAYMENT_OBJECT,
  QUICKBOOKS_INVOICE_OBJECT,
];

/** Case-insensitive, like object names in SOQL and REST paths. */
export function findObject(
  name: string,
  objects: readonly ObjectDef[] = STANDARD_OBJECTS,
): ObjectDef | undefined {
  const lower = name.toLowerCase();
  return objects.find((o) => o.name.toLowerCase() === lower);
}

export function findField(objectDef: ObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return objectDef.fields.find((f) => f.name.toLowerCase() === lower);
}

/** What Salesforce reports as REQUIRED_FIELD_MISSING when absent on create. */
export function isRequiredOnCreate(field: FieldDef): boolean {
  return !field.nillable && field.createable && !field.defaultedOnCreate;
}
