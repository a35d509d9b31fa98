import { createClient, type ZendeskClient } from 'node-zendesk';
import {
  DEMO_ZENDESK_CREDENTIALS,
  type Organization,
  type Ticket as ZendeskTicket,
  type User,
  type ZendeskStats,
} from '../../src/emulators/zendesk';
import type { TestGateway } from './gateway';

/** The Zendesk emulator a test gateway started: its API through node-zendesk and its admin knobs. */
export interface LinkedZendesk {
  apiUrl: string;
  /** `http://127.0.0.1:PORT`: the agent URLs' origin. */
  origin: string;
  client: ZendeskClient;
  stats(): Promise<ZendeskStats>;
  resetStats(): Promise<void>;
  reset(): Promise<void>;
  faults(faults: Record<string, number>): Promise<void>;
  /** Every ticket, organization and user, read through node-zendesk (not the gateway). */
  snapshot(): Promise<{ tickets: ZendeskTicket[]; organizations: Organization[]; users: User[] }>;
}

export function linkedZendesk(gw: TestGateway): LinkedZendesk {
  const emulator = gw.linked?.emulators.find((e) => e.service === 'zendesk');
  if (!emulator) throw new Error('the test gateway was started without the Zendesk emulator');
  const origin = new URL(emulator.adminUrl).origin;
  const post = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${origin}/__emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  };
  const client = createClient({
    username: DEMO_ZENDESK_CREDENTIALS.email,
    token: DEMO_ZENDESK_CREDENTIALS.apiToken,
    endpointUri: emulator.url,
  });
  return {
    apiUrl: emulator.url,
    origin,
    client,
    stats: async () => (await (await fetch(emulator.adminUrl)).json()) as ZendeskStats,
    resetStats: () => post('stats/reset'),
    reset: () => post('reset'),
    faults: (faults) => post('faults', faults),
    snapshot: async () => ({
      tickets: (await client.tickets.list()) as unknown as ZendeskTicket[],
      organizations: (await client.organizations.list()) as unknown as Organization[],
      users: (await client.users.list()) as unknown as User[],
    }),
  };
}

/** The graph's status/priority spelling of Zendesk's. */
export const upper = (value: string | null): string | null =>
  value === null ? null : value.toUpperCase();
