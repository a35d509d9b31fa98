import { SalesforceError } from '../model/errors';
import { executeSoql } from './index';
import { FixtureOrg, context } from '../../../../test/helpers/emulator-soql-fixture';

const org = new FixtureOrg();

function errorOf(soql: string): SalesforceError {
  try {
    executeSoql(org, soql, context());
  } catch (error) {
    if (error instanceof SalesforceError) return error;
    throw error;
  }
  throw new Error(`no error for: ${soql}`);
}

const expectError = (soql: string, errorCode: string, message: RegExp) => {
  const error = errorOf(soql);
  expect(error.statusCode).toBe(400);
  expect(error.errorCode).toBe(errorCode);
  expect(error.message).toMatch(message);
};

describe('Salesforce query errors', () => {
  it('prefixes the excerpt, caret and row/column like Salesforce', () => {
    expect(errorOf('SELECT Id, Foo FROM Account').message).toBe(
      "\nSELECT Id, Foo FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    );
    expect(errorOf('SELECT Id\nFROM Account\nWHERE Bar = 1').message).toMatch(
      /\nWHERE Bar = 1\n {6}\^\nERROR at Row:3:Column:7\nNo such column 'Bar'/,
    );
  });

  it.each<[string, string, RegExp]>([
    [
      'SELECT Id FROM Foo',
      'INVALID_TYPE',
      /sObject type 'Foo' is not supported\. If you are attempting to use a custom object, be sure to append the '__c'/,
    ],
    [
      'SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Nope__c)',
      'INVALID_TYPE',
      /sObject type 'Nope__c' is not supported/,
    ],
    [
      'SELECT Id, (SELECT Id FROM Nopes) FROM Account',
      'INVALID_TYPE',
      /Didn't understand relationship 'Nopes' in FROM part of query call/,
    ],
    [
      'SELECT Id, (SELECT Id FROM Contacts) FROM Contact',
      'INVALID_TYPE',
      /Didn't understand relationship 'Contacts'/,
    ],
    [
      'SELECT Id, Nope.Name FROM Contact',
      'INVALID_FIELD',
      /Didn't understand relationship 'Nope' in field path\. If you are attempting to use a custom relationship, be sure to append the '__r'/,
    ],
    [
      'SELECT Id, AccountId.Name FROM Contact',
      'INVALID_FIELD',
      /Didn't understand relationship 'AccountId'/,
    ],
    [
      'SELECT Id, Account.Nope FROM Contact',
      'INVALID_FIELD',
      /No such column 'Nope' on entity 'Account'/,
    ],
    [
      'SELECT Id, (SELECT Nope FROM Contacts) FROM Account',
      'INVALID_FIELD',
      /No such column 'Nope' on entity 'Contact'/,
    ],
    [
      "SELECT Id FROM Account WHERE Nope = 'x'",
      'INVALID_FIELD',
      /No such column 'Nope' on entity 'Account'/,
    ],
    ['SELECT Id FROM Account ORDER BY Nope', 'INVALID_FIELD', /No such column 'Nope'/],
    [
      "SELECT Id FROM Account WHERE Description = 'x'",
      'INVALID_FIELD',
      /field 'Description' can not be filtered in a query call/,
    ],
    [
      "SELECT Id FROM Account WHERE BillingAddress = 'x'",
      'INVALID_FIELD',
      /field 'BillingAddress' can not be filtered/,
    ],
    [
      'SELECT Id FROM Account ORDER BY Description',
      'INVALID_FIELD',
      /field 'Description' can not be sorted in a query call/,
    ],
    [
      'SELECT Id FROM Opportunity ORDER BY Product_Interest__c',
      'INVALID_FIELD',
      /field 'Product_Interest__c' can not be sorted/,
    ],
    ['SELECT Id, Name, name FROM Account', 'INVALID_FIELD', /duplicate field selected: Name/],
  ])('%s → %s', (soql, code, message) => expectError(soql, code, message));

  describe('value types', () => {
    it.each<[string, RegExp]>([
      [
        "Amount = '100'",
        /value of filter criterion for field 'Amount' must be of type double and should not be enclosed in quotes/,
      ],
      ['Name = 100', /field 'Name' must be of type string and should be enclosed in quotes/],
      [
        "CloseDate = '2024-01-01'",
        /field 'CloseDate' must be of type date and should not be enclosed in quotes/,
      ],
      ['CloseDate = 2024-13-45', /field 'CloseDate' must be of type date/],
      ['CloseDate = 2024-01-01T00:00:00Z', /field 'CloseDate' must be of type date/],
      [
        'CreatedDate > 2024-01-01',
        /field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes/,
      ],
      [
        "IsWon = 'true'",
        /field 'IsWon' must be of type boolean and should not be enclosed in quotes/,
      ],
      ["Amount IN (1, '2')", /field 'Amount' must be of type double/],
      ["Probability LIKE '1%'", /field 'Probability' must be of type double/],
      ['AccountId = 5', /field 'AccountId' must be of type id and should be enclosed in quotes/],
      ['Account.Name = 5', /field 'Name' must be of type string/],
    ])('%s', (where, message) =>
      expectError(`SELECT Id FROM Opportunity WHERE ${where}`, 'INVALID_FIELD', message),
    );

    it('an invalid Id literal → INVALID_QUERY_FILTER_OPERATOR', () => {
      expectError(
        "SELECT Id FROM Account WHERE Id = 'not-an-id'",
        'INVALID_QUERY_FILTER_OPERATOR',
        /invalid ID field: not-an-id/,
      );
      expectError(
        "SELECT Id FROM Contact WHERE AccountId IN ('001000000000001', 'x')",
        'INVALID_QUERY_FILTER_OPERATOR',
        /invalid ID field: x/,
      );
    });

    it('INCLUDES/EXCLUDES only on multi-select picklists', () => {
      expectError(
        "SELECT Id FROM Account WHERE Industry INCLUDES ('Energy')",
        'INVALID_QUERY_FILTER_OPERATOR',
        /includes or excludes operator only valid on multipicklist field/,
      );
    });

    it('semi-join sides must both be Ids', () => {
      expectError(
        'SELECT Id FROM Account WHERE Name IN (SELECT LastName FROM Contact)',
        'INVALID_FIELD',
        /should point to the same object type/,
      );
    });
  });

  describe('MALFORMED_QUERY', () => {
    it.each<[string, RegExp]>([
      [
        "SELECT Id FROM Account WHERE Name = 'a' AND Industry = 'b' OR Industry = 'c'",
        /unexpected token: 'OR'/,
      ],
      [
        "SELECT Id FROM Account WHERE Name = 'a' OR Industry = 'b' AND Industry = 'c'",
        /unexpected token: 'AND'/,
      ],
      [
        "SELECT Id FROM Account WHERE (Name = 'a' OR Name = 'b' AND Name = 'c')",
        /unexpected token: 'AND'/,
      ],
      ["SELECT Id FROM Account WHERE Name = 'a' AND NOT Industry = 'b'", /unexpected token: 'NOT'/],
      ['SELECT FROM Account', /unexpected token: 'FROM'/],
      ['SELECT Id FROM Account WHERE', /unexpected token: '<EOF>'/],
      ["SELECT Id FROM Account WHERE Name = 'open", /unexpected token/],
      ['SELECT Id FROM Account LIMIT -1', /unexpected token/],
      ['SELECT Id Account', /unexpected token/],
      ['SELEC Id FROM Account', /unexpected token: 'SELEC'/],
      [
        'SELECT Name FROM Account ORDER BY COUNT(Id)',
        /Ordered field must be grouped or aggregated/,
      ],
    ])('%s', (soql, message) => expectError(soql, 'MALFORMED_QUERY', message));

    it('points the caret at the offending operator', () => {
      expect(
        errorOf("SELECT Id FROM Account WHERE Name = 'a' AND Type = 'b' OR Type = 'c'").message,
      ).toMatch(/ERROR at Row:1:Column:56\n/);
    });

    it('rejects statements over 100,000 characters', () => {
      const soql = `SELECT Id FROM Account WHERE Name = '${'x'.repeat(100_000)}'`;
      expect(errorOf(soql)).toMatchObject({
        errorCode: 'MALFORMED_QUERY',
        message: 'SOQL statements can not be longer than 100000 characters.',
      });
    });
  });

  it('OFFSET over 2,000 → NUMBER_OUTSIDE_VALID_RANGE; 2,000 is fine', () => {
    expectError(
      'SELECT Id FROM Account LIMIT 10 OFFSET 2001',
      'NUMBER_OUTSIDE_VALID_RANGE',
      /Maximum SOQL offset allowed is 2000/,
    );
    expect(
      executeSoql(org, 'SELECT Id FROM Account LIMIT 10 OFFSET 2000', context()).records,
    ).toEqual([]);
  });
});
