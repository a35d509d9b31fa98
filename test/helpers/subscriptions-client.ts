import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { SalesforceEmulatorOptions } from '../../src/emulators/salesforce';
import type { CreateServerOptions, RunningGateway } from '../../src/server/create-server';
import { startTestGateway } from './gateway';

/** A graphql-ws client for the tests: no retries, so a close code is final and observable. */
export interface TestWsClient {
  client: Client;
  /** Resolves with the code and reason of the first close. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

export function wsUrlOf(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export function connectWs(
  httpUrl: string,
  options: {
    connectionParams?: Record<string, unknown>;
    headers?: Record<string, string>;
  } = {},
): TestWsClient {
  let onClosed: (value: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    onClosed = resolve;
  });
  const headers = options.headers;
  const client = createClient({
    url: wsUrlOf(httpUrl),
    webSocketImpl: headers
      ? class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers });
          }
        }
      : WebSocket,
    connectionParams: options.connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return { client, closed, dispose: () => client.dispose() as Promise<void> };
}

export interface Received<T> {
  data: T[];
  errors: unknown[];
  completed: boolean;
  /** The next `count` events not taken yet, within `timeoutMs`. */
  take(count: number, timeoutMs?: number): Promise<T[]>;
  /** Everything arriving within `ms` that was not taken. */
  drain(ms: number): Promise<T[]>;
  unsubscribe(): void;
}

export function subscribe<T>(
  ws: TestWsClient,
  query: string,
  variables?: Record<string, unknown>,
): Received<T> {
  let taken = 0;
  const received: Received<T> = {
    data: [],
    errors: [],
    completed: false,
    async take(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.data.length < taken + count) {
        if (received.errors.length > 0) {
          throw new Error(`subscription failed: ${JSON.stringify(received.errors)}`);
        }
        if (Date.now() > deadline) {
          throw new Error(`timed out with ${received.data.length - taken}/${count} events`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      const out = received.data.slice(taken, taken + count);
      taken += count;
      return out;
    },
    async drain(ms) {
      await new Promise((r) => setTimeout(r, ms));
      const out = received.data.slice(taken);
      taken = received.data.length;
      return out;
    },
    unsubscribe: () => {},
  };
  received.unsubscribe = ws.client.subscribe<T>(
    { query, ...(variables ? { variables } : {}) },
    {
      next: (result) => {
        if (result.errors) received.errors.push(...result.errors);
        if (result.data) received.data.push(result.data as T);
      },
      error: (error) => received.errors.push(error),
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}

interface ReadyBody {
  salesforce?: {
    cdc?: { subscribers?: number; isLeader?: boolean; upstreamSubscriptions?: number };
  };
}

/**
 * One instance's /readyz, asked with a credential of its mode (an API key, a session bearer):
 * anonymous callers see only the status. The demo has no credentials; there any
 * `X-API-Key` is the opt-in (DEMO_READYZ_HEADERS).
 */
export interface ReadyzTarget {
  origin: string;
  headers: Record<string, string>;
}

export const DEMO_READYZ_HEADERS: Record<string, string> = { 'x-api-key': 'demo' };

/** Polls /readyz until the instance has `count` live GraphQL subscriptions. */
export async function waitForSubscribers(
  target: ReadyzTarget,
  count: number,
  received?: { errors: unknown[] },
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (received && received.errors.length > 0) {
      throw new Error(`subscription failed: ${JSON.stringify(received.errors)}`);
    }
    const body = await readyz(target);
    if (body.salesforce === undefined) {
      throw new Error(`/readyz gave no details to these credentials: ${JSON.stringify(body)}`);
    }
    if (body.salesforce.cdc?.subscribers === count) return;
    if (Date.now() > deadline) {
      throw new Error(`expected ${count} subscribers, /readyz says ${JSON.stringify(body)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function readyz({ origin, headers }: ReadyzTarget): Promise<ReadyBody> {
  return (await (await fetch(`${origin}/readyz`, { headers })).json()) as ReadyBody;
}

export async function cometdClients(emulatorUrl: string): Promise<string[]> {
  const body = (await (await fetch(`${emulatorUrl}/__emulator/cdc/events`)).json()) as {
    clients: string[];
  };
  return body.clients;
}

export interface SubscriptionGateway {
  url: string;
  origin: string;
  emulatorUrl: string;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/**
 * The gateway over a fresh emulated org, like `startTestGateway`, with createServer's
 * subscription options (queue bounds, Redis namespace, re-check period) the shared helper
 * does not pass.
 */
export async function startSubscriptionGateway(
  options: {
    env?: Record<string, string>;
    emulator?: SalesforceEmulatorOptions;
    subscriptions?: CreateServerOptions['subscriptions'];
  } = {},
): Promise<SubscriptionGateway> {
  const started = await startTestGateway(options);
  return {
    url: started.url,
    origin: started.origin,
    emulatorUrl: started.emulatorUrl,
    gateway: started.gateway,
    stop: () => started.stop(),
  };
}

/** The status of a WebSocket handshake: 101 when it opened, else the HTTP refusal. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(wsUrlOf(url), 'graphql-transport-ws', { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    socket.once('error', reject);
  });
}

export interface WsOperationPayload {
  query?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

export interface WsError {
  message: string;
  extensions?: Record<string, unknown>;
  path?: unknown;
}

export interface WsOutcome {
  results: Array<{ data?: Record<string, unknown> | null; errors?: readonly WsError[] }>;
  /** The `error` message of the operation (graphql-ws hands over its GraphQL errors). */
  errors: WsError[];
}

/** One operation over graphql-ws, until it completes or fails; the socket stays up. */
export function runOverWs(
  client: Client,
  operation: string | WsOperationPayload,
  variables?: Record<string, unknown>,
): Promise<WsOutcome> {
  const payload = typeof operation === 'string' ? { query: operation, variables } : operation;
  return new Promise((resolve, reject) => {
    const results: WsOutcome['results'] = [];
    client.subscribe(
      {
        query: payload.query ?? '',
        ...(payload.variables ? { variables: payload.variables } : {}),
        ...(payload.extensions ? { extensions: payload.extensions } : {}),
      },
      {
        next: (result) => results.push(result as WsOutcome['results'][number]),
        error: (error) => {
          if (Array.isArray(error)) resolve({ results, errors: error as WsError[] });
          else reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => resolve({ results, errors: [] }),
      },
    );
  });
}

/** What one HTTP request would answer: the last result, or the errors of an `error` message. */
export async function answerOverWs(
  client: Client,
  operation: string | WsOperationPayload,
): Promise<WsOutcome['results'][number]> {
  const { results, errors } = await runOverWs(client, operation);
  return errors.length > 0 ? { errors } : (results.at(-1) ?? {});
}
