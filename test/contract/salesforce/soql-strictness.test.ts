import type { Connection } from 'jsforce';
import { describeSalesforceContract } from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { unusedId } from '../../helpers/salesforce-records';

describeSalesforceContract('SOQL strictness: what a real org rejects', (target) => {
  let conn: Connection;

  beforeAll(async () => {
    conn = await target().connect('admin');
  });

  it('unknown object → INVALID_TYPE', async () => {
    await expectSalesforceError(
      conn.query('SELECT Id FROM NoSuchThing__c'),
      'INVALID_TYPE',
      /sObject type 'NoSuchThing__c' is not supported/,
    );
  });

  it('unknown field → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query('SELECT Id, NoSuchField__c FROM Account'),
      'INVALID_FIELD',
      /No such column 'NoSuchField__c' on entity 'Account'/,
    );
  });

  it('unknown field in WHERE → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query("SELECT Id FROM Account WHERE Nope = 'x'"),
      'INVALID_FIELD',
      /Nope/,
    );
  });

  it('unknown parent relationship → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query('SELECT Id, Nope.Name FROM Contact'),
      'INVALID_FIELD',
      /Didn't understand relationship 'Nope' in field path/,
    );
  });

  it('unknown child relationship → INVALID_TYPE', async () => {
    await expectSalesforceError(
      conn.query('SELECT Id, (SELECT Id FROM Nopes) FROM Account'),
      'INVALID_TYPE',
      /Didn't understand relationship 'Nopes'/,
    );
  });

  it('non-filterable field in WHERE → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query("SELECT Id FROM Account WHERE Description = 'x'"),
      'INVALID_FIELD',
      /field 'Description' can not be filtered/,
    );
  });

  it('non-sortable field in ORDER BY → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query('SELECT Id FROM Account ORDER BY Description'),
      'INVALID_FIELD',
      /field 'Description' can not be sorted/,
    );
  });

  it('non-groupable field in GROUP BY → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query('SELECT AnnualRevenue, COUNT(Id) FROM Account GROUP BY AnnualRevenue'),
      'INVALID_FIELD',
      /field 'AnnualRevenue' can not be grouped/,
    );
  });

  it('a selected field that is neither grouped nor aggregated → MALFORMED_QUERY', async () => {
    await expectSalesforceError(
      conn.query('SELECT Name, COUNT(Id) FROM Account GROUP BY Industry'),
      'MALFORMED_QUERY',
      /Field must be grouped or aggregated: Name/,
    );
  });

  it('a quoted value for a number → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query("SELECT Id FROM Account WHERE AnnualRevenue = 'lots'"),
      'INVALID_FIELD',
      /value of filter criterion for field 'AnnualRevenue' must be of type/,
    );
  });

  it('a date for a datetime field → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query('SELECT Id FROM Account WHERE CreatedDate > 2024-01-01'),
      'INVALID_FIELD',
      /CreatedDate/,
    );
  });

  it('a string where an Id is expected must be a valid Id → INVALID_QUERY_FILTER_OPERATOR', async () => {
    await expectSalesforceError(
      conn.query("SELECT Id FROM Account WHERE Id = 'not-an-id'"),
      'INVALID_QUERY_FILTER_OPERATOR',
      /invalid ID field: not-an-id/,
    );
  });

  it('LIKE on a number → INVALID_FIELD', async () => {
    await expectSalesforceError(
      conn.query("SELECT Id FROM Account WHERE NumberOfEmployees LIKE '1%'"),
      'INVALID_FIELD',
      /NumberOfEmployees/,
    );
  });

  it.each([
    ['SELECT FROM Account'],
    ['SELECT Id FROM Account WHERE'],
    ["SELECT Id FROM Account WHERE Name = 'unterminated"],
    ['SELECT Id FROM Account LIMIT -1'],
    ['SELECT Id Account'],
    ["SELECT Id FROM Account WHERE Name = 'a' AND Industry = 'b' OR Industry = 'c'"],
    ["SELECT Id FROM Account WHERE Name = 'a' OR Industry = 'b' AND Industry = 'c'"],
  ])('malformed: %s → MALFORMED_QUERY', async (soql) => {
    await expectSalesforceError(conn.query(soql), 'MALFORMED_QUERY');
  });

  it('OFFSET above 2,000 → NUMBER_OUTSIDE_VALID_RANGE; 2,000 itself is accepted', async () => {
    await expectSalesforceError(
      conn.query('SELECT Id FROM Account ORDER BY Id LIMIT 10 OFFSET 2001'),
      'NUMBER_OUTSIDE_VALID_RANGE',
      /2000/,
    );
    const ok = await conn.query('SELECT Id FROM Account ORDER BY Id LIMIT 10 OFFSET 2000');
    expect(ok.records.length).toBeLessThanOrEqual(10);
  });

  describe('size limits', () => {
    // Each quoted Id costs 23 bytes once jsforce URL-encodes it (quotes stay, "," is "%2C").
    const idList = (n: number): string =>
      Array.from({ length: n }, (_, i) => `'${unusedId(`001${String(i).padStart(4, '0')}`)}'`).join(
        ',',
      );

    it('a query URI just under 16,384 bytes is served', async () => {
      const soql = `SELECT Id FROM Account WHERE Id IN (${idList(550)})`;
      expect(
        `${target().instanceUrl}/services/data/v59.0/query?q=${encodeURIComponent(soql)}`.length,
      ).toBeLessThan(16_384);
      const result = await conn.query(soql);
      expect(result.totalSize).toBe(0);
    });

    // Salesforce answers 414 URI Too Long with an HTML page before any SOQL parsing
    // (jsforce issue #1134), which jsforce surfaces as ERROR_HTTP_414.
    it('a query URI over 16,384 bytes → 414 (ERROR_HTTP_414)', async () => {
      const soql = `SELECT Id FROM Account WHERE Id IN (${idList(1000)})`;
      expect(encodeURIComponent(soql).length).toBeGreaterThan(16_384);
      await expectSalesforceError(conn.query(soql), 'ERROR_HTTP_414');
    });

    // A >100,000-character statement cannot reach the SOQL parser over REST GET: its URI is
    // already past the 16,384-byte limit, so the org refuses it the same way.
    it('a SOQL statement over 100,000 characters is refused', async () => {
      const soql = `SELECT Id FROM Account WHERE Name = '${'x'.repeat(100_001)}'`;
      expect(soql.length).toBeGreaterThan(100_000);
      await expectSalesforceError(conn.query(soql), 'ERROR_HTTP_414');
    });
  });
});
