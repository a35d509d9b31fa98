/**
 * A linked field selected in a subscription's record, over graphql-ws: when its service fails
 * the event still arrives, the field answers empty and its error travels in the same `next`
 * message on its path; the next event starts clean.
 */
import type { FormattedExecutionResult } from 'graphql-ws';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import {
  connectWs,
  waitForSubscribers,
  DEMO_READYZ_HEADERS,
  type TestWsClient,
} from '../helpers/subscriptions-client';
import { waitFor } from '../helpers/wait-for';

interface Change {
  accountChanged: {
    changeType: string;
    record: {
      payments: { nodes: Array<{ id: string }> };
      customer360: { unavailableServices: string[] };
    } | null;
  };
}

const SUBSCRIPTION = `subscription ($ids: [ID!]) {
  accountChanged(ids: $ids) {
    changeType
    record { ... on Account { payments { nodes { id } } customer360 { unavailableServices } } }
  }
}`;

let gw: TestGateway;
let ws: TestWsClient;

beforeAll(async () => {
  gw = await startTestGateway({ linked: {}, env: { STRIPE_RETRIES: '0' } });
  ws = connectWs(gw.url);
});

afterAll(async () => {
  await ws.dispose();
});

function stripeAdmin(): string {
  const stripe = gw.linked?.emulators.find((e) => e.service === 'stripe');
  return (stripe?.adminUrl ?? '').replace(/\/stats$/, '');
}

async function touch(id: string, industry: string): Promise<void> {
  const result = await gw.graphql(
    'mutation ($id: ID!, $industry: String) { updateAccount(id: $id, input: { industry: $industry }) { id } }',
    { id, industry },
  );
  expect(result.errors).toBeUndefined();
}

it('delivers the event with the failed field empty and its error on its path, then recovers', async () => {
  const page = await gw.graphql<{
    accounts: { nodes: Array<{ id: string; payments: { nodes: unknown[] } }> };
  }>('{ accounts(first: 50) { nodes { id payments { nodes { id } } } } }');
  const account = page.data?.accounts.nodes.find((a) => a.payments.nodes.length > 0);
  if (!account) throw new Error('the seed has an account with payments');

  const results: Array<FormattedExecutionResult<Change, unknown>> = [];
  const unsubscribe = ws.client.subscribe<Change>(
    { query: SUBSCRIPTION, variables: { ids: [account.id] } },
    { next: (result) => results.push(result), error: () => {}, complete: () => {} },
  );
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 1);

  const faults = await fetch(`${stripeAdmin()}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serverUnavailable: 1000 }),
  });
  expect(faults.ok).toBe(true);
  await touch(account.id, 'Energy');
  await waitFor(() => results.length >= 1, 10_000);
  const failed = results[0];
  expect(failed?.data?.accountChanged.record).toEqual({
    payments: { nodes: [] },
    customer360: { unavailableServices: ['STRIPE'] },
  });
  const paths = (failed?.errors ?? []).map((e) => e.path);
  expect(paths).toEqual(
    expect.arrayContaining([
      ['accountChanged', 'record', 'payments'],
      ['accountChanged', 'record', 'customer360'],
    ]),
  );
  expect(failed?.errors).toHaveLength(2);
  for (const error of failed?.errors ?? []) {
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'stripe' });
  }

  await fetch(`${stripeAdmin()}/reset`, { method: 'POST' });
  await touch(account.id, 'Banking');
  await waitFor(() => results.length >= 2, 10_000);
  const recovered = results[1];
  // Errors belong to one event: the next starts without the previous one's.
  expect(recovered?.errors).toBeUndefined();
  expect(recovered?.data?.accountChanged.record?.payments.nodes).toHaveLength(
    account.payments.nodes.length,
  );
  expect(recovered?.data?.accountChanged.record?.customer360.unavailableServices).toEqual([]);
  unsubscribe();
});
