/**
 * The gateway's one CometD connection to the org breaks while records keep changing: the org
 * forgets its client (`/__emulator/cdc/drop-clients`), then is unreachable for a few seconds
 * (`offline`), and Salesforce reports a change it cannot describe (`/__emulator/cdc/gap`).
 * A graphql-ws subscriber of the gateway process must receive every change exactly once, in
 * commit order.
 */
import type { EmulatorUser } from '../../src/emulators/salesforce/model/types';
import {
  expectEveryChangeOnce,
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

describe('dropped CometD connections while records change', () => {
  it('delivers every change to a subscriber exactly once, in order', async () => {
    const org = await startOrg();
    const gateway = await spawnIntegrationGateway(org);
    const writer = org.emulator.store.users().find((u) => u.viewAllData) as EmulatorUser;
    const store = org.emulator.store;
    // Another application writing to the org: commits that do not go through the gateway.
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
    const [clientBefore] = await org.cometdClients();

    await underObservation('dropped CometD connections', gateway, async (observation) => {
      const first = create('Reliability Before Drops');
      await expectEveryChangeOnce(subscriber.received, expected.splice(0), { quietMs: 200 });

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

      // Unreachable for a while (every socket cut, long-polls included); commits go on.
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

      const total = expected.length + 1;
      await expectEveryChangeOnce(subscriber.received, expected);
      // Reconnects replaced the client; they never added one.
      const clientsAfter = await org.cometdClients();
      expect(clientsAfter).toHaveLength(1);
      expect(clientsAfter[0]).not.toBe(clientBefore);
      observation.note(
        `${dropped} clients dropped, ${OUTAGE_MS} ms offline, 1 gap: ${total}/${total} changes delivered once, in order`,
      );
    });
  }, 90_000);
});
