/**
 * Salesforce misbehaving under a gateway process: 503 bursts, an exhausted daily API limit
 * and answers slower than SALESFORCE_TIMEOUT_MS. Each answer carries the promised code
 * (README "Errors"), the gateway stays alive with `/healthz` fast, and it recovers when the
 * org does.
 */
import {
  outcomeOf,
  spawnIntegrationGateway,
  type GatewayProcess,
  type GraphQLAnswer,
} from './support/gateway-process';
import { startOrg, type ReliabilityOrg } from './support/org';
import { tally, untilAnswered } from './support/recovery';
import { underObservation } from './support/scenario';

/** One SOQL call per answer (checked below), so a burst of N 503s is N failed attempts. */
const ACCOUNTS = '{ accounts(first: 5, orderBy: [{ field: NAME }]) { nodes { id name } } }';
type Accounts = { accounts: { nodes: Array<{ id: string; name: string }> } };

/**
 * Retries of a failed read: 2, the delays of DEFAULT_READ_RETRY in
 * src/upstreams/salesforce/retry-policy.ts (200 and 600 ms), and the default of
 * SALESFORCE_RETRIES once the per-upstream resilience policies (branch h12-scope) replace
 * it. Pinned on the spawned gateways, so the burst arithmetic below holds either way.
 */
const READ_RETRIES = 2;
const READ_ATTEMPTS = READ_RETRIES + 1;
const PINNED = { SALESFORCE_RETRIES: String(READ_RETRIES) };
const CONCURRENT = 10;
const ROUNDS = 3;

/** `upstream.errorCode`, or the gateway's `reason` (an open circuit), for the printed summary. */
function detailOf(answer: GraphQLAnswer<unknown>): string {
  const extensions = answer.body.errors?.[0]?.extensions;
  const upstream = extensions?.upstream as { errorCode?: unknown } | undefined;
  return String(upstream?.errorCode ?? extensions?.reason ?? '-');
}

function namesOf(answer: GraphQLAnswer<Accounts>): string[] | undefined {
  return answer.body.data?.accounts.nodes.map((n) => n.name);
}

/** The answer before any fault: what a recovered gateway must answer again. */
async function baseline(gateway: GatewayProcess, org: ReliabilityOrg): Promise<string[]> {
  await org.resetStats();
  const answer = await gateway.graphql<Accounts>(ACCOUNTS);
  expect(answer.body.errors).toBeUndefined();
  expect((await org.stats()).total).toBe(1);
  // Warm the process up (JIT, pools) so the memory baseline is not its first requests.
  for (let i = 0; i < 20; i += 1) await gateway.graphql(ACCOUNTS);
  return namesOf(answer) ?? [];
}

function concurrently<T>(count: number, call: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, call));
}

describe('Salesforce 503 bursts and an exhausted API limit', () => {
  let org: ReliabilityOrg;
  let gateway: GatewayProcess;
  let expected: string[];

  beforeAll(async () => {
    org = await startOrg();
    gateway = await spawnIntegrationGateway(org, PINNED);
    expected = await baseline(gateway, org);
    expect(expected).toHaveLength(5);
  });

  it('rides out a burst shorter than the read retries, answers UPSTREAM_UNAVAILABLE to a longer one, and recovers', async () => {
    await underObservation('503 bursts', gateway, async (observation) => {
      // READ_ATTEMPTS - 1 failures leave the last attempt to succeed.
      await org.faults({ serverUnavailable: READ_ATTEMPTS - 1 });
      const short = await gateway.graphql<Accounts>(ACCOUNTS);
      expect(short.body.errors).toBeUndefined();
      expect(namesOf(short)).toEqual(expected);

      // As many failures as attempts: the read gives up with the promised code.
      await org.faults({ serverUnavailable: READ_ATTEMPTS });
      const long = await gateway.graphql<Accounts>(ACCOUNTS);
      expect(long.body.data ?? null).toBeNull();
      expect(long.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: { service: 'salesforce', errorCode: 'SERVER_UNAVAILABLE' },
      });

      // Bursts covering every attempt of concurrent readers: each one gives up (or is
      // refused outright by an open circuit), none with another code.
      const burst: GraphQLAnswer<unknown>[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        await org.faults({ serverUnavailable: CONCURRENT * READ_ATTEMPTS });
        burst.push(...(await concurrently(CONCURRENT, () => gateway.graphql(ACCOUNTS))));
      }
      expect(tally(burst.map(outcomeOf))).toEqual({ UPSTREAM_UNAVAILABLE: CONCURRENT * ROUNDS });

      await org.faults({ serverUnavailable: 0 });
      const attempts = await untilAnswered(gateway, ACCOUNTS);
      const after = await concurrently(CONCURRENT, () => gateway.graphql<Accounts>(ACCOUNTS));
      expect(after.map(namesOf)).toEqual(Array.from({ length: CONCURRENT }, () => expected));
      observation.note(
        `read attempts per query: ${READ_ATTEMPTS}; ${ROUNDS} bursts of ${CONCURRENT * READ_ATTEMPTS} 503s over ${CONCURRENT} readers: ${JSON.stringify(tally(burst.map(outcomeOf)))} (${JSON.stringify(tally(burst.map(detailOf)))}); good again after ${attempts} attempt(s)`,
      );
    });
  });

  it('answers UPSTREAM_RATE_LIMITED once the daily API limit is used up, and recovers when it resets', async () => {
    await underObservation('REQUEST_LIMIT_EXCEEDED', gateway, async (observation) => {
      await org.faults({ exhaustLimit: true });
      const limited: GraphQLAnswer<unknown>[] = [];
      for (let round = 0; round < ROUNDS * 3; round += 1) {
        limited.push(...(await concurrently(CONCURRENT, () => gateway.graphql(ACCOUNTS))));
      }
      expect(tally(limited.map(outcomeOf))).toEqual({
        UPSTREAM_RATE_LIMITED: CONCURRENT * ROUNDS * 3,
      });
      for (const answer of limited) {
        expect(answer.body.errors?.[0]?.extensions).toMatchObject({
          code: 'UPSTREAM_RATE_LIMITED',
          upstream: { service: 'salesforce', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
        });
      }
      // A new day at Salesforce: the daily counter starts again.
      await org.reset();
      const attempts = await untilAnswered(gateway, ACCOUNTS);
      const after = await gateway.graphql<Accounts>(ACCOUNTS);
      expect(namesOf(after)).toEqual(expected);
      observation.note(
        `${limited.length} reads, ${CONCURRENT} at a time: ${JSON.stringify(tally(limited.map(outcomeOf)))}; good again after ${attempts} attempt(s)`,
      );
    });
  });
});

describe('Salesforce slower than SALESFORCE_TIMEOUT_MS', () => {
  const TIMEOUT_MS = 300;
  let org: ReliabilityOrg;
  let gateway: GatewayProcess;
  let expected: string[];

  beforeAll(async () => {
    org = await startOrg();
    gateway = await spawnIntegrationGateway(org, {
      ...PINNED,
      SALESFORCE_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    expected = await baseline(gateway, org);
  });

  it('answers UPSTREAM_UNAVAILABLE when every attempt times out, stays responsive, and recovers', async () => {
    await underObservation('responses slower than the timeout', gateway, async (observation) => {
      await org.faults({ latencyMs: TIMEOUT_MS * 4 });
      const slow: GraphQLAnswer<unknown>[] = [];
      let typename: GraphQLAnswer<unknown> | undefined;
      for (let round = 0; round < 2; round += 1) {
        const pending = concurrently(CONCURRENT, () => gateway.graphql(ACCOUNTS));
        // While they wait on Salesforce, what needs no Salesforce call is answered at once.
        typename = await gateway.graphql('{ __typename }');
        slow.push(...(await pending));
      }
      expect(typename?.body).toEqual({ data: { __typename: 'Query' } });
      expect(tally(slow.map(outcomeOf))).toEqual({ UPSTREAM_UNAVAILABLE: CONCURRENT * 2 });
      // The detail says why: TIMEOUT, or an open circuit once a breaker counted the timeouts.
      for (const answer of slow) {
        expect(answer.body.errors?.[0]?.extensions).toMatchObject({
          code: 'UPSTREAM_UNAVAILABLE',
        });
      }

      await org.faults({ latencyMs: 0 });
      const attempts = await untilAnswered(gateway, ACCOUNTS);
      const after = await gateway.graphql<Accounts>(ACCOUNTS);
      expect(namesOf(after)).toEqual(expected);
      observation.note(
        `timeout ${TIMEOUT_MS} ms, org latency ${TIMEOUT_MS * 4} ms, 2 rounds of ${CONCURRENT} readers: ${JSON.stringify(tally(slow.map(outcomeOf)))} (${JSON.stringify(tally(slow.map(detailOf)))}); good again after ${attempts} attempt(s)`,
      );
    });
  });
});
