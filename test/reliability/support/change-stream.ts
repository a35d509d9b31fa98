import {
  connectWs,
  subscribe,
  type Received,
  type TestWsClient,
} from '../../helpers/subscriptions-client';
import { leftovers } from '../../helpers/leftovers';
import type { GatewayProcess } from './gateway-process';

export interface AccountChange {
  accountChanged: { changeType: string; recordIds: string[]; replayId: string };
}

export interface ChangeSubscriber {
  ws: TestWsClient;
  received: Received<AccountChange>;
}

const ACCOUNT_CHANGED = 'subscription { accountChanged { changeType recordIds replayId } }';

/**
 * A graphql-ws client of the gateway, with the scenario's credentials, on `accountChanged`
 * (`args`: the field's arguments, as GraphQL text).
 */
export function subscribeToAccountChanges(
  gateway: GatewayProcess,
  args?: string,
): ChangeSubscriber {
  const ws = connectWs(gateway.url, { connectionParams: gateway.credentials });
  leftovers.push(() => ws.dispose());
  const query = args
    ? ACCOUNT_CHANGED.replace('accountChanged', `accountChanged(${args})`)
    : ACCOUNT_CHANGED;
  return { ws, received: subscribe<AccountChange>(ws, query) };
}

interface ReadyBody {
  salesforce?: { cdc?: { subscribers?: number } };
}

/**
 * Polls `/readyz` (with the scenario's credentials, which a minimal unauthenticated
 * `/readyz` would need) until the process counts `count` live subscriptions: only then is
 * the org's CometD subscription confirmed, so a write made afterwards cannot be missed.
 */
export async function waitForSubscribers(
  gateway: GatewayProcess,
  count: number,
  subscribers: ChangeSubscriber[],
  attempts = 400,
): Promise<void> {
  let body: ReadyBody = {};
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    for (const { received } of subscribers) {
      if (received.errors.length > 0) {
        throw new Error(`subscription failed: ${JSON.stringify(received.errors)}`);
      }
    }
    const response = await fetch(`${gateway.origin}/readyz`, { headers: gateway.credentials });
    body = (await response.json()) as ReadyBody;
    if (body.salesforce?.cdc?.subscribers === count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${count} subscribers, /readyz says ${JSON.stringify(body)}`);
}

/** The first 15 characters: the 15- and 18-character forms name the same record. */
export const id15 = (id: string | undefined): string => (id ?? '').slice(0, 15);

/** What the subscriber must see, in order: one entry per committed change. */
export interface ExpectedChange {
  id: string;
  changeType: string;
}

/**
 * Takes exactly `expected.length` changes and checks that they are the expected ones, in
 * commit order, each once (distinct, increasing replayIds), then that nothing more arrives
 * within `quietMs`: no lost event and no duplicate.
 */
export async function expectEveryChangeOnce(
  received: Received<AccountChange>,
  expected: ExpectedChange[],
  options: { timeoutMs?: number; quietMs?: number } = {},
): Promise<AccountChange[]> {
  const wanted = expected.map((e) => ({ id: id15(e.id), changeType: e.changeType }));
  let events: AccountChange[];
  try {
    events = await received.take(expected.length, options.timeoutMs ?? 30_000);
  } catch (error) {
    // Say which changes are missing, not only how many.
    const got = (await received.drain(0)).map((e) => ({
      id: id15(e.accountChanged.recordIds[0]),
      changeType: e.accountChanged.changeType,
      replayId: e.accountChanged.replayId,
    }));
    throw new Error(
      `${String(error)}\nexpected ${JSON.stringify(wanted)}\nreceived ${JSON.stringify(got)}`,
    );
  }
  expect(
    events.map((e) => ({
      id: id15(e.accountChanged.recordIds[0]),
      changeType: e.accountChanged.changeType,
    })),
  ).toEqual(wanted);
  const replayIds = events.map((e) => e.accountChanged.replayId);
  const ascending = [...new Set(replayIds)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  expect(replayIds).toEqual(ascending);
  expect(await received.drain(options.quietMs ?? 1_000)).toEqual([]);
  expect(received.errors).toEqual([]);
  return events;
}
