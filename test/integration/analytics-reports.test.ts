import type { Connection } from 'jsforce';
import type { TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { queryAll, startGatewayWithDirectSession } from '../helpers/salesforce-direct';
import { startTestGateway } from '../helpers/gateway';
import { connectToEmulator } from '../helpers/salesforce-target';

/**
 * salesPerformance and leadConversion against the emulated org: every number is recomputed
 * here by a plain reduction over the records read through jsforce (not the gateway's code),
 * for every grouping, and every report costs exactly 3 Salesforce calls.
 */

type Row = Record<string, unknown>;

interface PerfRow {
  key: string;
  label: string;
  wonCount: number;
  lostCount: number;
  winRate: number;
  wonAmount: number;
  averageDealSize: number;
  averageSalesCycleDays: number | null;
}
interface LeadRow {
  key: string;
  leads: number;
  converted: number;
  conversionRate: number;
  averageDaysToConvert: number | null;
}

const PERF_FIELDS =
  'key label wonCount lostCount winRate wonAmount averageDealSize averageSalesCycleDays';
const LEAD_FIELDS = 'key leads converted conversionRate averageDaysToConvert';
const PERF = `query ($from: Date, $to: Date, $groupBy: PerformanceGrouping) {
  salesPerformance(from: $from, to: $to, groupBy: $groupBy) { from to rows { ${PERF_FIELDS} } total { ${PERF_FIELDS} } }
}`;
const LEADS = `query ($from: Date, $to: Date, $groupBy: LeadGrouping) {
  leadConversion(from: $from, to: $to, groupBy: $groupBy) { rows { ${LEAD_FIELDS} } total { ${LEAD_FIELDS} } }
}`;

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Whole days between two `YYYY-MM-DD` (or longer ISO, cut to its UTC date) strings. */
const daysBetween = (start: unknown, end: unknown) =>
  (Date.parse(String(end).slice(0, 10)) - Date.parse(String(start).slice(0, 10))) / DAY;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : '(none)');
const shift = (date: string, n: number) =>
  new Date(Date.parse(date) + n * DAY).toISOString().slice(0, 10);
const round2 = (v: number) => Math.round(v * 100) / 100;

type PerfGrouping = 'OWNER' | 'LEAD_SOURCE' | 'TYPE' | 'CLOSE_MONTH';
type LeadGrouping = 'LEAD_SOURCE' | 'STATUS' | 'OWNER' | 'INDUSTRY';

function perfKey(g: PerfGrouping, o: Row): [string, string] {
  switch (g) {
    case 'OWNER':
      return [String(o.OwnerId), text((o.Owner as Row | null)?.Name)];
    case 'LEAD_SOURCE':
      return [text(o.LeadSource), text(o.LeadSource)];
    case 'TYPE':
      return [text(o.Type), text(o.Type)];
    case 'CLOSE_MONTH': {
      const d = String(o.CloseDate);
      return [d.slice(0, 7), `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`];
    }
  }
}

/** The expected report: a plain reduction over closed opportunities with CloseDate in range. */
function expectedPerformance(opps: Row[], g: PerfGrouping, from: string, to: string) {
  const groups = new Map<string, { label: string; items: Row[] }>();
  const inRange = opps.filter(
    (o) => o.IsClosed === true && String(o.CloseDate) >= from && String(o.CloseDate) <= to,
  );
  for (const o of inRange) {
    const [key, label] = perfKey(g, o);
    const entry = groups.get(key) ?? { label, items: [] };
    entry.items.push(o);
    groups.set(key, entry);
  }
  const summarize = (key: string, label: string, items: Row[]): PerfRow => {
    const won = items.filter((o) => o.IsWon === true);
    const withAmount = won.filter((o) => typeof o.Amount === 'number');
    const wonAmount = withAmount.reduce((s, o) => s + Number(o.Amount), 0);
    const cycle = won.reduce((s, o) => s + daysBetween(o.CreatedDate, o.CloseDate), 0);
    return {
      key,
      label,
      wonCount: won.length,
      lostCount: items.length - won.length,
      winRate: items.length ? won.length / items.length : 0,
      wonAmount: round2(wonAmount),
      averageDealSize: withAmount.length ? round2(wonAmount / withAmount.length) : 0,
      averageSalesCycleDays: won.length ? round2(cycle / won.length) : null,
    };
  };
  return {
    rows: [...groups].map(([key, v]) => summarize(key, v.label, v.items)),
    total: summarize('TOTAL', 'Total', inRange),
  };
}

function leadKey(g: LeadGrouping, l: Row): string {
  const field = {
    LEAD_SOURCE: 'LeadSource',
    STATUS: 'Status',
    OWNER: 'OwnerId',
    INDUSTRY: 'Industry',
  }[g];
  return text(l[field]);
}

/** The expected report: leads whose CreatedDate's UTC date is in range. */
function expectedLeads(leads: Row[], g: LeadGrouping, from: string, to: string) {
  const inRange = leads.filter((l) => {
    const created = String(l.CreatedDate).slice(0, 10);
    return created >= from && created <= to;
  });
  const groups = new Map<string, Row[]>();
  for (const l of inRange) groups.set(leadKey(g, l), [...(groups.get(leadKey(g, l)) ?? []), l]);
  const summarize = (key: string, items: Row[]): LeadRow => {
    const converted = items.filter((l) => l.IsConverted === true);
    const total = converted.reduce((s, l) => s + daysBetween(l.CreatedDate, l.ConvertedDate), 0);
    return {
      key,
      leads: items.length,
      converted: converted.length,
      conversionRate: items.length ? converted.length / items.length : 0,
      averageDaysToConvert: converted.length ? round2(total / converted.length) : null,
    };
  };
  return {
    rows: [...groups].map(([key, items]) => summarize(key, items)),
    total: summarize('TOTAL', inRange),
  };
}

/** Rows compared as sets by key, numbers to 10 decimals (rates are unrounded quotients). */
function expectSameRows<T extends { key: string }>(actual: T[], expected: T[]): void {
  const byKey = (rows: T[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
  const rounded = (rows: T[]) =>
    byKey(rows).map((r) =>
      Object.fromEntries(
        Object.entries(r as Record<string, unknown>).map(([k, v]) => [
          k,
          typeof v === 'number' ? Number(v.toFixed(10)) : v,
        ]),
      ),
    );
  expect(rounded(actual)).toEqual(rounded(expected));
}

const OPP_SOQL =
  'SELECT Id, OwnerId, Owner.Name, LeadSource, Type, IsClosed, IsWon, Amount, CloseDate, CreatedDate FROM Opportunity';
const LEAD_SOQL =
  'SELECT Id, OwnerId, LeadSource, Status, Industry, IsConverted, ConvertedDate, CreatedDate FROM Lead';

describe('salesPerformance and leadConversion (integration mode, whole org)', () => {
  let gw: TestGateway;
  let sf: Connection;
  let opps: Row[];
  let leads: Row[];
  let from: string;
  let to: string;
  const edgeIds: Record<string, string> = {};

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 0.5 }));
    const closeDates = (await queryAll(sf, `${OPP_SOQL} WHERE IsClosed = true`))
      .map((o) => String(o.CloseDate))
      .sort();
    from = closeDates[Math.floor(closeDates.length / 4)]!;
    to = closeDates[Math.floor((closeDates.length * 3) / 4)]!;
    // Edge records: won deals closing exactly on both bounds (one without an amount, lead source
    // or type) and one a day outside each bound.
    const account = (await queryAll(sf, 'SELECT Id FROM Account LIMIT 1'))[0]!.Id;
    const edges: Array<[string, Row]> = [
      ['onFrom', { CloseDate: from, StageName: 'Closed Won', Amount: null }],
      ['onTo', { CloseDate: to, StageName: 'Closed Lost', Amount: 10 }],
      ['beforeFrom', { CloseDate: shift(from, -1), StageName: 'Closed Won', Amount: 7 }],
      ['afterTo', { CloseDate: shift(to, 1), StageName: 'Closed Won', Amount: 7 }],
    ];
    for (const [name, fields] of edges) {
      const result = await sf.sobject('Opportunity').create({
        Name: `Edge ${name}`,
        AccountId: account,
        ...fields,
      });
      if (!result.success) throw new Error(`edge ${name} not created`);
      edgeIds[name] = result.id;
    }
    opps = await queryAll(sf, OPP_SOQL);
    leads = await queryAll(sf, LEAD_SOQL);
  }, 120_000);

  it.each(['OWNER', 'LEAD_SOURCE', 'TYPE', 'CLOSE_MONTH'] as const)(
    'salesPerformance by %s matches the records, in 3 Salesforce calls',
    async (groupBy) => {
      await gw.resetEmulatorStats();
      const res = await gw.graphql<{
        salesPerformance: { rows: PerfRow[]; total: PerfRow; from: string; to: string };
      }>(PERF, { from, to, groupBy });
      expect(res.errors).toBeUndefined();
      const report = res.data!.salesPerformance;
      const expected = expectedPerformance(opps, groupBy, from, to);
      expect(report.from).toBe(from);
      expect(report.to).toBe(to);
      expectSameRows(report.rows, expected.rows);
      expectSameRows([report.total], [expected.total]);
      expect((await gw.emulatorStats()).total).toBe(3);
    },
  );

  it('counts both inclusive edges and nothing a day outside; null amounts stay out of the average', () => {
    const inRange = (id: string) =>
      opps.some((o) => o.Id === id && String(o.CloseDate) >= from && String(o.CloseDate) <= to);
    expect(inRange(edgeIds.onFrom!)).toBe(true);
    expect(inRange(edgeIds.onTo!)).toBe(true);
    expect(inRange(edgeIds.beforeFrom!)).toBe(false);
    expect(inRange(edgeIds.afterTo!)).toBe(false);
    // The data has what the checks above must cover.
    const closed = opps.filter((o) => o.IsClosed === true);
    expect(closed.some((o) => o.IsWon === true && o.Amount === null)).toBe(true);
    expect(closed.some((o) => o.LeadSource === null)).toBe(true);
    expect(closed.some((o) => o.Type === null)).toBe(true);
  });

  it('reads a one-day range on an edge, and an empty range gives no rows and a zero total', async () => {
    const oneDay = await gw.graphql<{ salesPerformance: { rows: PerfRow[]; total: PerfRow } }>(
      PERF,
      {
        from: to,
        to,
        groupBy: 'LEAD_SOURCE',
      },
    );
    const expected = expectedPerformance(opps, 'LEAD_SOURCE', to, to);
    expectSameRows(oneDay.data!.salesPerformance.rows, expected.rows);
    expectSameRows([oneDay.data!.salesPerformance.total], [expected.total]);
    expect(oneDay.data!.salesPerformance.total.lostCount).toBeGreaterThan(0);

    const empty = await gw.graphql<{ salesPerformance: { rows: PerfRow[]; total: PerfRow } }>(
      PERF,
      {
        from: '1990-01-01',
        to: '1990-12-31',
      },
    );
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.salesPerformance).toEqual({
      from: '1990-01-01',
      to: '1990-12-31',
      rows: [],
      total: {
        key: 'TOTAL',
        label: 'Total',
        wonCount: 0,
        lostCount: 0,
        winRate: 0,
        wonAmount: 0,
        averageDealSize: 0,
        averageSalesCycleDays: null,
      },
    });
  });

  it('without bounds covers every closed opportunity (default grouping OWNER)', async () => {
    const res = await gw.graphql<{ salesPerformance: { rows: PerfRow[]; total: PerfRow } }>(
      PERF,
      {},
    );
    const expected = expectedPerformance(opps, 'OWNER', '0000-01-01', '9999-12-31');
    expectSameRows(res.data!.salesPerformance.rows, expected.rows);
    expectSameRows([res.data!.salesPerformance.total], [expected.total]);
  });

  it.each(['LEAD_SOURCE', 'STATUS', 'OWNER', 'INDUSTRY'] as const)(
    'leadConversion by %s matches the records, in 3 Salesforce calls',
    async (groupBy) => {
      const created = leads.map((l) => String(l.CreatedDate).slice(0, 10)).sort();
      const lFrom = created[Math.floor(created.length / 5)]!;
      const lTo = created[Math.floor((created.length * 4) / 5)]!;
      await gw.resetEmulatorStats();
      const res = await gw.graphql<{ leadConversion: { rows: LeadRow[]; total: LeadRow } }>(LEADS, {
        from: lFrom,
        to: lTo,
        groupBy,
      });
      expect(res.errors).toBeUndefined();
      const expected = expectedLeads(leads, groupBy, lFrom, lTo);
      expectSameRows(res.data!.leadConversion.rows, expected.rows);
      expectSameRows([res.data!.leadConversion.total], [expected.total]);
      expect(expected.total.converted).toBeGreaterThan(0);
      expect((await gw.emulatorStats()).total).toBe(3);
    },
  );

  it('leadConversion without bounds, grouped by the default LEAD_SOURCE, has a "(none)" row', async () => {
    const res = await gw.graphql<{ leadConversion: { rows: LeadRow[]; total: LeadRow } }>(
      LEADS,
      {},
    );
    const expected = expectedLeads(leads, 'LEAD_SOURCE', '0000-01-01', '9999-12-31');
    expectSameRows(res.data!.leadConversion.rows, expected.rows);
    expectSameRows([res.data!.leadConversion.total], [expected.total]);
    expect(res.data!.leadConversion.rows.at(-1)?.key).toBe('(none)');
  });

  it('still answers in 3 calls after 400 more opportunities', async () => {
    const account = (await queryAll(sf, 'SELECT Id FROM Account LIMIT 1'))[0]!.Id;
    const more = Array.from({ length: 400 }, (_, i) => ({
      Name: `Bulk ${i}`,
      AccountId: account,
      StageName: i % 3 === 0 ? 'Closed Lost' : 'Closed Won',
      Amount: i % 5 === 0 ? null : 100 + i,
      CloseDate: shift(from, i % 40),
    }));
    for (let i = 0; i < more.length; i += 200) {
      const results = await sf.sobject('Opportunity').create(more.slice(i, i + 200), {
        allOrNone: true,
      });
      expect(results.every((r) => r.success)).toBe(true);
    }
    const all = await queryAll(sf, OPP_SOQL);
    await gw.resetEmulatorStats();
    const res = await gw.graphql<{ salesPerformance: { rows: PerfRow[]; total: PerfRow } }>(PERF, {
      from,
      to,
      groupBy: 'CLOSE_MONTH',
    });
    expect((await gw.emulatorStats()).total).toBe(3);
    const expected = expectedPerformance(all, 'CLOSE_MONTH', from, to);
    expectSameRows(res.data!.salesPerformance.rows, expected.rows);
    expectSameRows([res.data!.salesPerformance.total], [expected.total]);
  });

  it('rejects from after to as BAD_USER_INPUT without calling Salesforce', async () => {
    await gw.resetEmulatorStats();
    for (const query of [PERF, LEADS]) {
      const res = await gw.graphql(query, { from: '2026-03-02', to: '2026-03-01' });
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'from',
      });
      expect(res.errors![0]!.message).toBe('from (2026-03-02) is after to (2026-03-01)');
    }
    const bad = await gw.graphql(PERF, { from: '2026-02-30' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badGrouping = await gw.graphql(PERF, { groupBy: 'STATUS' });
    expect(badGrouping.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gw.emulatorStats()).total).toBe(0);
  });
});

describe('the reports as a rep (AUTH_MODE=user)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: { AUTH_MODE: 'user' }, emulator: { scale: 0.5 } });
  }, 60_000);

  it('count only what the rep may see: their own records', async () => {
    const token = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    const auth = { authorization: `Bearer ${token}` };
    const rep = await connectToEmulator(gw.emulatorUrl, 'rep1');
    const admin = await connectToEmulator(gw.emulatorUrl, 'admin');
    const repId = (await rep.identity()).user_id;
    const repOpps = await queryAll(rep, OPP_SOQL);
    const repLeads = await queryAll(rep, LEAD_SOQL);
    expect(repOpps.length).toBeGreaterThan(0);
    expect(new Set(repOpps.map((o) => o.OwnerId))).toEqual(new Set([repId]));
    expect(new Set(repLeads.map((l) => l.OwnerId))).toEqual(new Set([repId]));
    expect((await queryAll(admin, OPP_SOQL)).length).toBeGreaterThan(repOpps.length);

    const perf = await gw.graphql<{ salesPerformance: { rows: PerfRow[]; total: PerfRow } }>(
      PERF,
      { groupBy: 'TYPE' },
      auth,
    );
    expect(perf.errors).toBeUndefined();
    const expected = expectedPerformance(repOpps, 'TYPE', '0000-01-01', '9999-12-31');
    expectSameRows(perf.data!.salesPerformance.rows, expected.rows);
    expectSameRows([perf.data!.salesPerformance.total], [expected.total]);

    const byOwner = await gw.graphql<{ leadConversion: { rows: LeadRow[]; total: LeadRow } }>(
      LEADS,
      { groupBy: 'OWNER' },
      auth,
    );
    expect(byOwner.data!.leadConversion.rows.map((r) => r.key)).toEqual(
      repLeads.length ? [repId] : [],
    );
    expectSameRows(
      [byOwner.data!.leadConversion.total],
      [expectedLeads(repLeads, 'OWNER', '0000-01-01', '9999-12-31').total],
    );
  });
});
