import type { Connection } from 'jsforce';
import type { TestGateway } from '../helpers/gateway';
import { gatewayIds, type ListField } from '../helpers/ids-pages';
import {
  queryAll,
  startGatewayWithDirectSession,
  type SalesforceRow,
} from '../helpers/salesforce-direct';

describe('CRM filters and sorting over HTTP', () => {
  let gw: TestGateway;
  let sf: Connection;

  async function directIds(soql: string): Promise<string[]> {
    return (await queryAll(sf, soql)).map((r) => r.Id);
  }

  async function one(soql: string): Promise<SalesforceRow> {
    const [row] = (await sf.query<SalesforceRow>(soql)).records;
    if (!row) throw new Error(`no row for ${soql}`);
    return row;
  }

  async function expectSame(
    field: ListField,
    where: unknown,
    object: string,
    condition: string,
  ): Promise<string[]> {
    const expected = await directIds(`SELECT Id FROM ${object} WHERE ${condition}`);
    const actual = await gatewayIds(gw, field, where);
    expect([...actual].sort()).toEqual([...expected].sort());
    return expected;
  }

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 0.5 }));
  }, 60_000);

  it('IDFilter eq, ne, in, nin (15-character ids too)', async () => {
    const a = await one('SELECT Id FROM Account ORDER BY Id LIMIT 1');
    const b = await one('SELECT Id FROM Account ORDER BY Id DESC LIMIT 1');
    await expectSame('accounts', { id: { eq: a.Id.slice(0, 15) } }, 'Account', `Id = '${a.Id}'`);
    await expectSame('accounts', { id: { ne: a.Id } }, 'Account', `Id != '${a.Id}'`);
    await expectSame(
      'accounts',
      { id: { in: [a.Id, b.Id] } },
      'Account',
      `Id IN ('${a.Id}', '${b.Id}')`,
    );
    await expectSame(
      'accounts',
      { id: { nin: [a.Id, b.Id] } },
      'Account',
      `Id NOT IN ('${a.Id}', '${b.Id}')`,
    );
    const contact = await one('SELECT AccountId FROM Contact WHERE AccountId != null LIMIT 1');
    const found = await expectSame(
      'contacts',
      { accountId: { eq: contact.AccountId } },
      'Contact',
      `AccountId = '${String(contact.AccountId)}'`,
    );
    expect(found.length).toBeGreaterThan(0);
  });

  it('StringFilter eq, ne, in, nin, like, isNull', async () => {
    const acc = await one('SELECT Industry FROM Account WHERE Industry != null LIMIT 1');
    const industry = String(acc.Industry);
    const eq = await expectSame(
      'accounts',
      { industry: { eq: industry } },
      'Account',
      `Industry = '${industry}'`,
    );
    expect(eq.length).toBeGreaterThan(0);
    await expectSame(
      'accounts',
      { industry: { ne: industry } },
      'Account',
      `Industry != '${industry}'`,
    );
    await expectSame(
      'accounts',
      { industry: { in: [industry, 'Nope'] } },
      'Account',
      `Industry IN ('${industry}', 'Nope')`,
    );
    await expectSame(
      'accounts',
      { industry: { nin: [industry] } },
      'Account',
      `Industry NOT IN ('${industry}')`,
    );
    const like = await expectSame(
      'contacts',
      { lastName: { like: 'S%' } },
      'Contact',
      "LastName LIKE 'S%'",
    );
    expect(like.length).toBeGreaterThan(0);
    const nulls = await expectSame(
      'accounts',
      { type: { isNull: true } },
      'Account',
      'Type = null',
    );
    const notNulls = await expectSame(
      'accounts',
      { type: { isNull: false } },
      'Account',
      'Type != null',
    );
    expect(nulls.length).toBeGreaterThan(0);
    expect(notNulls.length).toBeGreaterThan(0);
  });

  it('IntFilter and FloatFilter comparisons, lists and isNull', async () => {
    await expectSame(
      'accounts',
      { numberOfEmployees: { gt: 100 } },
      'Account',
      'NumberOfEmployees > 100',
    );
    await expectSame(
      'accounts',
      { numberOfEmployees: { gte: 100, lte: 5000 } },
      'Account',
      'NumberOfEmployees >= 100 AND NumberOfEmployees <= 5000',
    );
    await expectSame(
      'accounts',
      { numberOfEmployees: { lt: 50 } },
      'Account',
      'NumberOfEmployees < 50',
    );
    const acc = await one(
      'SELECT NumberOfEmployees FROM Account WHERE NumberOfEmployees != null LIMIT 1',
    );
    const n = Number(acc.NumberOfEmployees);
    await expectSame(
      'accounts',
      { numberOfEmployees: { eq: n } },
      'Account',
      `NumberOfEmployees = ${n}`,
    );
    await expectSame(
      'accounts',
      { numberOfEmployees: { ne: n } },
      'Account',
      `NumberOfEmployees != ${n}`,
    );
    await expectSame(
      'accounts',
      { numberOfEmployees: { in: [n, 1] } },
      'Account',
      `NumberOfEmployees IN (${n}, 1)`,
    );
    await expectSame(
      'accounts',
      { numberOfEmployees: { nin: [n] } },
      'Account',
      `NumberOfEmployees NOT IN (${n})`,
    );
    await expectSame(
      'accounts',
      { numberOfEmployees: { isNull: true } },
      'Account',
      'NumberOfEmployees = null',
    );
    const amounts = await expectSame(
      'opportunities',
      { amount: { gte: 25000, lt: 100000 } },
      'Opportunity',
      'Amount >= 25000 AND Amount < 100000',
    );
    expect(amounts.length).toBeGreaterThan(0);
    await expectSame('opportunities', { amount: { eq: 50000 } }, 'Opportunity', 'Amount = 50000');
    await expectSame('opportunities', { amount: { ne: 50000 } }, 'Opportunity', 'Amount != 50000');
    await expectSame(
      'opportunities',
      { amount: { gt: 99999.5, lte: 250000 } },
      'Opportunity',
      'Amount > 99999.5 AND Amount <= 250000',
    );
    await expectSame('opportunities', { amount: { isNull: true } }, 'Opportunity', 'Amount = null');
    await expectSame(
      'opportunities',
      { probability: { gte: 50 } },
      'Opportunity',
      'Probability >= 50',
    );
  });

  it('BooleanFilter, DateFilter and DateTimeFilter incl. relative dates', async () => {
    const won = await expectSame(
      'opportunities',
      { isWon: { eq: true } },
      'Opportunity',
      'IsWon = true',
    );
    expect(won.length).toBeGreaterThan(0);
    await expectSame(
      'opportunities',
      { isClosed: { eq: false } },
      'Opportunity',
      'IsClosed = false',
    );
    await expectSame('leads', { isConverted: { eq: true } }, 'Lead', 'IsConverted = true');
    const opp = await one('SELECT CloseDate FROM Opportunity ORDER BY CloseDate LIMIT 1 OFFSET 20');
    const day = String(opp.CloseDate);
    const eq = await expectSame(
      'opportunities',
      { closeDate: { eq: day } },
      'Opportunity',
      `CloseDate = ${day}`,
    );
    expect(eq.length).toBeGreaterThan(0);
    await expectSame(
      'opportunities',
      { closeDate: { ne: day } },
      'Opportunity',
      `CloseDate != ${day}`,
    );
    await expectSame(
      'opportunities',
      { closeDate: { gt: day, lte: '2025-12-31' } },
      'Opportunity',
      `CloseDate > ${day} AND CloseDate <= 2025-12-31`,
    );
    await expectSame(
      'opportunities',
      { closeDate: { lt: day } },
      'Opportunity',
      `CloseDate < ${day}`,
    );
    await expectSame(
      'opportunities',
      { closeDate: { gte: day } },
      'Opportunity',
      `CloseDate >= ${day}`,
    );
    await expectSame(
      'opportunities',
      { closeDate: { relative: { literal: 'LAST_N_DAYS', n: 600 } } },
      'Opportunity',
      'CloseDate = LAST_N_DAYS:600',
    );
    await expectSame(
      'opportunities',
      { closeDate: { relative: { literal: 'LAST_YEAR' } } },
      'Opportunity',
      'CloseDate = LAST_YEAR',
    );
    await expectSame(
      'opportunities',
      { closeDate: { relative: { literal: 'THIS_YEAR' } } },
      'Opportunity',
      'CloseDate = THIS_YEAR',
    );
    await expectSame(
      'leads',
      { createdDate: { gte: '2025-01-01T00:00:00Z', lt: '2025-04-01T00:00:00Z' } },
      'Lead',
      'CreatedDate >= 2025-01-01T00:00:00Z AND CreatedDate < 2025-04-01T00:00:00Z',
    );
    await expectSame(
      'accounts',
      { createdDate: { relative: { literal: 'LAST_N_DAYS', n: 900 } } },
      'Account',
      'CreatedDate = LAST_N_DAYS:900',
    );
    const acc = await one('SELECT CreatedDate FROM Account ORDER BY CreatedDate LIMIT 1');
    const created = new Date(
      String(acc.CreatedDate).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
    ).toISOString();
    const same = await expectSame(
      'accounts',
      { createdDate: { eq: created } },
      'Account',
      `CreatedDate = ${created}`,
    );
    expect(same.length).toBeGreaterThan(0);
    await expectSame(
      'accounts',
      { lastModifiedDate: { lte: created } },
      'Account',
      `LastModifiedDate <= ${created}`,
    );
  });

  it('nested and / or / not', async () => {
    const where = {
      or: [
        { and: [{ stageName: { eq: 'Closed Won' } }, { amount: { gte: 50000 } }] },
        {
          not: { or: [{ isClosed: { eq: true } }, { amount: { isNull: true } }] },
          probability: { lt: 30 },
        },
      ],
    };
    const ids = await expectSame(
      'opportunities',
      where,
      'Opportunity',
      "(StageName = 'Closed Won' AND Amount >= 50000) OR ((NOT (IsClosed = true OR Amount = null)) AND Probability < 30)",
    );
    expect(ids.length).toBeGreaterThan(0);
  });

  it('orders by several keys with nulls first or last, Id breaking ties', async () => {
    const expected = await directIds(
      'SELECT Id FROM Opportunity ORDER BY Amount DESC NULLS LAST, CloseDate ASC NULLS FIRST, Id ASC',
    );
    const actual = await gatewayIds(gw, 'opportunities', null, [
      { field: 'AMOUNT', direction: 'DESC', nulls: 'LAST' },
      { field: 'CLOSE_DATE' },
    ]);
    expect(actual).toEqual(expected);
    const byType = await directIds(
      'SELECT Id FROM Account ORDER BY Industry ASC NULLS LAST, NumberOfEmployees DESC NULLS FIRST, Id ASC',
    );
    expect(
      await gatewayIds(gw, 'accounts', null, [
        { field: 'INDUSTRY', nulls: 'LAST' },
        { field: 'NUMBER_OF_EMPLOYEES', direction: 'DESC', nulls: 'FIRST' },
      ]),
    ).toEqual(byType);
  });

  it('treats injection attempts in filters as plain values', async () => {
    const tricky = "O'Hara \\' OR Name != '' %_";
    const created = await sf.sobject('Account').create({ Name: tricky });
    const id = (created as { id: string }).id;
    try {
      expect(await gatewayIds(gw, 'accounts', { name: { eq: tricky } }, null)).toEqual([id]);
      expect(await gatewayIds(gw, 'accounts', { name: { eq: "x' OR Name != 'x" } }, null)).toEqual(
        [],
      );
      expect(
        await gatewayIds(gw, 'accounts', { name: { in: ["') OR (Name != '", tricky] } }, null),
      ).toEqual([id]);
      expect(await gatewayIds(gw, 'accounts', { name: { like: "O'Hara%" } }, null)).toContain(id);
      expect(await gatewayIds(gw, 'accounts', { name: { eq: '%' } }, null)).toEqual([]);
    } finally {
      await sf.sobject('Account').destroy(id);
    }
  });
});
