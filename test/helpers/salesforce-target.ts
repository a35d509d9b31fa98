/**
 * One Salesforce contract suite, two targets (ARCHITECTURE.md "one contract test suite"):
 * by default each test file starts its own emulator on 127.0.0.1:0; with
 * SF_CONTRACT_TARGET=live the same tests run against a real org through the same jsforce
 * calls, and the tests that need emulator-only knobs are skipped.
 */
import { Connection } from 'jsforce';
import type { ConnectionConfig } from 'jsforce';
import { DEMO_OAUTH_CLIENT, startSalesforceEmulator } from '../../src/emulators/salesforce';

export const CONTRACT_API_VERSION = '59.0';

export type SalesforceUserKey = 'admin' | 'integration' | 'rep1' | 'rep2' | 'rep3' | 'rep4';

export interface SalesforceCredentials {
  username: string;
  password: string;
}

export interface SalesforceOAuthClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface EmulatorStats {
  total: number;
  byEndpoint: Record<string, number>;
}

export interface EmulatorFaults {
  serverUnavailable?: number;
  expireSessions?: true;
  exhaustLimit?: true;
  latencyMs?: number;
}

/** The emulator's `/__emulator/*` admin knobs; absent on a live org. */
export interface EmulatorAdmin {
  stats(): Promise<EmulatorStats>;
  reset(): Promise<void>;
  faults(faults: EmulatorFaults): Promise<void>;
}

export interface SalesforceTarget {
  kind: 'emulator' | 'live';
  loginUrl: string;
  instanceUrl: string;
  client: SalesforceOAuthClient;
  credentials(user: SalesforceUserKey): SalesforceCredentials;
  /** A jsforce Connection that knows the target and the OAuth client but has no session yet. */
  newConnection(extra?: Partial<ConnectionConfig>): Connection;
  /** A Connection logged in with the username-password grant (`conn.login`). */
  connect(user?: SalesforceUserKey): Promise<Connection>;
  admin?: EmulatorAdmin;
  close(): Promise<void>;
}

export interface EmulatorTargetOptions {
  scale?: number;
  seed?: number;
  latencyMs?: number;
  dailyApiLimit?: number;
  accessTokenTtlSeconds?: number;
  rotateRefreshTokens?: boolean;
}

const DEMO_PASSWORDS: Record<SalesforceUserKey, string> = {
  admin: 'demo-admin-pass',
  integration: 'demo-integration-pass',
  rep1: 'demo-rep-pass',
  rep2: 'demo-rep-pass',
  rep3: 'demo-rep-pass',
  rep4: 'demo-rep-pass',
};

export function isLiveTarget(): boolean {
  return process.env.SF_CONTRACT_TARGET === 'live';
}

/**
 * `it` against the emulator; `it.skip` (name prefixed with the reason) against a live org,
 * for tests that need fault injection, stats, seeded counts or a second user.
 */
export function emulatorOnly(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (isLiveTarget()) {
    it.skip(`[emulator only: needs emulator knobs or demo users] ${name}`, fn, timeout);
  } else {
    it(name, fn, timeout);
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`SF_CONTRACT_TARGET=live needs ${name}`);
  return value;
}

function connectionFactory(
  loginUrl: string,
  client: SalesforceOAuthClient,
  instanceUrl: () => string,
): (extra?: Partial<ConnectionConfig>) => Connection {
  return (extra) =>
    new Connection({
      loginUrl,
      instanceUrl: instanceUrl() || undefined,
      version: CONTRACT_API_VERSION,
      oauth2: { ...client, loginUrl },
      ...extra,
    });
}

async function adminRequest(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator admin ${method} ${url} answered ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function toStats(value: unknown): EmulatorStats {
  if (typeof value !== 'object' || value === null) throw new Error('stats: not an object');
  const { total, byEndpoint } = value as { total?: unknown; byEndpoint?: unknown };
  if (typeof total !== 'number') throw new Error('stats: total is not a number');
  const endpoints: Record<string, number> = {};
  if (typeof byEndpoint === 'object' && byEndpoint !== null) {
    for (const [key, count] of Object.entries(byEndpoint)) {
      if (typeof count === 'number') endpoints[key] = count;
    }
  }
  return { total, byEndpoint: endpoints };
}

/** The password grant on an existing Connection: how every helper here logs a demo user in. */
export async function loginAs(conn: Connection, user: SalesforceUserKey): Promise<void> {
  await conn.login(`${user}@atom-demo.org`, DEMO_PASSWORDS[user]);
}

/**
 * The demo org on an emulator that is already running (started by the test itself or by the
 * gateway helper). `close()` stops it only when `stop` is given.
 */
export function emulatorTarget(emulator: {
  url: string;
  stop?: () => Promise<void>;
}): SalesforceTarget {
  const url = emulator.url.replace(/\/$/, '');
  const client: SalesforceOAuthClient = {
    clientId: DEMO_OAUTH_CLIENT.clientId,
    clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
    redirectUri: DEMO_OAUTH_CLIENT.redirectUris[0],
  };
  const newConnection = connectionFactory(url, client, () => url);
  return {
    kind: 'emulator',
    loginUrl: url,
    instanceUrl: url,
    client,
    credentials: (user) => ({ username: `${user}@atom-demo.org`, password: DEMO_PASSWORDS[user] }),
    newConnection,
    async connect(user = 'admin') {
      const conn = newConnection();
      await loginAs(conn, user);
      return conn;
    },
    admin: {
      stats: async () => toStats(await adminRequest('GET', `${url}/__emulator/stats`)),
      reset: async () => {
        await adminRequest('POST', `${url}/__emulator/reset`);
      },
      faults: async (faults) => {
        await adminRequest('POST', `${url}/__emulator/faults`, faults);
      },
    },
    close: async () => {
      await emulator.stop?.();
    },
  };
}

/** A jsforce session as a demo user on a running emulator (`admin` unless told). */
export function connectToEmulator(
  emulatorUrl: string,
  user: SalesforceUserKey = 'admin',
): Promise<Connection> {
  return emulatorTarget({ url: emulatorUrl }).connect(user);
}

async function startEmulatorTarget(options: EmulatorTargetOptions): Promise<SalesforceTarget> {
  const emulator = await startSalesforceEmulator({ port: 0, scale: 1, ...options });
  return emulatorTarget(emulator);
}

async function startLiveTarget(): Promise<SalesforceTarget> {
  const loginUrl = requireEnv('SF_CONTRACT_LOGIN_URL').replace(/\/$/, '');
  const client: SalesforceOAuthClient = {
    clientId: requireEnv('SF_CONTRACT_CLIENT_ID'),
    clientSecret: requireEnv('SF_CONTRACT_CLIENT_SECRET'),
    redirectUri:
      process.env.SF_CONTRACT_REDIRECT_URI ?? 'http://localhost:4000/auth/salesforce/callback',
  };
  const only: SalesforceCredentials = {
    username: requireEnv('SF_CONTRACT_USERNAME'),
    password: requireEnv('SF_CONTRACT_PASSWORD'),
  };
  let instanceUrl = '';
  const newConnection = connectionFactory(loginUrl, client, () => instanceUrl);
  const credentials = (user: SalesforceUserKey): SalesforceCredentials => {
    // A sandbox gives us one integration user; tests that need a second one are emulatorOnly.
    if (user !== 'admin' && user !== 'integration') {
      throw new Error(`live target has no ${user} user; mark the test emulatorOnly`);
    }
    return only;
  };
  const connect = async (user: SalesforceUserKey = 'admin'): Promise<Connection> => {
    const { username, password } = credentials(user);
    const conn = newConnection();
    await conn.login(username, password);
    instanceUrl = conn.instanceUrl;
    return conn;
  };
  await connect('admin');
  return {
    kind: 'live',
    loginUrl,
    get instanceUrl() {
      return instanceUrl;
    },
    client,
    credentials,
    newConnection,
    connect,
    close: async () => undefined,
  };
}

export function getSalesforceTarget(
  options: EmulatorTargetOptions = {},
): Promise<SalesforceTarget> {
  return isLiveTarget() ? startLiveTarget() : startEmulatorTarget(options);
}

/**
 * `describe` with one target for the whole file: started in beforeAll, closed in afterAll.
 * The body receives a getter because the target only exists once beforeAll has run.
 */
export function describeSalesforceContract(
  name: string,
  body: (target: () => SalesforceTarget) => void,
  options: EmulatorTargetOptions = {},
): void {
  // The body sits in an inner describe so that its afterAll (record cleanup) runs before
  // the outer afterAll stops the emulator.
  describe(name, () => {
    let target: SalesforceTarget | undefined;
    beforeAll(async () => {
      target = await getSalesforceTarget(options);
    }, 60_000);
    afterAll(async () => {
      await target?.close();
    });
    describe(isLiveTarget() ? 'against a live org' : 'against the emulator', () => {
      body(() => {
        if (!target) throw new Error('Salesforce target not started');
        return target;
      });
    });
  });
}

/** A Connection holding only an access token: no OAuth client, so jsforce cannot refresh. */
export function tokenOnlyConnection(target: SalesforceTarget, accessToken: string): Connection {
  return new Connection({
    instanceUrl: target.instanceUrl,
    accessToken,
    version: CONTRACT_API_VERSION,
  });
}
