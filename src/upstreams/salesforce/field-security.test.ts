import { registerCustomFields } from './soql';
import {
  withoutHiddenFields,
  withoutHiddenSearchFields,
  type HiddenFields,
} from './field-security';
import { buildSearchQuery } from './soql';

registerCustomFields([
  {
    object: 'Account',
    name: 'Credit_Limit__c',
    label: 'Credit Limit',
    describeType: 'currency',
    kind: 'float',
    filterable: true,
    sortable: true,
    createable: true,
    updateable: true,
  },
]);

const hidden: HiddenFields = new Map([['Account', new Set(['credit_limit__c'])]]);

describe('withoutHiddenFields', () => {
  it('drops hidden fields from the SELECT list, on the object, its parents and children', () => {
    expect(withoutHiddenFields('SELECT Id, Credit_Limit__c, Name FROM Account', hidden)).toBe(
      'SELECT Id, Name FROM Account',
    );
    expect(
      withoutHiddenFields('SELECT Id, Account.Credit_Limit__c, Account.Name FROM Contact', hidden),
    ).toBe('SELECT Id, Account.Name FROM Contact');
    expect(
      withoutHiddenFields(
        'SELECT Id, (SELECT Id, Account.Credit_Limit__c FROM Opportunities) FROM Account',
        hidden,
      ),
    ).toBe('SELECT Id, (SELECT Id FROM Opportunities) FROM Account');
  });

  it('leaves queries naming no hidden field untouched', () => {
    const soql = "SELECT Id, Name FROM Account WHERE Name = 'x' ORDER BY Name ASC";
    expect(withoutHiddenFields(soql, hidden)).toBe(soql);
    expect(withoutHiddenFields(soql, new Map())).toBe(soql);
  });

  it('drops hidden fields from a search RETURNING list, not from the searched text', () => {
    const sosl = buildSearchQuery({
      text: 'Credit_Limit__c RETURNING Account(Credit_Limit__c)',
      objects: [
        { object: 'Account', fields: ['Id', 'Credit_Limit__c', 'Name'] },
        { object: 'Contact', fields: ['Id', 'Name'] },
      ],
      limit: 5,
    });
    const stripped = withoutHiddenSearchFields(sosl, hidden);
    expect(stripped.slice(stripped.lastIndexOf(' IN ALL FIELDS RETURNING '))).toBe(
      ' IN ALL FIELDS RETURNING Account(Id, Name LIMIT 5), Contact(Id, Name LIMIT 5) LIMIT 5',
    );
    expect(stripped.slice(0, 60)).toBe(sosl.slice(0, 60));
  });
});
