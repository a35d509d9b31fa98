/**
 * The gateway's one CometD connection to the org breaks while records keep changing: the org
 * forgets its client (`/__emulator/cdc/drop-clients`), then is unreachable for a few seconds
 * (`offline`), and Salesforce reports a change it cannot describe (`/__emulator/cdc/gap`).
 * A graphql-ws subscriber of the gateway process must receive every change exactly once, in
 * commit order. The records are written by another application (straight into the org), not
 * through the gateway.
 */
import type { EmulatorUser } from '../../src/emulators/salesforce/model/types';
import {
  expectEveryChangeOnce,
  id15,
  subscribeToAccountChanges,
  waitForSubscribers,
  type ExpectedChange,
} from './support/change-stream';
import { spawnIntegrationGateway } from './support/gateway-process';
import { startOrg, type ReliabilityOrg } from './support/org';
import { underObservation } from './support/scenario';

const OUTAGE_MS = 3_000;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the org has exactly one CometD client and it is not `previous`. */
async function newCometdClient(org: ReliabilityOrg, previous: string | undefined): Promise<string> {
  let clients: string[] = [];
  for (let attempt = 0; attempt < 400; attempt += 1) {
    clients = await org.cometdClients();
    if (clients.length === 1 && clients[0] !== previous) return clients[0] as string;
    await pause(25);
  }
  throw new Error(`the gateway did not reconnect: clients ${JSON.stringify(clients)}`);
}

/** An org, a gateway process over it, one subscriber, and writes that record what they expect. */
async function liveSetup() {
  const org = await startOrg();
  const gateway = await spawnIntegrationGateway(org);
  const writer = org.emulator.store.users().find((u) => u.viewAllData) as EmulatorUser;
  const store = org.emulator.store;
  const expected: ExpectedChange[] = [];
  const create = (name: string): string => {
    const id = store.create('Account', { Name: name }, writer);
    expected.push({ id, changeType: 'CREATE' });
    return id;
  };
  const update = (id: string, city: string): void => {
    store.update('Account', id, { BillingCity: city }, writer);
    expected.push({ id, changeType: 'UPDATE' });
  };
  const subscriber = subscribeToAccountChanges(gateway);
  await waitForSubscribers(gateway, 1, [subscriber]);
  const first = create('Reliability First');
  await expectEveryChangeOnce(subscriber.received, expected.splice(0), { quietMs: 200 });
  return { org, gateway, subscriber, expected, create, update, first };
}

describe('dropped CometD connections while records change', () => {
  it('delivers every change to a subscriber exactly once, in order', async () => {
    const { org, gateway, subscriber, expected, create, update, first } = await liveSetup();
    const [clientBefore] = await org.cometdClients();

    await underObservation('dropped CometD connections', gateway, async (observation) => {
      // The org forgets the gateway's client three times, with changes in between; each
      // time the gateway has reconnected before the next drop.
      let dropped = 0;
      let client = clientBefore;
      for (let drop = 0; drop < 3; drop += 1) {
        dropped += await org.dropCometdClients();
        create(`Reliability After Drop ${drop}`);
        update(first, `Drop City ${drop}`);
        client = await newCometdClient(org, client);
      }
      expect(dropped).toBe(3);
      let delivered = expected.length;
      // Delivered before the outage below: a change whose access check meets the outage is
      // the next test's case.
      await expectEveryChangeOnce(subscriber.received, expected.splice(0), { quietMs: 200 });

      // Unreachable for a while (every socket cut, long-polls included); commits go on and
      // wait in the org for the gateway's next long-poll.
      await org.faults({ offline: OUTAGE_MS });
      for (let i = 0; i < 3; i += 1) {
        create(`Reliability During Outage ${i}`);
        update(first, `Outage City ${i}`);
        await pause(OUTAGE_MS / 4);
      }
      await pause(OUTAGE_MS / 4);
      const last = create('Reliability After Outage');

      // A change Salesforce could not describe: re-read and delivered as an UPDATE.
      const gapResponse = await fetch(`${org.url}/__emulator/cdc/gap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          changeType: 'GAP_UPDATE',
          entityName: 'Account',
          recordIds: [last],
        }),
      });
      expect(gapResponse.status).toBe(200);
      expected.push({ id: last, changeType: 'UPDATE' });

      delivered += expected.length;
      await expectEveryChangeOnce(subscriber.received, expected);
      // Reconnects replaced the client; they never added one.
      const clientsAfter = await org.cometdClients();
      expect(clientsAfter).toHaveLength(1);
      expect(clientsAfter[0]).not.toBe(clientBefore);
      observation.note(
        `${dropped} clients dropped, ${OUTAGE_MS} ms offline, 1 gap: ${delivered}/${delivered} changes delivered once, in order`,
      );
    });
  }, 90_000);

  /**
   * The gateway has received a change and is checking the subscriber's access to it
   * (`SELECT Id ... WHERE Id IN (...)` as the subscriber) when the org goes offline: every
   * attempt of that check fails. The subscriber must still learn of the change, as the
   * change itself once the org is back or as a `GAP` (refetch; no record ids, so nothing
   * leaks), never not at all.
   *
   * Fails on main as of this writing: the access filter fails closed and drops the change
   * silently (src/live/access-filter.ts `decide`). It was found by the test above, which
   * lost the changes written just before its outage in about 1 run in 5 before its phases
   * were separated.
   */
  it('tells the subscriber of a change whose access check met an outage', async () => {
    const { org, gateway, subscriber, create } = await liveSetup();

    await underObservation('access check during an outage', gateway, async (observation) => {
      // Slow answers keep the access check in flight long enough to cut it.
      await org.faults({ latencyMs: 600 });
      await org.resetStats();
      const caught = create('Reliability Checked During Outage');
      while (((await org.stats()).byEndpoint.queryAll ?? 0) === 0) await pause(5);
      await org.faults({ offline: OUTAGE_MS });
      await pause(OUTAGE_MS);
      await org.faults({ latencyMs: 0 });
      const after = create('Reliability After Outage');

      const events = await subscriber.received.take(1, 30_000);
      const more = await subscriber.received.drain(3_000);
      const seen = [...events, ...more].map((e) => ({
        id: id15(e.accountChanged.recordIds[0]),
        changeType: e.accountChanged.changeType,
      }));
      observation.note(`received ${JSON.stringify(seen)}`);
      expect(seen).toHaveLength(2);
      expect(seen).toContainEqual({ id: id15(after), changeType: 'CREATE' });
      const told = seen.find((e) => e.id !== id15(after));
      expect([
        { id: id15(caught), changeType: 'CREATE' },
        { id: '', changeType: 'GAP' },
      ]).toContainEqual(told);
    });
  }, 60_000);
});
