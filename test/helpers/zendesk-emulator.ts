import { createClient, type ZendeskClient, type ZendeskClientOptions } from 'node-zendesk';
import {
  DEMO_ZENDESK_CREDENTIALS,
  startZendeskEmulator,
  type RunningZendeskEmulator,
  type ZendeskEmulatorOptions,
  type ZendeskStats,
} from '../../src/emulators/zendesk';
import { leftovers } from './leftovers';

/** Every contract file pins the seed's "now", so counts and dates are the same on every run. */
export const ZENDESK_TEST_BASE_DATE = '2025-06-30T00:00:00.000Z';

/** node-zendesk's options plus `query`, which it merges into every URL it builds (untyped upstream). */
export type ZendeskTestClientOptions = Partial<ZendeskClientOptions> & {
  query?: Record<string, unknown>;
};

export interface ZendeskTarget {
  emulator: RunningZendeskEmulator;
  /** An unmodified node-zendesk client for the demo admin's API token. */
  client(options?: ZendeskTestClientOptions): ZendeskClient;
  admin: {
    stats(): Promise<ZendeskStats>;
    resetStats(): Promise<void>;
    reset(): Promise<void>;
    faults(faults: Record<string, unknown>): Promise<Response>;
  };
}

export async function startZendeskTarget(
  options: ZendeskEmulatorOptions = {},
): Promise<ZendeskTarget> {
  const emulator = await startZendeskEmulator({ seedBaseDate: ZENDESK_TEST_BASE_DATE, ...options });
  leftovers.push(() => emulator.stop());
  const post = (path: string, body: unknown = {}): Promise<Response> =>
    fetch(`${emulator.url}/__emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    emulator,
    client: (extra = {}) =>
      createClient({
        username: DEMO_ZENDESK_CREDENTIALS.email,
        token: emulator.apiToken,
        endpointUri: emulator.apiUrl,
        ...extra,
      } as ZendeskClientOptions),
    admin: {
      stats: async () =>
        (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as ZendeskStats,
      resetStats: async () => void (await post('stats/reset')),
      reset: async () => void (await post('reset')),
      faults: (faults) => post('faults', faults),
    },
  };
}

/** The error node-zendesk throws with `throwOriginalException`: the status and the parsed body. */
export interface ZendeskClientError extends Error {
  statusCode: number;
  result: unknown;
}

export async function rejection(promise: Promise<unknown>): Promise<ZendeskClientError> {
  try {
    await promise;
  } catch (error) {
    return error as ZendeskClientError;
  }
  throw new Error('expected the call to fail');
}

/** Records every parsed body the client received (its `debug::result` event), in order. */
export function recordBodies(emitter: {
  on(type: string, cb: (event: { detail: unknown }) => void): void;
}): unknown[] {
  const bodies: unknown[] = [];
  emitter.on('debug::result', (event) => bodies.push(event.detail));
  return bodies;
}

/**
 * node-zendesk's declared result types are narrower than what Zendesk sends (no `url`,
 * `photo` as an object...): the tests read results as the emulator's own record types.
 */
export const asList = <T>(value: unknown): T[] => value as T[];
export const asRecord = <T>(value: unknown): T => value as T;

/** node-zendesk's response adapter (typed `object` upstream). */
export interface ClientResponse {
  status: number;
  headers: { get(name: string): string | null };
}
export const responseOf = (reply: { response: unknown }): ClientResponse =>
  reply.response as ClientResponse;

/** node-zendesk declares `organizations.search(externalID: number)`; Zendesk external ids are strings. */
export const externalId = (id: string): number => id as unknown as number;

/** The ids of the organizations that have tickets, the busiest first. */
export function organizationsByTickets(emulator: RunningZendeskEmulator): number[] {
  const counts = new Map<number, number>();
  for (const t of emulator.store.tickets())
    if (t.organization_id !== null)
      counts.set(t.organization_id, (counts.get(t.organization_id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** A Salesforce Account as the Zendesk linking tests read it. */
export interface LinkedAccountRow {
  Id: string;
  Name: string;
  Zendesk_Organization_Id__c: string | null;
}
