import { readFileSync } from 'node:fs';
import { OBJECT_MAPPINGS, soqlFieldKind } from './object-mappings';
import type { SObjectName } from './soql.types';

/*
 * jsforce ships the standard objects' schema generated from a real org; every Salesforce name
 * in the mappings must appear there, so a typo cannot reach a live org as INVALID_FIELD.
 */
const schemaText = readFileSync(require.resolve('jsforce/lib/types/standard-schema.d.ts'), 'utf8');

function block(
  kind: 'Fields' | 'ParentReferences' | 'ChildRelationships',
  object: string,
): Set<string> {
  const match = new RegExp(`type ${kind}\\$${object} = \\{([^}]*)\\};`).exec(schemaText);
  if (!match) throw new Error(`no ${kind}$${object} in jsforce's standard schema`);
  return new Set([...match[1].matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]));
}

/**
 * Standard fields missing from jsforce's generated file (its org lacked them) but documented by
 * Salesforce and served by the emulator: Opportunity.ExpectedRevenue (Amount x Probability).
 */
const DOCUMENTED_EXTRAS = new Set(['Opportunity.ExpectedRevenue']);

const objects = Object.keys(OBJECT_MAPPINGS) as SObjectName[];

describe.each(objects)('%s mapping', (object) => {
  const mapping = OBJECT_MAPPINGS[object];
  const fields = block('Fields', object);
  const parents = block('ParentReferences', object);

  it('names itself', () => {
    expect(mapping.sobject).toBe(object);
  });

  it('uses real field names for scalars, filters, sorts and address parts', () => {
    const names = [
      ...Object.values(mapping.fields).map((f) => f.soql),
      ...Object.values(mapping.filters).map((f) => f.soql),
      ...Object.values(mapping.sortFields),
      ...Object.values(mapping.addresses).flatMap((a) => Object.values(a)),
    ];
    expect(names.filter((n) => !fields.has(n) && !DOCUMENTED_EXTRAS.has(`${object}.${n}`))).toEqual(
      [],
    );
  });

  it('uses real parent relationships and their Id fields', () => {
    for (const parent of Object.values(mapping.parents)) {
      expect(parents.has(parent.relationship)).toBe(true);
      expect(fields.has(parent.idField)).toBe(true);
    }
  });

  it('uses real child relationships', () => {
    const children = block('ChildRelationships', object);
    for (const child of Object.values(mapping.children)) {
      expect(children.has(child.relationship)).toBe(true);
      expect(block('Fields', child.target).has(child.field)).toBe(true);
    }
  });

  it('gives filters on the same field the same kind as the field', () => {
    for (const [key, filter] of Object.entries(mapping.filters)) {
      const field = mapping.fields[key];
      if (field) expect(filter).toEqual(field);
      expect(soqlFieldKind(object, filter.soql)).toBe(filter.kind);
    }
  });
});

describe('contract mappings', () => {
  it('maps the relationships the contract names', () => {
    expect(OBJECT_MAPPINGS.Account.addresses.billingAddress.city).toBe('BillingCity');
    expect(OBJECT_MAPPINGS.Contact.addresses.mailingAddress.postalCode).toBe('MailingPostalCode');
    expect(OBJECT_MAPPINGS.Lead.parents.convertedAccount).toEqual({
      relationship: 'ConvertedAccount',
      idField: 'ConvertedAccountId',
      target: 'Account',
    });
    expect(OBJECT_MAPPINGS.Account.parents.parent).toEqual({
      relationship: 'Parent',
      idField: 'ParentId',
      target: 'Account',
    });
    expect(OBJECT_MAPPINGS.Opportunity.parents.owner).toEqual({
      relationship: 'Owner',
      idField: 'OwnerId',
      target: 'User',
    });
    expect(OBJECT_MAPPINGS.Contact.parents.account).toEqual({
      relationship: 'Account',
      idField: 'AccountId',
      target: 'Account',
    });
    expect(OBJECT_MAPPINGS.Account.children.contacts).toEqual({
      relationship: 'Contacts',
      target: 'Contact',
      field: 'AccountId',
    });
    expect(OBJECT_MAPPINGS.Account.children.opportunities).toEqual({
      relationship: 'Opportunities',
      target: 'Opportunity',
      field: 'AccountId',
    });
    expect(OBJECT_MAPPINGS.Account.sortFields.ANNUAL_REVENUE).toBe('AnnualRevenue');
    expect(OBJECT_MAPPINGS.Account.filters.ownerId).toEqual({ soql: 'OwnerId', kind: 'id' });
  });
});
