import { OBJECT_MAPPINGS } from '../soql/object-mappings';
import { contractFieldNames, lowerCamel, toContractFieldNames } from './field-names';

/** Every (graph field, API field) pair the CRM graph reads for one object. */
function graphFieldsOf(object: keyof typeof OBJECT_MAPPINGS): Array<[string, string]> {
  const mapping = OBJECT_MAPPINGS[object];
  const pairs: Array<[string, string]> = [];
  for (const [graph, field] of Object.entries(mapping.fields)) pairs.push([graph, field.soql]);
  for (const [graph, parts] of Object.entries(mapping.addresses)) {
    for (const part of Object.values(parts)) pairs.push([graph, part]);
  }
  for (const [graph, parent] of Object.entries(mapping.parents))
    pairs.push([graph, parent.idField]);
  return pairs;
}

describe('contractFieldNames', () => {
  it.each(['Account', 'Contact', 'Opportunity', 'Lead'] as const)(
    'names every %s field the graph exposes as the graph does',
    (object) => {
      const pairs = graphFieldsOf(object);
      expect(pairs.length).toBeGreaterThan(8);
      const wrong = pairs.filter(([graph, api]) => !contractFieldNames(api).includes(graph));
      expect(wrong).toEqual([]);
    },
  );

  it('maps compound parts, dotted components and custom fields', () => {
    expect(
      toContractFieldNames(['BillingCity', 'BillingAddress.Street', 'Name.FirstName']),
    ).toEqual(['billingAddress', 'firstName', 'name']);
    expect(contractFieldNames('Stripe_Customer_Id__c')).toEqual(['stripeCustomerId']);
    expect(contractFieldNames('ns__Score__c')).toEqual(['score']);
    expect(contractFieldNames('ConvertedAccountId')).toEqual(['convertedAccount']);
    expect(lowerCamel('SLAExpirationDate')).toBe('slaExpirationDate');
  });
});
