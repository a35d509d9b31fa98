/**
 * A slow consumer inside a group of shared subscribers (demo mode, one viewer scope): the
 * socket that stops reading is dropped with 4008 once its writes back up (the per-socket
 * send-buffer bound, the only one a member has), and the other member of its group goes on
 * receiving every event.
 */
import WebSocket from 'ws';
import { connectToEmulator } from '../helpers/salesforce-target';
import {
  connectWs,
  DEMO_READYZ_HEADERS,
  startSubscriptionGateway,
  subscribe,
  waitForSubscribers,
  wsUrlOf,
  type SubscriptionGateway,
} from '../helpers/subscriptions-client';
import { ignoringErrors, leftovers } from '../helpers/leftovers';

/** ~500 KB per event (2,000 aliases of a 250-character name): a few dozen events fill a
 * paused reader's kernel buffers. */
const ALIASES = 2_000;
const NAME = 'n'.repeat(250);
const QUERY = `subscription { accountChanged { recordIds record { ... on Account { ${Array.from(
  { length: ALIASES },
  (_, i) => `n${i}: name`,
).join(' ')} } } } }`;
const WRITES = 60;

let gateway: SubscriptionGateway;
const readyz = () => ({ origin: gateway.origin, headers: DEMO_READYZ_HEADERS });

beforeAll(async () => {
  gateway = await startSubscriptionGateway({
    env: {
      QUERY_MAX_ALIASES: String(ALIASES + 10),
      QUERY_MAX_TOKENS: '100000',
      QUERY_MAX_COST: '100000000',
    },
    subscriptions: { maxQueue: 2 },
  });
});

afterAll(async () => {
  await gateway.stop();
});

/** A raw graphql-transport-ws subscriber, so the test can stop reading its socket. */
async function rawSubscriber(): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(wsUrlOf(gateway.url), 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const acked = new Promise<void>((resolve) =>
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type?: string }).type === 'connection_ack') resolve();
    }),
  );
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await acked;
  socket.send(JSON.stringify({ id: 'slow', type: 'subscribe', payload: { query: QUERY } }));
  return { socket, closed };
}

it('drops the member that stops reading (4008) and keeps delivering to its group', async () => {
  const fast = connectWs(gateway.url);
  leftovers.push(ignoringErrors(() => fast.dispose()));
  const received = subscribe<{ accountChanged: { recordIds: string[] } }>(fast, QUERY);
  const slow = await rawSubscriber();
  await waitForSubscribers(readyz(), 2, received);
  expect(gateway.gateway.subscriptionSharing()).toMatchObject({ groups: 1, members: 2 });
  slow.socket.pause();

  // ~30 MB for a reader that takes nothing: past its kernel buffers and the per-socket bound
  // (4 MiB queued), so the gateway drops it; the other member reads every event meanwhile.
  const admin = await connectToEmulator(gateway.emulatorUrl, 'admin');
  for (let i = 0; i < WRITES; i += 1) {
    await admin.sobject('Account').create({ Name: `${NAME}${i}` });
    await received.take(1, 10_000);
  }
  slow.socket.resume();
  expect(await slow.closed).toBe(4008);
  await waitForSubscribers(readyz(), 1);
  expect(gateway.gateway.subscriptionSharing()).toMatchObject({ groups: 1, members: 1 });

  // The rest of the group is unaffected: every event so far, and the next one.
  expect(received.data).toHaveLength(WRITES);
  await admin.sobject('Account').create({ Name: 'After the slow one' });
  await received.take(1);
  expect(received.errors).toEqual([]);
});
