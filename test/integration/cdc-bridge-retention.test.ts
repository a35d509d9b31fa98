/**
 * Resuming from a replayId the org no longer retains: the emulator's clock moves past the
 * retention window, the org refuses the stored id, and the bridge falls back to replaying
 * everything still retained (at-least-once) instead of silently starting from new events.
 */
import type { Connection } from 'jsforce';
import { Keyv } from 'keyv';
import {
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { CdcBridge } from '../../src/live/change-bridge';
import {
  JsforceChangeEventSource,
  ReplayIdRejectedError,
} from '../../src/upstreams/salesforce/cdc/jsforce-change-event-source';
import { SalesforceChangeSource } from '../../src/upstreams/salesforce/cdc/salesforce-change-source';
import { MemoryPubSub } from '../../src/live/pubsub/memory-pubsub';
import type { NormalizedChange } from '../../src/live/normalized-change';
import type { PubSubIterator } from '../../src/live/pubsub/pubsub';
import { KeyvReplayStore } from '../../src/live/replay-store';
import { recordChangedTopic } from '../../src/live/topics';
import { ignoringErrors, leftovers } from '../helpers/leftovers';
import { connectToEmulator, loginAs } from '../helpers/salesforce-target';

const RETENTION_HOURS = 1;

let emulator: RunningSalesforceEmulator;
let writer: Connection;
/** How far the emulated org's clock runs ahead of the real one. */
let clockOffsetMs = 0;

async function startBridge(
  store: KeyvReplayStore,
  pubsub: MemoryPubSub,
): Promise<{ bridge: CdcBridge; errors: Error[] }> {
  const conn = await connectToEmulator(emulator.url, 'integration');
  const errors: Error[] = [];
  const bridge = new CdcBridge({
    source: new SalesforceChangeSource(
      new JsforceChangeEventSource({
        getConnection: async () => conn,
        refresh: async () => {
          await loginAs(conn, 'integration');
        },
        backoff: { initialMs: 100, maxMs: 1000 },
      }),
    ),
    pubsub,
    replayStore: store,
    onError: (error) => errors.push(error instanceof Error ? error : new Error(String(error))),
  });
  await bridge.start();
  // The test stops the first bridge itself; stopping it again must not fail the teardown.
  leftovers.push(ignoringErrors(() => bridge.stop()));
  return { bridge, errors };
}

async function take(
  iterator: PubSubIterator<NormalizedChange>,
  count: number,
  // Generous: under a loaded machine the long-poll round trip alone can take seconds.
  timeoutMs = 15_000,
): Promise<NormalizedChange[]> {
  const out: NormalizedChange[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${out.length}/${count}`)),
      timeoutMs,
    );
  });
  try {
    while (out.length < count) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) throw new Error('iterator ended');
      out.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return out;
}

async function cometdClients(): Promise<number> {
  const res = await fetch(`${emulator.url}/__emulator/cdc/events`);
  return ((await res.json()) as { clients: string[] }).clients.length;
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function createAccount(name: string): Promise<string> {
  const result = await writer.sobject('Account').create({ Name: name });
  if (!result.success || !result.id) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.id;
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator({
    port: 0,
    scale: 0.05,
    // Tokens must outlive the clock jump; only the event log should notice it.
    accessTokenTtlSeconds: 86_400,
    cdc: { retentionHours: RETENTION_HOURS },
    clock: () => new Date(Date.now() + clockOffsetMs),
  });
  leftovers.push(() => emulator.stop());
  writer = await connectToEmulator(emulator.url, 'integration');
});

describe('CDC bridge: a stored replayId outside the retention window', () => {
  it('reports ReplayIdRejectedError and replays every retained event', async () => {
    const keyv = new Keyv();
    const pubsub = new MemoryPubSub();
    const iterator = pubsub.asyncIterator(recordChangedTopic('ACCOUNT'), { maxQueue: 100 });
    await iterator.ready;
    leftovers.push(ignoringErrors(() => iterator.return?.()));

    const first = await startBridge(new KeyvReplayStore(keyv), pubsub);
    await waitFor(async () => (await cometdClients()) === 1);
    await createAccount('Before The Gap');
    const [old] = await take(iterator, 1);
    await first.bridge.stop();
    const stored = await new KeyvReplayStore(keyv).load();
    expect(stored).toBe(old?.replayId);
    await waitFor(async () => (await cometdClients()) === 0);

    // Past the retention window: the stored event is gone from the org's event log.
    clockOffsetMs = (RETENTION_HOURS * 60 + 30) * 60_000;
    const retained = [await createAccount('Retained One'), await createAccount('Retained Two')];

    const second = await startBridge(new KeyvReplayStore(keyv), pubsub);
    const replayed = await take(iterator, 2);
    expect(replayed.map((c) => c.recordIds[0]?.slice(0, 15))).toEqual(
      retained.map((id) => id.slice(0, 15)),
    );
    expect(replayed.every((c) => c.changeType === 'CREATE')).toBe(true);
    const rejected = second.errors.filter((e) => e instanceof ReplayIdRejectedError);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ replayId: stored });
    expect(rejected[0]?.message).toMatch(/replayId \{\d+\} you provided was invalid/);
    expect(second.bridge.stats().lastReplayId).toBe(replayed[1]?.replayId);

    // The fallback keeps running: new events still arrive after the replay.
    const after = await createAccount('After The Replay');
    const [live] = await take(iterator, 1);
    expect(live?.recordIds[0]?.slice(0, 15)).toBe(after.slice(0, 15));
  }, 30_000);
});
