import { registerCustomFields } from './soql';
import { withoutHiddenFields, type HiddenFields } from './field-security';

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
});
