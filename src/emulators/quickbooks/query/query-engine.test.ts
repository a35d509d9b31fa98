import { generateQuickBooksSeed } from '../seed/quickbooks-seed';
import { QueryValidationError, runQuery } from './query-engine';

const data = generateQuickBooksSeed({ now: '2025-06-30', salesforce: { scale: 1 } });

describe('runQuery', () => {
  it('answers 100 rows when MAXRESULTS is absent, and treats STARTPOSITION 0 as 1', () => {
    expect(data.invoices.length).toBeGreaterThan(100);
    const page = runQuery(data, 'select * from Invoice startposition 0');
    expect(page.maxResults).toBe(100);
    expect(page.startPosition).toBe(1);
  });

  it('projects a field list as sparse entities with their Id', () => {
    const page = runQuery(data, "select DisplayName, Balance from Customer where Id = '1000'");
    expect(page.Customer).toEqual([
      {
        Id: '1000',
        DisplayName: data.customers[0]!.DisplayName,
        Balance: data.customers[0]!.Balance,
        domain: 'QBO',
        sparse: true,
      },
    ]);
    expect(() => runQuery(data, 'select Nickname from Customer')).toThrow(QueryValidationError);
  });

  it('compares dateTimes as instants and booleans as booleans', () => {
    const created = data.customers[0]!.MetaData.CreateTime;
    const after = runQuery(
      data,
      `select count(*) from Customer where MetaData.CreateTime > '${created}'`,
    );
    const expected = data.customers.filter(
      (c) => Date.parse(c.MetaData.CreateTime) > Date.parse(created),
    ).length;
    expect(after).toEqual({ totalCount: expected });
    const inactive = runQuery(data, "select count(*) from Customer where Active = 'false'");
    expect(inactive).toEqual({ totalCount: data.customers.filter((c) => !c.Active).length });
  });

  it('orders by several keys', () => {
    const page = runQuery(
      data,
      'select * from Invoice orderby CustomerRef desc, TotalAmt asc maxresults 1000',
    );
    const rows = page.Invoice as typeof data.invoices;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const byCustomer = Number(b.CustomerRef.value) - Number(a.CustomerRef.value);
      expect(byCustomer).toBeLessThanOrEqual(0);
      if (byCustomer === 0) expect(b.TotalAmt).toBeGreaterThanOrEqual(a.TotalAmt);
    }
  });
});
