/**
 * The gateway's own Redis (subscription fan-out, CDC leader lock, replay position) is
 * SIGKILLed and restarted empty mid-run while records change. The gateway process must not
 * crash, `/healthz` must keep answering, and queries and subscriptions (the one that lived
 * through the outage and a new one) must work again once Redis is back: every change made
 * after that reaches both subscribers exactly once.
 *
 * Redis pub/sub keeps nothing for a subscriber that is not connected, so a change published
 * while Redis is down, or before an instance's Redis subscriber has resubscribed, may not
 * reach it; the leader publishes such changes again once its own subscriptions are back.
 * The rule asserted is that nobody misses a change silently: every change committed around
 * the restart either arrives (once), or the subscriber receives a record-less GAP for its
 * type after the change was committed (refetch what you show). A subscriber that excluded
 * GAP (`changeTypes`) does not get it.
 */
import {
  expectEveryChangeOnce,
  id15,
  subscribeToAccountChanges,
  waitForSubscribers,
  type ChangeSubscriber,
  type ExpectedChange,
} from './support/change-stream';
import { outcomeOf, spawnIntegrationGateway } from './support/gateway-process';
import { startOrg } from './support/org';
import { startOwnRedis } from './support/redis-server';
import { tally, untilAnswered } from './support/recovery';
import { underObservation } from './support/scenario';
import type { EmulatorUser } from '../../src/emulators/salesforce/model/types';

const ACCOUNTS = '{ accounts(first: 3, orderBy: [{ field: NAME }]) { nodes { id name } } }';
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Longer than the leader lock's renewal period (1.5 s): renewals fail during the outage. */
const OUTAGE_MS = 2_000;

interface AfterRestart {
  /** Ids of the probe changes, in commit order. */
  probes: string[];
  arrivedIds: Set<string>;
  /** Changes that arrived a second time (published again after the outage, not dropped). */
  duplicates: number;
  /** GAPs received (each one a "refetch what you show"). */
  gaps: number;
  /** How many probes were committed before the first GAP arrived (undefined: no GAP). */
  probesBeforeGap: number | undefined;
}

/**
 * Writes a probe change every 300 ms until the subscriber receives one (the gateway is
 * connected to Redis again), then swallows any late probe or GAP. Returns the probes' ids,
 * the ids of every change that arrived meanwhile, and when the first GAP arrived.
 */
async function untilChangesFlow(
  subscriber: ChangeSubscriber,
  create: (name: string) => ExpectedChange,
  attempts = 60,
): Promise<AfterRestart> {
  const result: AfterRestart = {
    probes: [],
    arrivedIds: new Set(),
    duplicates: 0,
    gaps: 0,
    probesBeforeGap: undefined,
  };
  const take = async (ms: number): Promise<void> => {
    for (const e of await subscriber.received.drain(ms)) {
      if (e.accountChanged.changeType === 'GAP') {
        expect(e.accountChanged.recordIds).toEqual([]);
        result.gaps += 1;
        result.probesBeforeGap ??= result.probes.length;
      } else {
        const id = id15(e.accountChanged.recordIds[0]);
        if (result.arrivedIds.has(id)) result.duplicates += 1;
        result.arrivedIds.add(id);
      }
    }
  };
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    result.probes.push(id15(create(`Reliability Redis Probe ${attempt}`).id));
    await take(300);
    if (result.probes.some((id) => result.arrivedIds.has(id))) {
      await take(1_000);
      return result;
    }
  }
  throw new Error(`no change reached the subscriber in ${attempts} probes after Redis came back`);
}

describe('a Redis restart under a running gateway', () => {
  it('keeps the process alive and answering; queries and subscriptions work again after', async () => {
    const redis = await startOwnRedis();
    const org = await startOrg();
    const gateway = await spawnIntegrationGateway(org, {
      REDIS_URL: redis.url,
      SUBSCRIPTIONS_NAMESPACE: 'reliability',
    });
    const store = org.emulator.store;
    const writer = store.users().find((u) => u.viewAllData) as EmulatorUser;
    const create = (name: string): ExpectedChange => ({
      id: store.create('Account', { Name: name }, writer),
      changeType: 'CREATE',
    });

    const survivor = subscribeToAccountChanges(gateway);
    const noGaps = subscribeToAccountChanges(gateway, 'changeTypes: [CREATE, UPDATE]');
    await waitForSubscribers(gateway, 2, [survivor, noGaps]);
    const before = [create('Reliability Before Restart')];
    await expectEveryChangeOnce(survivor.received, before, { quietMs: 200 });
    await expectEveryChangeOnce(noGaps.received, before, { quietMs: 0 });
    for (let i = 0; i < 10; i += 1) await gateway.graphql(ACCOUNTS);

    await underObservation('Redis restart', gateway, async (observation) => {
      await redis.kill();
      const whileDown = [create('Reliability Redis Down 0')];
      const queriesWhileDown: string[] = [];
      for (let elapsed = 0; elapsed < OUTAGE_MS; elapsed += 250) {
        // Printed, not asserted: a Redis-backed rate limiter may fail open or closed.
        queriesWhileDown.push(
          await gateway
            .graphql(ACCOUNTS, undefined, { timeoutMs: 2_000 })
            .then(outcomeOf, () => 'no answer in 2 s'),
        );
        await pause(250);
      }
      whileDown.push(create('Reliability Redis Down 1'));
      await redis.restart();

      const { probes, arrivedIds, duplicates, gaps, probesBeforeGap } = await untilChangesFlow(
        survivor,
        create,
      );
      const aroundRestart = [...whileDown.map((c) => id15(c.id)), ...probes];
      const lost = aroundRestart.filter((id) => !arrivedIds.has(id));
      // What the leader published again after the outage is dropped where it already arrived.
      expect(duplicates).toBe(0);
      // Redis was gone, so the subscriber is told to refetch whether or not anything was lost.
      expect(gaps).toBeGreaterThanOrEqual(1);
      // A change may go missing only if the GAP came after it was committed.
      const coveredByGap = new Set([
        ...whileDown.map((c) => id15(c.id)),
        ...probes.slice(0, probesBeforeGap ?? 0),
      ]);
      expect(lost.filter((id) => !coveredByGap.has(id))).toEqual([]);
      const attempts = await untilAnswered(gateway, ACCOUNTS);
      const newcomer = subscribeToAccountChanges(gateway);
      await waitForSubscribers(gateway, 3, [survivor, noGaps, newcomer]);
      const after = [create('Reliability Redis Back 0'), create('Reliability Redis Back 1')];
      store.update('Account', after[0]?.id ?? '', { BillingCity: 'Back City' }, writer);
      after.push({ id: after[0]?.id ?? '', changeType: 'UPDATE' });
      await expectEveryChangeOnce(newcomer.received, after);
      await expectEveryChangeOnce(survivor.received, after);
      // The one that excluded GAP got none; what it got around the restart is not asserted.
      const excluded = await noGaps.received.drain(0);
      expect(excluded.filter((e) => e.accountChanged.changeType === 'GAP')).toEqual([]);
      const lastThree = excluded.slice(-after.length).map((e) => ({
        id: id15(e.accountChanged.recordIds[0]),
        changeType: e.accountChanged.changeType,
      }));
      expect(lastThree).toEqual(after.map((c) => ({ id: id15(c.id), changeType: c.changeType })));

      observation.note(
        `queries while Redis was down: ${JSON.stringify(tally(queriesWhileDown))}; good after ${attempts} attempt(s)`,
      );
      observation.note(
        `changes committed while Redis was down or reconnecting: ${aroundRestart.length}, lost: ${lost.length}, each covered by a later GAP (${gaps} GAP(s) received), delivered twice: ${duplicates}`,
      );
      observation.note(
        `subscription flowing again after ${probes.length} probe write(s); ${after.length}/${after.length} later changes delivered once to the old and the new subscriber`,
      );
    });
  }, 90_000);
});
