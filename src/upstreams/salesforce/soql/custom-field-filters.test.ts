import { registerCustomFields, type CustomFieldSpec } from './custom-field-registry';
import { OBJECT_MAPPINGS, soqlFieldKind } from './object-mappings';
import { buildConnectionQuery, buildCountQuery } from './query-builders';
import { SoqlInputError } from './soql-input-error';
import type { FilterInput } from './soql.types';

const SPECS: CustomFieldSpec[] = [
  {
    object: 'Account',
    name: 'Segments__c',
    label: 'Segments',
    describeType: 'multipicklist',
    kind: 'multipicklist',
    filterable: true,
    sortable: false,
    createable: true,
    updateable: true,
  },
  {
    object: 'Account',
    name: 'Renewal_Date__c',
    label: 'Renewal Date',
    describeType: 'date',
    kind: 'date',
    filterable: true,
    sortable: true,
    createable: true,
    updateable: true,
  },
  {
    object: 'Opportunity',
    name: 'Partner_Account__c',
    label: 'Partner Account',
    describeType: 'reference',
    kind: 'id',
    reference: { target: 'Account', relationshipName: 'Partner_Account__r' },
    filterable: true,
    sortable: true,
    createable: true,
    updateable: true,
  },
];
const STANDARD_OPPORTUNITY = JSON.stringify(OBJECT_MAPPINGS.Opportunity);
const STANDARD_ACCOUNT = JSON.stringify(OBJECT_MAPPINGS.Account);
registerCustomFields(SPECS);

const where = (filter: FilterInput): string =>
  buildCountQuery({ object: 'Account', where: filter }).replace(
    /^SELECT COUNT\(\) FROM Account WHERE /,
    '',
  );

describe('registered custom fields in the SOQL builders', () => {
  it('compiles multipicklist includes/excludes with escaped values', () => {
    expect(where({ Segments__c: { includes: ['SMB', "O'Brien"] } })).toBe(
      "Segments__c INCLUDES ('SMB', 'O\\'Brien')",
    );
    expect(where({ Segments__c: { excludes: ['Enterprise'] } })).toBe(
      "Segments__c EXCLUDES ('Enterprise')",
    );
  });

  it('refuses operators a multipicklist has not, empty lists and values holding ;', () => {
    for (const filter of [
      { Segments__c: { eq: 'SMB' } },
      { Segments__c: { includes: [] } },
      { Segments__c: { includes: ['a;b'] } },
    ]) {
      expect(() => where(filter)).toThrow(SoqlInputError);
    }
  });

  it('sorts and pages by a sortable custom field, typed for the keyset cursor', () => {
    const { soql, sortKeys } = buildConnectionQuery({
      object: 'Account',
      fields: ['Id', 'Renewal_Date__c'],
      orderBy: [{ field: 'Renewal_Date__c', direction: 'DESC' }],
      first: 10,
    });
    expect(soql).toContain('ORDER BY Renewal_Date__c DESC NULLS LAST, Id ASC');
    expect(sortKeys[0]?.field).toBe('Renewal_Date__c');
    expect(soqlFieldKind('Account', 'renewal_date__c')).toBe('date');
  });

  it('registers a reference to a graph type as a parent; registering again replaces, never appends', () => {
    const before = JSON.stringify(OBJECT_MAPPINGS.Opportunity);
    expect(OBJECT_MAPPINGS.Opportunity.parents.Partner_Account__c).toEqual({
      relationship: 'Partner_Account__r',
      idField: 'Partner_Account__c',
      target: 'Account',
    });
    expect(OBJECT_MAPPINGS.Account.sortFields.Segments__c).toBeUndefined();
    registerCustomFields(SPECS);
    expect(JSON.stringify(OBJECT_MAPPINGS.Opportunity)).toBe(before);
    // A field gone from the plan (removed in the org, then reloadSchema) leaves every mapping.
    registerCustomFields(SPECS.filter((s) => s.name !== 'Partner_Account__c'));
    expect(OBJECT_MAPPINGS.Opportunity.parents.Partner_Account__c).toBeUndefined();
    expect(OBJECT_MAPPINGS.Opportunity.filters.Partner_Account__c).toBeUndefined();
    expect(OBJECT_MAPPINGS.Opportunity.sortFields.Partner_Account__c).toBeUndefined();
    expect(OBJECT_MAPPINGS.Account.filters.Segments__c).toBeDefined();
    registerCustomFields([]);
    expect(JSON.stringify(OBJECT_MAPPINGS.Opportunity)).toBe(STANDARD_OPPORTUNITY);
    expect(JSON.stringify(OBJECT_MAPPINGS.Account)).toBe(STANDARD_ACCOUNT);
    registerCustomFields(SPECS);
    expect(JSON.stringify(OBJECT_MAPPINGS.Opportunity)).toBe(before);
  });
});
