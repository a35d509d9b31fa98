/**
 * Salesforce field API names → the contract's camelCase field names, as a subscriber sees
 * them in `RecordChange.changedFields`.
 */

const ADDRESS_PREFIXES = ['Billing', 'Shipping', 'Mailing', 'Other'] as const;
const ADDRESS_PARTS = new Set([
  'Street',
  'City',
  'State',
  'PostalCode',
  'Country',
  'StateCode',
  'CountryCode',
  'Latitude',
  'Longitude',
  'GeocodeAccuracy',
]);
const NAME_PARTS = new Set(['FirstName', 'LastName', 'Salutation', 'MiddleName', 'Suffix']);

/** `SLAExpirationDate` → `slaExpirationDate`, `IsClosed` → `isClosed`, `ID` → `id`. */
export function lowerCamel(word: string): string {
  const leadingCaps = /^[A-Z]+/.exec(word)?.[0] ?? '';
  if (leadingCaps.length === 0) return word;
  if (leadingCaps.length === word.length) return word.toLowerCase();
  // Keep the capital that starts the next word: `SLAExpiration` → `sla` + `Expiration`.
  const lowered = leadingCaps.length === 1 ? 1 : leadingCaps.length - 1;
  return word.slice(0, lowered).toLowerCase() + word.slice(lowered);
}

/** `Stripe_Customer_Id__c` → `stripeCustomerId`; namespaces (`ns__Field__c`) are dropped. */
function customFieldName(apiName: string): string {
  const withoutSuffix = apiName.replace(/__[a-z]+$/i, '');
  const local = withoutSuffix.split('__').pop() ?? withoutSuffix;
  const words = local.split('_').filter((w) => w.length > 0);
  return words
    .map((w, i) => (i === 0 ? lowerCamel(w) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

function addressFieldName(apiName: string): string | undefined {
  for (const prefix of ADDRESS_PREFIXES) {
    if (apiName === `${prefix}Address`) return `${lowerCamel(prefix)}Address`;
    if (apiName.startsWith(prefix) && ADDRESS_PARTS.has(apiName.slice(prefix.length))) {
      return `${lowerCamel(prefix)}Address`;
    }
  }
  // Lead's address parts carry no prefix.
  if (ADDRESS_PARTS.has(apiName) || apiName === 'Address') return 'address';
  return undefined;
}

/**
 * The contract names one changed field maps to. Compound components (`BillingCity`,
 * `BillingAddress.City`) map to their compound field; name parts also change `name`;
 * reference Ids (`AccountId`) map to the relationship field (`account`).
 */
export function contractFieldNames(apiName: string): string[] {
  const [root = apiName, component] = apiName.split('.', 2);
  if (root === 'Name' && component !== undefined) {
    return NAME_PARTS.has(component) ? [lowerCamel(component), 'name'] : ['name'];
  }
  if (NAME_PARTS.has(root)) return [lowerCamel(root), 'name'];
  if (root.endsWith('__c') || root.includes('__')) return [customFieldName(root)];
  const address = addressFieldName(root);
  if (address) return [address];
  if (root === 'Id') return ['id'];
  if (root.length > 2 && root.endsWith('Id') && /[a-z]Id$/.test(root)) {
    return [lowerCamel(root.slice(0, -2))];
  }
  return [lowerCamel(root)];
}

/** Maps and de-duplicates a header's `changedFields`, keeping first-seen order. */
export function toContractFieldNames(apiNames: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of apiNames) for (const mapped of contractFieldNames(name)) out.add(mapped);
  return [...out];
}
