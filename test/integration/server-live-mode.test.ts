/**
 * `SALESFORCE_MODE=live`: `src/main.ts` itself, as a child process, against an emulator the
 * test starts (standing in for a real org), logging in as the integration user with the JWT
 * bearer flow or with client credentials, in `AUTH_MODE=integration` with an API key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { generateApiKey } from '../../src/auth/api-keys';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { directConnection } from '../helpers/salesforce-direct';
import { integrationModeEnv, spawnGateway, type SpawnedGateway } from '../helpers/spawn-gateway';
import { connectWs, subscribe, waitForSubscribers } from '../helpers/subscriptions-client';

const PEPPER = 'live-mode-test-pepper-0123456789abcdef';
const KEY = generateApiKey();
const INTEGRATION_USERNAME = 'integration@atom-demo.org';

interface GraphQLBody<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

interface Stats {
  byUser: Record<string, number>;
  oauth: Record<string, number>;
}

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let emulator: RunningSalesforceEmulator;

/** What every start needs; `spawnGateway` adds only PATH and HOME from the runner's env. */
function baseEnv(): Record<string, string> {
  return integrationModeEnv({
    loginUrl: emulator.url,
    clientId: DEMO_OAUTH_CLIENT.clientId,
    apiKey: { label: 'live-test', key: KEY, pepper: PEPPER },
  });
}

async function graphql<T>(
  url: string,
  query: string,
  headers: Record<string, string> = { 'x-api-key': KEY },
): Promise<{ status: number; body: GraphQLBody<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody<T> };
}

async function emulatorStats(): Promise<Stats> {
  return (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as Stats;
}

async function resetStats(): Promise<void> {
  await fetch(`${emulator.url}/__emulator/stats/reset`, { method: 'POST' });
}

/** SIGTERM, as a process manager stops it: main.ts drains and exits 0. */
async function stopMain(running: SpawnedGateway): Promise<{ code: number | null }> {
  running.child.kill('SIGTERM');
  return running.exited;
}

const ACCOUNTS = '{ accounts(first: 3, orderBy: [{ field: NAME }]) { nodes { id name } } }';

/** The answer a direct read of the org gives: what the gateway must return. */
let expectedNames: string[] = [];

async function firstAccountNames(): Promise<string[]> {
  const conn = await directConnection(emulator.url);
  const result = await conn.query<{ Name: string }>(
    'SELECT Name FROM Account ORDER BY Name ASC NULLS FIRST, Id ASC LIMIT 3',
  );
  return result.records.map((r) => r.Name);
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator({
    port: 0,
    scale: 1,
    jwtPublicKeyPem: publicKey,
    clientCredentialsUsername: INTEGRATION_USERNAME,
  });
  expectedNames = await firstAccountNames();
  expect(expectedNames).toHaveLength(3);
});

afterAll(async () => {
  await emulator.stop();
});

describe('SALESFORCE_MODE=live, AUTH_MODE=integration (src/main.ts)', () => {
  it('logs in with the JWT bearer flow and answers CRM queries and subscriptions', async () => {
    await resetStats();
    const running = await spawnGateway({
      ...baseEnv(),
      SALESFORCE_USERNAME: INTEGRATION_USERNAME,
      // As a .env line holds it: one line, "\n" escaped.
      SALESFORCE_JWT_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
    });
    try {
      const anonymous = await graphql(running.url, ACCOUNTS, {});
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      const { status, body } = await graphql<{
        accounts: { nodes: Array<{ id: string; name: string }> };
        viewer: { email: string | null } | null;
      }>(running.url, `{ viewer { email } ${ACCOUNTS.slice(1, -1)} }`);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.viewer?.email).toBe(INTEGRATION_USERNAME);
      expect(body.data?.accounts.nodes.map((n) => n.name)).toEqual(expectedNames);
      expect(body.data?.accounts.nodes[0]?.id).toMatch(/^001/);

      const stats = await emulatorStats();
      expect(stats.oauth['urn:ietf:params:oauth:grant-type:jwt-bearer']).toBeGreaterThanOrEqual(1);
      expect(stats.oauth.client_credentials).toBeUndefined();
      expect(stats.byUser[INTEGRATION_USERNAME]).toBeGreaterThanOrEqual(1);

      // Change Data Capture rides the same JWT login.
      const ws = connectWs(running.url, { connectionParams: { 'X-API-Key': KEY } });
      const received = subscribe<{ accountChanged: { changeType: string; recordIds: string[] } }>(
        ws,
        'subscription { accountChanged { changeType recordIds } }',
      );
      await waitForSubscribers(
        { origin: running.origin, headers: { 'x-api-key': KEY } },
        1,
        received,
        20_000,
      );
      const created = await graphql<{ createAccount: { id: string } }>(
        running.url,
        'mutation { createAccount(input: { name: "Live Mode Co" }) { id } }',
      );
      const id = created.body.data?.createAccount.id ?? '';
      expect(id).toMatch(/^001/);
      const [event] = await received.take(1, 5_000);
      expect(event?.accountChanged.changeType).toBe('CREATE');
      expect(event?.accountChanged.recordIds[0]?.slice(0, 15)).toBe(id.slice(0, 15));

      // SIGTERM: clients get 1001 and the process exits cleanly.
      const exit = stopMain(running);
      expect(await ws.closed).toMatchObject({ code: 1001 });
      expect(await exit).toMatchObject({ code: 0 });
    } finally {
      if (running.child.exitCode === null) running.child.kill('SIGKILL');
    }
  }, 60_000);

  it("a JWT the org rejects (another key): 503 UPSTREAM_UNAVAILABLE with Salesforce's reason", async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    await resetStats();
    const running = await spawnGateway({
      ...baseEnv(),
      SALESFORCE_USERNAME: INTEGRATION_USERNAME,
      SALESFORCE_JWT_PRIVATE_KEY: other.privateKey,
    });
    try {
      const { status, body } = await graphql(running.url, ACCOUNTS);
      // The gateway's own login was refused (its configuration), not the client's API key.
      expect(status).toBe(503);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.message).toMatch(/gateway's own credentials.*invalid assertion/);
      expect(body.errors?.[0]?.message).not.toContain('PRIVATE KEY');
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        reason: 'gateway-credentials-rejected',
        upstream: { service: 'salesforce', errorCode: 'INVALID_SESSION_ID' },
      });
      expect(body.errors?.[0]?.extensions?.http).toBeUndefined();
      // Nothing was read from the org without a valid login.
      expect((await emulatorStats()).byUser[INTEGRATION_USERNAME]).toBeUndefined();
      expect(await stopMain(running)).toMatchObject({ code: 0 });
    } finally {
      if (running.child.exitCode === null) running.child.kill('SIGKILL');
    }
  }, 60_000);

  it('logs in with client credentials and answers a CRM query', async () => {
    await resetStats();
    const running = await spawnGateway({
      ...baseEnv(),
      SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
    });
    try {
      const { status, body } = await graphql<{
        accounts: { nodes: Array<{ name: string }> };
      }>(running.url, ACCOUNTS);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.accounts.nodes.map((n) => n.name)).toEqual(expectedNames);
      const stats = await emulatorStats();
      expect(stats.oauth.client_credentials).toBeGreaterThanOrEqual(1);
      expect(stats.oauth['urn:ietf:params:oauth:grant-type:jwt-bearer']).toBeUndefined();
      const wrongKey = await graphql(running.url, ACCOUNTS, { 'x-api-key': generateApiKey() });
      expect(wrongKey.status).toBe(401);

      // A live org without Stripe credentials: Stripe is off, its field says what to set,
      // and the Salesforce data still answers.
      const linked = await graphql<{
        accounts: { nodes: Array<{ name: string; payments: { nodes: unknown[] } }> };
      }>(
        running.url,
        '{ accounts(first: 1, orderBy: [{ field: NAME }]) { nodes { name payments { nodes { id } } } } }',
      );
      expect(linked.status).toBe(200);
      expect(linked.body.data?.accounts.nodes).toEqual([
        { name: expectedNames[0], payments: { nodes: [] } },
      ]);
      expect(linked.body.errors).toHaveLength(1);
      expect(linked.body.errors?.[0]?.message).toMatch(
        /Stripe is not configured: set STRIPE_API_KEY/,
      );
      expect(linked.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        service: 'stripe',
        reason: 'not-configured',
        missing: ['STRIPE_API_KEY'],
      });
      expect(await stopMain(running)).toMatchObject({ code: 0 });
    } finally {
      if (running.child.exitCode === null) running.child.kill('SIGKILL');
    }
  }, 60_000);
});
