/**
 * Sentences the CRM schema repeats on many fields: what null means in a write, where a
 * picklist's values come from, which currency an amount is in. One wording everywhere, so a
 * client developer reading Sandbox learns each rule once.
 */

/** A create/update input field that may be cleared. */
export const WRITE_NULL =
  "Absent: left as it is (on create: empty, or the field's default value); null: cleared.";

/** A field required on create, optional on update. */
export const REQUIRED_ON_CREATE =
  'Required on create; on update absent leaves it, and null or a blank string is BAD_USER_INPUT (Salesforce requires it).';

/** Money in Salesforce: a currency field, never converted by the gateway. */
export const SALESFORCE_MONEY =
  "In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted.";

/** The picklist values of `field` on `object` (an SObjectType value), for a description. */
export function picklistNote(object: string, field: string): string {
  return `Picklist: allowed values and labels from \`picklists(object: ${object}, fields: ["${field}"])\`.`;
}

/** An owner: any active user of the org, from `users`. */
export const OWNER_INPUT =
  'The owning User’s Id (005…), e.g. from `users(where: { isActive: { eq: true } })`. Absent on create: the running user owns it; null is refused by Salesforce (BAD_USER_INPUT).';
