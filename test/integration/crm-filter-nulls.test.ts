import type { Connection } from 'jsforce';
import type { TestGateway } from '../helpers/gateway';
import { gatewayIds, IDS_PAGE, type ListField } from '../helpers/ids-pages';
import { operation } from '../helpers/operations';
import {
  queryAll,
  startGatewayWithDirectSession,
  type SalesforceRow,
} from '../helpers/salesforce-direct';

type Row = SalesforceRow;

/** Salesforce writes DateTimes as `2025-01-01T00:00:00.000+0000`. */
function time(value: unknown): number {
  return new Date(String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
}

/**
 * Null in filters over HTTP: each answer is compared with the records read through jsforce and
 * reduced in JavaScript (not with the same SOQL), so a gateway that drops a null, or compiles
 * it to the wrong test, answers a different set.
 */
describe('null in filters, and the operators added to the contract', () => {
  let gw: TestGateway;
  let sf: Connection;
  const created: Array<{ object: string; id: string }> = [];

  /** The ids `keep` selects among every row of the object, read directly. */
  async function reduced(
    field: ListField,
    columns: string,
    keep: (row: Row) => boolean,
  ): Promise<string[]> {
    const rows = await queryAll(sf, `SELECT Id, ${columns} FROM ${IDS_PAGE[field].object}`);
    return rows
      .filter(keep)
      .map((r) => r.Id)
      .sort();
  }

  async function expectSame(
    field: ListField,
    where: unknown,
    columns: string,
    keep: (row: Row) => boolean,
  ): Promise<string[]> {
    const expected = await reduced(field, columns, keep);
    expect((await gatewayIds(gw, field, where)).sort()).toEqual(expected);
    return expected;
  }

  async function expectRefused(field: ListField, where: unknown, message: RegExp): Promise<void> {
    await gw.resetEmulatorStats();
    const res = await gw.graphql(operation(IDS_PAGE[field].operation), {
      where,
      orderBy: null,
      after: null,
    });
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where' });
    expect(res.errors![0]!.message).toMatch(message);
    // Refused while compiling: Salesforce was never asked.
    expect((await gw.emulatorStats()).total).toBe(0);
  }

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 0.3 }));
    // A contact without an account and an opportunity without an amount, whatever the seed has.
    const contact = (await sf.sobject('Contact').create({ LastName: 'Orphan Null-Filter' })) as {
      id: string;
    };
    const opportunity = (await sf.sobject('Opportunity').create({
      Name: 'No amount (null filters)',
      StageName: 'Prospecting',
      CloseDate: '2026-01-15',
    })) as { id: string };
    created.push(
      { object: 'Contact', id: contact.id },
      { object: 'Opportunity', id: opportunity.id },
    );
  }, 60_000);

  afterAll(async () => {
    for (const { object, id } of created) await sf.sobject(object).destroy(id);
  });

  it('accountId: { eq: null } is IS NULL, not every contact (the reported bug)', async () => {
    const orphans = await expectSame(
      'contacts',
      { accountId: { eq: null } },
      'AccountId',
      (r) => r.AccountId === null,
    );
    expect(orphans.length).toBeGreaterThan(0);
    const all = await reduced('contacts', 'AccountId', () => true);
    expect(orphans.length).toBeLessThan(all.length);
  });

  it('ne: null is IS NOT NULL, on every kind of field', async () => {
    const withAccount = await expectSame(
      'contacts',
      { accountId: { ne: null } },
      'AccountId',
      (r) => r.AccountId !== null,
    );
    expect(withAccount.length).toBeGreaterThan(0);
    await expectSame(
      'accounts',
      { industry: { ne: null } },
      'Industry',
      (r) => r.Industry !== null,
    );
    await expectSame(
      'accounts',
      { numberOfEmployees: { ne: null } },
      'NumberOfEmployees',
      (r) => r.NumberOfEmployees !== null,
    );
    await expectSame('opportunities', { amount: { ne: null } }, 'Amount', (r) => r.Amount !== null);
    await expectSame(
      'opportunities',
      { closeDate: { ne: null } },
      'CloseDate',
      (r) => r.CloseDate !== null,
    );
  });

  it('eq: null on strings, numbers and floats; on a checkbox it matches nothing', async () => {
    const untyped = await expectSame(
      'accounts',
      { type: { eq: null } },
      'Type',
      (r) => r.Type === null,
    );
    expect(untyped.length).toBeGreaterThan(0);
    await expectSame(
      'accounts',
      { numberOfEmployees: { eq: null } },
      'NumberOfEmployees',
      (r) => r.NumberOfEmployees === null,
    );
    const noAmount = await expectSame(
      'opportunities',
      { amount: { eq: null } },
      'Amount',
      (r) => r.Amount === null,
    );
    expect(noAmount.length).toBeGreaterThan(0);
    expect(await gatewayIds(gw, 'opportunities', { isWon: { eq: null } })).toEqual([]);
  });

  it('a null from a variable means IS NULL too', async () => {
    const res = await gw.graphql<{ contacts: { nodes: Array<{ id: string }> } }>(
      'query ($acc: ID) { contacts(first: 200, where: { accountId: { eq: $acc } }) { nodes { id } } }',
      { acc: null },
    );
    expect(res.errors).toBeUndefined();
    const expected = await reduced('contacts', 'AccountId', (r) => r.AccountId === null);
    expect(res.data!.contacts.nodes.map((n) => n.id).sort()).toEqual(expected);
  });

  it('IDFilter.isNull (added)', async () => {
    await expectSame(
      'contacts',
      { accountId: { isNull: true } },
      'AccountId',
      (r) => r.AccountId === null,
    );
    await expectSame(
      'accounts',
      { parentId: { isNull: false } },
      'ParentId',
      (r) => r.ParentId !== null,
    );
  });

  it('FloatFilter.in / nin (added)', async () => {
    const amounts = (
      await queryAll(sf, 'SELECT Amount FROM Opportunity WHERE Amount != null LIMIT 2')
    ).map((r) => Number(r.Amount));
    expect(amounts).toHaveLength(2);
    const inList = await expectSame(
      'opportunities',
      { amount: { in: amounts } },
      'Amount',
      (r) => amounts.includes(Number(r.Amount)) && r.Amount !== null,
    );
    expect(inList.length).toBeGreaterThan(0);
    // NOT IN matches empty fields too, as in SOQL.
    await expectSame(
      'opportunities',
      { amount: { nin: amounts } },
      'Amount',
      (r) => r.Amount === null || !amounts.includes(Number(r.Amount)),
    );
  });

  it('BooleanFilter.ne / isNull (added)', async () => {
    const open = await expectSame(
      'opportunities',
      { isClosed: { ne: true } },
      'IsClosed',
      (r) => r.IsClosed !== true,
    );
    expect(open.length).toBeGreaterThan(0);
    await expectSame(
      'leads',
      { isConverted: { ne: false } },
      'IsConverted',
      (r) => r.IsConverted === true,
    );
    expect(await gatewayIds(gw, 'opportunities', { isWon: { isNull: true } })).toEqual([]);
    await expectSame('opportunities', { isWon: { isNull: false } }, 'IsWon', () => true);
  });

  it('DateTimeFilter.ne (added)', async () => {
    const [first] = await queryAll(
      sf,
      'SELECT CreatedDate FROM Account ORDER BY CreatedDate LIMIT 1',
    );
    const at = new Date(time(first!.CreatedDate)).toISOString();
    const others = await expectSame(
      'accounts',
      { createdDate: { ne: at } },
      'CreatedDate',
      (r) => time(r.CreatedDate) !== time(at),
    );
    const all = await reduced('accounts', 'CreatedDate', () => true);
    expect(others.length).toBeLessThan(all.length);
  });

  it.each<[string, ListField, unknown, RegExp]>([
    ['in: null', 'accounts', { name: { in: null } }, /where\.name\.in is null; give a list/],
    ['nin: null', 'contacts', { accountId: { nin: null } }, /where\.accountId\.nin is null/],
    [
      'FloatFilter.in: null',
      'opportunities',
      { amount: { in: null } },
      /where\.amount\.in is null/,
    ],
    ['lt: null', 'opportunities', { amount: { lt: null } }, /where\.amount\.lt is null/],
    ['gte: null', 'opportunities', { closeDate: { gte: null } }, /where\.closeDate\.gte is null/],
    ['like: null', 'contacts', { lastName: { like: null } }, /where\.lastName\.like is null/],
    [
      'isNull: null',
      'accounts',
      { type: { isNull: null } },
      /where\.type\.isNull is null; give true or false/,
    ],
    [
      'relative: null',
      'opportunities',
      { closeDate: { relative: null } },
      /where\.closeDate\.relative is null/,
    ],
    [
      'a null field filter',
      'contacts',
      { accountId: null },
      /where\.accountId is null; give a filter/,
    ],
    ['and: null', 'accounts', { and: null }, /where\.and is null/],
    ['or: null', 'accounts', { or: null }, /where\.or is null/],
    ['not: null', 'accounts', { not: null }, /where\.not is null/],
    [
      'nested',
      'accounts',
      { or: [{ name: { eq: 'x' } }, { not: { industry: { like: null } } }] },
      /where\.or\[1\]\.not\.industry\.like is null/,
    ],
  ])('%s is BAD_USER_INPUT before any Salesforce call', async (_label, field, where, message) => {
    await expectRefused(field, where, message);
  });

  it('a null inside an in list is refused by the schema itself ([String!])', async () => {
    await gw.resetEmulatorStats();
    const res = await gw.graphql(operation('AccountIdsPage'), {
      where: { name: { in: ['Acme', null] } },
      orderBy: null,
      after: null,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/where\.name\.in\[1\].*not to be null/);
    const literal = await gw.graphql(
      '{ accounts(where: { name: { in: ["Acme", null] } }) { nodes { id } } }',
    );
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gw.emulatorStats()).total).toBe(0);
  });
});
