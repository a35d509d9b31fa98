import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { generateApiKey } from '../../../src/auth/api-keys';
import { integrationModeEnv, spawnGateway, type SpawnedGateway } from '../../helpers/spawn-gateway';
import { DEMO_OAUTH_CLIENT } from '../../../src/emulators/salesforce';
import type { ReliabilityOrg } from './org';

export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphQLAnswer<T> {
  status: number;
  body: { data?: T | null; errors?: GraphQLErrorBody[] };
}

/** `src/main.ts` as a child process, and how the battery talks to it. */
export interface GatewayProcess {
  spawned: SpawnedGateway;
  pid: number;
  url: string;
  origin: string;
  /** The credentials every request and socket of the scenario sends. */
  credentials: Record<string, string>;
  graphql<T>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<GraphQLAnswer<T>>;
  /** True while the process has neither exited nor been killed. */
  alive(): boolean;
}

const PEPPER = 'reliability-battery-pepper-0123456789abcdef';

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as GraphQLAnswer<T>['body'] };
  } catch {
    throw new Error(`HTTP ${response.status} is not JSON: ${text.slice(0, 300)}`);
  }
}

/**
 * RELIABILITY_GATEWAY_LOG=<file>: the gateways log at debug level and their output is
 * appended to that file, to see what a process did during a failed scenario.
 */
function gatewayLogEnv(): Record<string, string> {
  return process.env.RELIABILITY_GATEWAY_LOG ? { LOG_LEVEL: 'debug' } : {};
}

function teeGatewayLog(spawned: SpawnedGateway): void {
  const file = process.env.RELIABILITY_GATEWAY_LOG;
  if (!file) return;
  const log = createWriteStream(file, { flags: 'a' });
  spawned.child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
  spawned.child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
  void spawned.exited.then(() => log.end());
}

/** Wraps a spawned `src/main.ts`; `credentials` go with every request. */
export function gatewayProcess(
  spawned: SpawnedGateway,
  credentials: Record<string, string>,
): GatewayProcess {
  teeGatewayLog(spawned);
  const { pid } = spawned.child;
  if (pid === undefined) throw new Error('the gateway process has no pid');
  return {
    spawned,
    pid,
    url: spawned.url,
    origin: spawned.origin,
    credentials,
    graphql: (query, variables, options = {}) =>
      postGraphQL(
        spawned.url,
        query,
        variables,
        { ...credentials, ...options.headers },
        options.timeoutMs,
      ),
    alive: () => spawned.child.exitCode === null && spawned.child.signalCode === null,
  };
}

/**
 * `AUTH_MODE=integration` against the org with client credentials, as a server-to-server
 * deployment runs: one API key, logs silent, plus the scenario's own variables.
 */
export async function spawnIntegrationGateway(
  org: ReliabilityOrg,
  env: Record<string, string> = {},
): Promise<GatewayProcess> {
  const key = generateApiKey();
  const spawned = await spawnGateway({
    ...integrationModeEnv({
      loginUrl: org.url,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      apiKey: { label: 'reliability', key, pepper: PEPPER },
    }),
    SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
    ...gatewayLogEnv(),
    ...env,
  });
  return gatewayProcess(spawned, { 'x-api-key': key });
}

/** The code of the first error, or `ok` for an answer with data and no error. */
export function outcomeOf(answer: GraphQLAnswer<unknown>): string {
  const first = answer.body.errors?.[0];
  if (first) return String(first.extensions?.code ?? 'NO_CODE');
  return answer.body.data ? 'ok' : 'NO_DATA';
}

/**
 * `AUTH_MODE=user` over the demo org that `src/main.ts` starts in its own process
 * (`SALESFORCE_MODE=emulator`): the only HTTP org the OpenID client accepts, a live one
 * must be HTTPS. Both ports are fixed before the start: the callback URL registered at the
 * org is built from the gateway's, and the scenario drives the org's admin API on its own.
 */
export async function spawnUserModeGateway(
  gatewayPort: number,
  orgPort: number,
  env: Record<string, string> = {},
): Promise<SpawnedGateway> {
  return spawnGateway({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(gatewayPort),
    LOG_LEVEL: 'silent',
    SALESFORCE_MODE: 'emulator',
    EMULATOR_SALESFORCE_PORT: String(orgPort),
    AUTH_MODE: 'user',
    GATEWAY_PUBLIC_URL: `http://127.0.0.1:${gatewayPort}`,
    TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    ...gatewayLogEnv(),
    ...env,
  });
}
