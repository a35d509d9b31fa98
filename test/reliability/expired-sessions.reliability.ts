/**
 * Salesforce sessions dying while requests are half done: each request below makes two
 * Salesforce calls one after the other (accounts, then their contacts in one batch), and
 * every access token of the org is expired while the first calls are in flight, so the
 * second calls meet INVALID_SESSION_ID. Integration mode logs in again and the requests
 * succeed; user mode refreshes the user's token, and answers UNAUTHENTICATED once the
 * user's grant itself is gone (README "Authentication"). User mode runs over the demo org
 * inside the gateway process: the OpenID client accepts plain HTTP only for that one.
 */
import { DEMO_USERS } from '../../src/emulators/seed/salesforce-users';
import {
  gatewayProcess,
  outcomeOf,
  spawnIntegrationGateway,
  spawnUserModeGateway,
  type GatewayProcess,
  type GraphQLAnswer,
} from './support/gateway-process';
import { freePort } from './support/free-port';
import { orgAt, startOrg, type ReliabilityOrg } from './support/org';
import { tally } from './support/recovery';
import { underObservation } from './support/scenario';
import { gatewaySessionToken } from '../helpers/gateway-login';

const ACCOUNTS_WITH_CONTACTS = `{ accounts(first: 5, orderBy: [{ field: NAME }]) {
  nodes { id name contacts(first: 2, orderBy: [{ field: LAST_NAME }]) { nodes { id name } } } } }`;
type Answer = GraphQLAnswer<unknown>;

const CONCURRENT = 8;
/**
 * Expiries in a row. The integration session allows 3 new logins per 10 s before it treats
 * Salesforce as rejecting fresh tokens (`maxRefreshesPerWindow` in
 * src/upstreams/salesforce/connection.ts); real sessions live for hours, so 3 expiries in a
 * few seconds is already far beyond what an org does.
 */
const ROUNDS = 3;
/** Long enough that the first calls are still in flight when the sessions die. */
const LATENCY_MS = 150;

/** Salesforce calls the org has served so far (counted when a call is admitted). */
async function callsServed(org: ReliabilityOrg): Promise<number> {
  return (await org.stats()).total;
}

/**
 * Sends `CONCURRENT` requests and runs `midway` once the org has admitted the first of their
 * calls, i.e. while those calls are in flight (each takes LATENCY_MS at the org).
 */
async function withFaultMidRequest(
  gateway: GatewayProcess,
  org: ReliabilityOrg,
  midway: () => Promise<void>,
): Promise<Answer[]> {
  const before = await callsServed(org);
  const answers = Promise.all(
    Array.from({ length: CONCURRENT }, () => gateway.graphql(ACCOUNTS_WITH_CONTACTS)),
  );
  while ((await callsServed(org)) === before) await new Promise((r) => setTimeout(r, 5));
  await midway();
  return answers;
}

async function baseline(gateway: GatewayProcess, org: ReliabilityOrg): Promise<unknown> {
  // The user's first request also reads their own describe (custom fields' field-level
  // security, cached per user); warm it so the counted request is the query's own calls.
  await gateway.graphql(ACCOUNTS_WITH_CONTACTS);
  await org.resetStats();
  const answer = await gateway.graphql(ACCOUNTS_WITH_CONTACTS);
  expect(answer.body.errors).toBeUndefined();
  // Two calls, one after the other: a fault between them lands mid-request.
  expect((await org.stats()).total).toBe(2);
  for (let i = 0; i < 10; i += 1) await gateway.graphql(ACCOUNTS_WITH_CONTACTS);
  return answer.body.data;
}

/**
 * ROUNDS session expiries, each under CONCURRENT requests in flight: every answer is the
 * right data, and the org saw at least one new grant per expiry but not one per request.
 */
async function expireSessionsUnderLoad(
  title: string,
  gateway: GatewayProcess,
  org: ReliabilityOrg,
  expected: unknown,
  grant: 'client_credentials' | 'refresh_token',
): Promise<void> {
  await underObservation(title, gateway, async (observation) => {
    await org.resetStats();
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const answers = await withFaultMidRequest(gateway, org, () =>
        org.faults({ expireSessions: true }),
      );
      outcomes.push(...answers.map(outcomeOf));
      for (const answer of answers) expect(answer.body).toEqual({ data: expected });
    }
    const grants = (await org.stats()).oauth[grant] ?? 0;
    expect(grants).toBeGreaterThanOrEqual(ROUNDS);
    expect(grants).toBeLessThan(ROUNDS * CONCURRENT);
    observation.note(
      `${ROUNDS} expiries under ${CONCURRENT} requests each: ${JSON.stringify(tally(outcomes))}; ${grants} ${grant} grants`,
    );
  });
}

describe('expired sessions mid-request, AUTH_MODE=integration', () => {
  it('logs in again transparently: every request succeeds with the right data', async () => {
    const org = await startOrg();
    const gateway = await spawnIntegrationGateway(org);
    const expected = await baseline(gateway, org);
    await org.faults({ latencyMs: LATENCY_MS });

    // A new client-credentials login per expiry, not one per request.
    await expireSessionsUnderLoad(
      'expired sessions (integration mode)',
      gateway,
      org,
      expected,
      'client_credentials',
    );
  });
});

describe('expired sessions mid-request, AUTH_MODE=user', () => {
  const rep = DEMO_USERS.find((u) => u.Username === 'rep1@atom-demo.org');
  let org: ReliabilityOrg;
  let gateway: GatewayProcess;
  let expected: unknown;

  beforeAll(async () => {
    if (!rep) throw new Error('the seed has no rep1');
    const orgPort = await freePort();
    const spawned = await spawnUserModeGateway(await freePort(), orgPort);
    org = orgAt(`http://127.0.0.1:${orgPort}`);
    const token = await gatewaySessionToken(spawned.origin, rep.Username, rep.password);
    gateway = gatewayProcess(spawned, { authorization: `Bearer ${token}` });
    expected = await baseline(gateway, org);
    await org.faults({ latencyMs: LATENCY_MS });
  });

  it("refreshes the user's access token: every request succeeds with the right data", async () => {
    // Single-flight per user: one refresh per expiry, not one per request.
    await expireSessionsUnderLoad(
      'expired sessions (user mode)',
      gateway,
      org,
      expected,
      'refresh_token',
    );
  });

  it('answers UNAUTHENTICATED with a login hint once the grant is revoked mid-request', async () => {
    await underObservation('revoked grant (user mode)', gateway, async (observation) => {
      // Every access and refresh token of the org dies (data and knobs back to the seed).
      const answers = await withFaultMidRequest(gateway, org, () => org.reset({ sessions: true }));
      const outcomes = answers.map(outcomeOf);
      expect(tally(outcomes)).toEqual({ UNAUTHENTICATED: CONCURRENT });
      for (const answer of answers) {
        expect(answer.body.errors?.[0]?.extensions).toMatchObject({
          code: 'UNAUTHENTICATED',
          login: '/auth/salesforce/login',
        });
      }
      // And from then on, before any Salesforce call.
      await org.resetStats();
      const after = await gateway.graphql(ACCOUNTS_WITH_CONTACTS);
      expect(after.status).toBe(401);
      expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await org.stats()).total).toBe(0);
      observation.note(
        `${CONCURRENT} requests: ${JSON.stringify(tally(outcomes))}; reasons ${JSON.stringify(tally(answers.map((a) => String(a.body.errors?.[0]?.extensions?.reason))))}`,
      );
    });
  });
});
