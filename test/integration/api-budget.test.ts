/**
 * The API budget guard over HTTP against an emulated org with a small daily allocation: the
 * usage comes from Sforce-Limit-Info (no extra call), reads stop at the reserve unless the
 * cache answers them, writes spend the reserve, and a spent allocation fails fast.
 */
import { startTestGateway, type TestGateway } from '../helpers/gateway';

const DAILY_LIMIT = 60;
const ACCOUNTS = 'query ($n: Int!) { accounts(first: $n) { edges { node { id name } } } }';

interface Failure {
  message: string;
  extensions?: Record<string, unknown>;
}

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({
    env: {
      CACHE_ENABLED: 'true',
      EMULATOR_DAILY_API_LIMIT: String(DAILY_LIMIT),
      SALESFORCE_API_RESERVE_PERCENT: '50',
    },
  });
});

afterAll(() => gw.stop());

/** The first error of `query`, or undefined when it answered. */
async function failureOf(
  query: string,
  variables?: Record<string, unknown>,
): Promise<Failure | undefined> {
  const res = await gw.graphql(query, variables);
  return res.errors?.[0] as Failure | undefined;
}

describe('API budget guard', () => {
  it('refuses reads past the reserve unless cached, lets writes spend it, then fails fast', async () => {
    // Cached while the budget is healthy.
    expect(await failureOf(ACCOUNTS, { n: 1 })).toBeUndefined();

    // Distinct reads, each a cache miss, until the reserve refuses one.
    let refused: Failure | undefined;
    for (let n = 2; n < DAILY_LIMIT && refused === undefined; n += 1) {
      refused = await failureOf(ACCOUNTS, { n });
    }
    expect(refused?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      reason: 'reserve',
      max: DAILY_LIMIT,
    });
    expect(refused?.message).toMatch(/24-hour window/);
    const used = refused?.extensions?.used as number;
    expect(used).toBeGreaterThanOrEqual(DAILY_LIMIT / 2);
    expect(used).toBeLessThan(DAILY_LIMIT);

    // A refused read makes no Salesforce call; the cached one still answers.
    await gw.resetEmulatorStats();
    expect(await failureOf(ACCOUNTS, { n: 200 })).toMatchObject({
      extensions: { code: 'UPSTREAM_RATE_LIMITED' },
    });
    expect(await failureOf(ACCOUNTS, { n: 1 })).toBeUndefined();
    expect((await gw.emulatorStats()).total).toBe(0);

    // apiUsage (an essential /limits call) shows the reserve.
    const usage = await gw.graphql<{
      apiUsage: { used: number; max: number; remaining: number; reserve: number };
    }>('{ apiUsage { used max remaining reserve } }');
    expect(usage.errors).toBeUndefined();
    expect(usage.data?.apiUsage).toMatchObject({ max: DAILY_LIMIT, reserve: DAILY_LIMIT / 2 });

    // Writes (and a mutation's own reads) spend the reserve until the allocation is gone.
    let writeFailure: Failure | undefined;
    let writes = 0;
    for (let i = 0; i < DAILY_LIMIT && writeFailure === undefined; i += 1) {
      writeFailure = await failureOf(
        'mutation ($name: String!) { createAccount(input: { name: $name }) { id name } }',
        { name: `Budget ${i}` },
      );
      if (writeFailure === undefined) writes += 1;
    }
    expect(writes).toBeGreaterThan(0);
    expect(writeFailure?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });

    // Spent: the next operation fails fast, without a call, saying when capacity frees.
    await gw.resetEmulatorStats();
    const spent = await failureOf(
      'mutation { createAccount(input: { name: "Budget after" }) { id } }',
    );
    expect(spent?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      reason: 'allocation-spent',
    });
    expect(spent?.message).toMatch(/by \d{4}-\d\d-\d\dT/);
    expect(Number(spent?.extensions?.retryAfterSeconds)).toBeGreaterThan(0);
    expect((await gw.emulatorStats()).total).toBe(0);
  });
});
