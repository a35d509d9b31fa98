/**
 * The CDC bridge against the real emulator: jsforce's streaming client over CometD, real
 * writes through jsforce, the emulator's GAP and drop-clients knobs.
 */
import type { Connection } from 'jsforce';
import { Keyv } from 'keyv';
import { startSalesforceEmulator } from '../../src/emulators/salesforce';
import { CdcBridge } from '../../src/live/change-bridge';
import { ENTITY_NAMES } from '../../src/upstreams/salesforce/cdc/entity-names';
import { JsforceChangeEventSource } from '../../src/upstreams/salesforce/cdc/jsforce-change-event-source';
import type { RereadRecord } from '../../src/upstreams/salesforce/cdc/reread';
import { SalesforceChangeSource } from '../../src/upstreams/salesforce/cdc/salesforce-change-source';
import { MemoryPubSub } from '../../src/live/pubsub/memory-pubsub';
import type { NormalizedChange } from '../../src/live/normalized-change';
import type { PubSubIterator } from '../../src/live/pubsub/pubsub';
import { KeyvReplayStore } from '../../src/live/replay-store';
import { recordChangedTopic } from '../../src/live/topics';
import { flushLeftovers, ignoringErrors, leftovers } from '../helpers/leftovers';
import { connectToEmulator, loginAs } from '../helpers/salesforce-target';

type Emulator = Awaited<ReturnType<typeof startSalesforceEmulator>>;

let emulator: Emulator;
let writer: Connection;

async function admin(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${emulator.url}/__emulator/cdc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function cometdClients(): Promise<string[]> {
  const res = await fetch(`${emulator.url}/__emulator/cdc/events`);
  const body = (await res.json()) as { clients: string[] };
  return body.clients;
}

interface Harness {
  bridge: CdcBridge;
  pubsub: MemoryPubSub;
  errors: unknown[];
}

async function startBridge(store: KeyvReplayStore, pubsub = new MemoryPubSub()): Promise<Harness> {
  const conn = await connectToEmulator(emulator.url, 'integration');
  const errors: unknown[] = [];
  const streaming = new JsforceChangeEventSource({
    getConnection: async () => conn,
    refresh: async () => {
      await loginAs(conn, 'integration');
    },
    backoff: { initialMs: 100, maxMs: 1000 },
  });
  const source = new SalesforceChangeSource(streaming, {
    reread: async (type, ids) => {
      const records: unknown[] = await conn.sobject(ENTITY_NAMES[type]).retrieve([...ids]);
      return records.filter(
        (r): r is RereadRecord => typeof r === 'object' && r !== null && 'Id' in r,
      );
    },
  });
  const bridge = new CdcBridge({
    source,
    pubsub,
    replayStore: store,
    onError: (error) => errors.push(error),
  });
  await bridge.start();
  leftovers.push(ignoringErrors(() => bridge.stop()));
  // A CometD client exists from its handshake on, but a write only reaches it once the
  // subscribe is confirmed (replay -1): wait for that, not for the client, before writing.
  await bridge.listening();
  return { bridge, pubsub, errors };
}

/** Subscribes before anything is written, so no event can slip by. */
async function subscribeAccounts(pubsub: MemoryPubSub): Promise<PubSubIterator<NormalizedChange>> {
  const iterator = pubsub.asyncIterator(recordChangedTopic('ACCOUNT'), { maxQueue: 1000 });
  await iterator.ready;
  leftovers.push(ignoringErrors(() => iterator.return?.()));
  return iterator;
}

async function take<T>(iterator: AsyncIterator<T>, count: number, timeoutMs = 8000): Promise<T[]> {
  const out: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`timed out after ${out.length}/${count} events`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${out.length}/${count} events`)),
        remaining,
      );
    });
    try {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) throw new Error('iterator ended');
      out.push(next.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return out;
}

/** Resolves to whatever arrives within `ms` (used to prove nothing more comes). */
async function drain<T>(iterator: AsyncIterator<T>, ms: number): Promise<T[]> {
  try {
    return await take(iterator, Number.MAX_SAFE_INTEGER, ms);
  } catch {
    return [];
  }
}

async function waitFor(
  predicate: () => Promise<boolean> | boolean,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function createAccount(name: string): Promise<string> {
  const result = await writer.sobject('Account').create({ Name: name, BillingCity: 'Lyon' });
  if (!result.success || !result.id) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.id;
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0, scale: 1 });
  writer = await connectToEmulator(emulator.url, 'admin');
});

// Each test starts from an org with no streaming client of an earlier test.
afterEach(flushLeftovers);

afterAll(async () => {
  await emulator.stop();
});

describe('CDC bridge against the emulator', () => {
  it('delivers a jsforce write to a subscriber, normalized, over one CometD client', async () => {
    const { pubsub, bridge } = await startBridge(new KeyvReplayStore(new Keyv()));
    const iterators = await Promise.all([subscribeAccounts(pubsub), subscribeAccounts(pubsub)]);
    await waitFor(async () => (await cometdClients()).length === 1);
    const id = await createAccount('Bridge Test One');
    const [first] = await take(iterators[0] as PubSubIterator<NormalizedChange>, 1);
    const [second] = await take(iterators[1] as PubSubIterator<NormalizedChange>, 1);
    expect(first).toMatchObject({
      type: 'ACCOUNT',
      changeType: 'CREATE',
      entityName: 'Account',
      accountIds: [id],
    });
    expect(first?.recordIds.map((r) => r.slice(0, 15))).toEqual([id.slice(0, 15)]);
    expect(first?.changedFields).toEqual(expect.arrayContaining(['name', 'billingAddress']));
    expect(first?.commitUserId).toMatch(/^005/);
    expect(Number.isNaN(Date.parse(first?.commitTimestamp ?? ''))).toBe(false);
    expect(second?.replayId).toBe(first?.replayId);

    await writer.sobject('Account').update({ Id: id, AnnualRevenue: 1000 });
    const [update] = await take(iterators[0] as PubSubIterator<NormalizedChange>, 1);
    expect(update?.changeType).toBe('UPDATE');
    expect(update?.changedFields).toContain('annualRevenue');
    // However many subscribers, the org sees one streaming client.
    expect(await cometdClients()).toHaveLength(1);
    expect(bridge.stats().upstreamSubscriptions).toBe(1);
    await bridge.stop();
    await waitFor(async () => (await cometdClients()).length === 0);
  });

  it('after a restart, delivers exactly the events written while it was down', async () => {
    const keyv = new Keyv();
    const pubsub = new MemoryPubSub();
    const iterator = await subscribeAccounts(pubsub);
    const first = await startBridge(new KeyvReplayStore(keyv), pubsub);
    await waitFor(async () => (await cometdClients()).length === 1);
    await createAccount('Before Restart');
    const [before] = await take(iterator, 1);
    await first.bridge.stop();
    expect(await keyv.get('cdc:replay-id')).toBe(before?.replayId);
    await waitFor(async () => (await cometdClients()).length === 0);

    const written: string[] = [];
    for (let i = 0; i < 5; i += 1) written.push(await createAccount(`While Down ${i}`));

    await startBridge(new KeyvReplayStore(keyv), pubsub);
    const replayed = await take(iterator, 5);
    expect(replayed.map((c) => c.recordIds[0]?.slice(0, 15))).toEqual(
      written.map((id) => id.slice(0, 15)),
    );
    expect(replayed.every((c) => c.changeType === 'CREATE')).toBe(true);
    expect(new Set(replayed.map((c) => c.replayId)).size).toBe(5);
    // Nothing else: no duplicate of the event processed before the restart.
    expect(await drain(iterator, 700)).toEqual([]);
  });

  it('turns a GAP event into a re-read update, and an overflow into a GAP change', async () => {
    const id = await createAccount('Gap Target');
    const errs = await startBridge(new KeyvReplayStore(new Keyv()));
    const { pubsub } = errs;
    const iterator = await subscribeAccounts(pubsub);
    await waitFor(async () => (await cometdClients()).length === 1);
    await writer.sobject('Account').update({ Id: id, Industry: 'Energy' });
    await take(iterator, 1);

    await admin('gap', { changeType: 'GAP_UPDATE', entityName: 'Account', recordIds: [id] });
    const [reread] = await take(iterator, 1);
    expect(reread).toMatchObject({ changeType: 'UPDATE', gapKind: 'GAP_UPDATE' });
    expect(reread?.values).toMatchObject({ Name: 'Gap Target', Industry: 'Energy' });
    expect(reread?.changedFields).toEqual(expect.arrayContaining(['name', 'industry']));

    await admin('gap', { changeType: 'GAP_OVERFLOW', entityName: 'Account', recordIds: [] });
    const [overflow] = await take(iterator, 1);
    expect(overflow).toMatchObject({ changeType: 'GAP', gapKind: 'GAP_OVERFLOW' });
  });

  it('reconnects after the org drops its CometD session and keeps delivering', async () => {
    const { pubsub, errors } = await startBridge(new KeyvReplayStore(new Keyv()));
    const iterator = await subscribeAccounts(pubsub);
    await waitFor(async () => (await cometdClients()).length === 1);
    const [oldClient] = await cometdClients();
    await createAccount('Before Drop');
    await take(iterator, 1);

    const dropped = (await admin('drop-clients', {})) as { dropped: number };
    expect(dropped.dropped).toBe(1);
    // Written while no session exists: must still arrive, once.
    const id = await createAccount('During Drop');
    await waitFor(async () => {
      const clients = await cometdClients();
      return clients.length === 1 && clients[0] !== oldClient;
    });
    const [during] = await take(iterator, 1);
    expect(during?.recordIds[0]?.slice(0, 15)).toBe(id.slice(0, 15));
    const afterId = await createAccount('After Drop');
    const [after] = await take(iterator, 1);
    expect(after?.recordIds[0]?.slice(0, 15)).toBe(afterId.slice(0, 15));
    expect(await drain(iterator, 500)).toEqual([]);
    expect(errors.filter((e) => !String(e).includes('Unknown client'))).toEqual([]);
  });

  it('says GAP for every type when it must resubscribe before any event gave it a position', async () => {
    const { pubsub, bridge } = await startBridge(new KeyvReplayStore(new Keyv()));
    const iterators = await Promise.all(
      (['ACCOUNT', 'CONTACT', 'OPPORTUNITY', 'LEAD'] as const).map(async (type) => {
        const iterator = pubsub.asyncIterator<NormalizedChange>(recordChangedTopic(type), {
          maxQueue: 1000,
        });
        await iterator.ready;
        leftovers.push(ignoringErrors(() => iterator.return?.()));
        return { type, iterator };
      }),
    );
    await waitFor(async () => (await cometdClients()).length === 1);
    const [oldClient] = await cometdClients();
    // No event processed: the stream is still at -1, with nothing to replay from.
    expect(bridge.stats().lastReplayId).toBeUndefined();

    await admin('drop-clients', {});
    // Committed while no session exists: a resubscription from -1 never delivers it.
    await createAccount('Lost In The Gap');
    await waitFor(async () => {
      const clients = await cometdClients();
      return clients.length === 1 && clients[0] !== oldClient;
    });
    for (const { type, iterator } of iterators) {
      const [signal] = await take(iterator, 1);
      expect({ type, change: signal }).toEqual({
        type,
        change: expect.objectContaining({ type, changeType: 'GAP', recordIds: [] }),
      });
      expect(signal?.entityName).toBe(ENTITY_NAMES[type]);
    }
    // A signal, not a position: nothing is persisted, and live events flow again.
    expect(bridge.stats().lastReplayId).toBeUndefined();
    const afterId = await createAccount('After The Gap');
    const accounts = iterators[0]!.iterator;
    const [after] = await take(accounts, 1);
    expect(after?.recordIds[0]?.slice(0, 15)).toBe(afterId.slice(0, 15));
    expect(bridge.stats().lastReplayId).toEqual(expect.any(String));
  });
});
