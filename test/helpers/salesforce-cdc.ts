import { Connection } from 'jsforce';
import { startSalesforceEmulator } from '../../src/emulators/salesforce';
import type {
  RunningSalesforceEmulator,
  SalesforceEmulatorOptions,
} from '../../src/emulators/salesforce';
import type {
  ChangeEventData,
  GapChangeType,
  StoredEvent,
} from '../../src/emulators/salesforce/cdc';
import { connectToEmulator, type SalesforceUserKey } from './salesforce-target';

/**
 * Test support for the CDC contract tests (`test/contract/salesforce/cdc-*.test.ts`): an
 * emulator with its CDC, driven only over HTTP through jsforce and the admin routes.
 */
export interface CdcContractOptions {
  clock?: () => Date;
  retentionHours?: number;
  timeoutSeconds?: number;
  accessTokenTtlSeconds?: number;
}

export interface CdcContractTarget {
  emulator: RunningSalesforceEmulator;
  /** Instance URL for streaming: jsforce appends `/cometd/59.0`. */
  cometdUrl: string;
  /** A REST connection logged in with the password grant (`admin`, `rep1`...). */
  login(user?: SalesforceUserKey): Promise<Connection>;
  /** A connection for `conn.streaming` carrying the same token as `conn`. */
  streamingConnection(conn: Connection): Connection;
  /**
   * `conn.streaming.createClient(extensions)` on the streaming URL, disconnected by `close()`
   * (an abandoned faye client keeps retrying and holds the process open).
   */
  streamingClient(conn: Connection, extensions?: unknown[]): StreamingClient;
  gap(changeType: GapChangeType, entityName: string, recordIds: string[]): Promise<StoredEvent>;
  dropClients(): Promise<number>;
  events(): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

/** The part of jsforce's faye client the tests use (jsforce's typings omit `disconnect`). */
export interface StreamingClient {
  subscribe(channel: string, listener: (data: ChangeEventData) => void): PromiseLike<void>;
  disconnect(): PromiseLike<void> | undefined;
}

export const CDC_API_VERSION = '59.0';

export async function startCdcContractTarget(
  options: CdcContractOptions = {},
): Promise<CdcContractTarget> {
  const emulatorOptions: SalesforceEmulatorOptions = {
    port: 0,
    scale: 1,
    clock: options.clock,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    cdc: {
      ...(options.retentionHours === undefined ? {} : { retentionHours: options.retentionHours }),
      timeoutSeconds: options.timeoutSeconds ?? 2,
    },
  };
  const emulator = await startSalesforceEmulator(emulatorOptions);
  const adminUrl = emulator.url;

  async function admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${adminUrl}/__emulator/cdc/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok)
      throw new Error(`CDC admin ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  }

  const clients: StreamingClient[] = [];
  const streamingConnection = (conn: Connection): Connection =>
    new Connection({
      instanceUrl: adminUrl,
      accessToken: conn.accessToken ?? '',
      version: CDC_API_VERSION,
    });

  return {
    emulator,
    cometdUrl: adminUrl,
    login: (user = 'admin') => connectToEmulator(emulator.url, user),
    streamingConnection,
    streamingClient(conn, extensions = []) {
      const client = streamingConnection(conn).streaming.createClient(
        extensions,
      ) as unknown as StreamingClient;
      clients.push(client);
      return client;
    },
    gap: async (changeType, entityName, recordIds) =>
      (await admin('POST', 'gap', { changeType, entityName, recordIds })) as StoredEvent,
    dropClients: async () =>
      ((await admin('POST', 'drop-clients', {})) as { dropped: number }).dropped,
    events: async () => ((await admin('GET', 'events')) as { events: StoredEvent[] }).events,
    async close() {
      await Promise.all(clients.map((c) => withTimeout(c.disconnect(), 1000)));
      await emulator.stop();
    },
  };
}

async function withTimeout(promise: PromiseLike<void> | undefined, ms: number): Promise<void> {
  if (!promise) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.resolve(promise).catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

/** Collects the change events a subscription receives, and waits for them. */
export class EventCollector {
  readonly received: ChangeEventData[] = [];
  private waiters: Array<() => void> = [];

  readonly listener = (data: ChangeEventData): void => {
    this.received.push(data);
    for (const wake of this.waiters) wake();
  };

  /** Resolves once `count` events have arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ChangeEventData[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`expected ${count} events, got ${this.received.length}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
    return this.received.slice(0, count);
  }

  /** Waits a little and asserts nothing more arrived than `count`. */
  async settle(ms = 300): Promise<ChangeEventData[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return [...this.received];
  }
}
