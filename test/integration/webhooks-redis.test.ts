/**
 * Two gateway instances on one Redis namespace: a webhook received by either reaches the
 * subscribers of both exactly once, and the same event delivered again to the other instance
 * is recognised as a duplicate (the claim is shared through Redis) and dropped.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createServer, type RunningGateway } from '../../src/server/create-server';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { leftovers } from '../helpers/leftovers';
import { connectToEmulator } from '../helpers/salesforce-target';
import {
  DEMO_READYZ_HEADERS,
  connectWs,
  subscribe,
  waitForSubscribers,
  type TestWsClient,
} from '../helpers/subscriptions-client';
import {
  paymentIntent,
  postStripe,
  stripeEvent,
  stripeSignature,
  uniqueSuffix,
} from '../helpers/webhooks';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `atom-test:webhooks:${randomUUID()}`;

interface PaymentEvent {
  paymentReceived: { id: string; account: { id: string } | null };
}

let first: TestGateway;
let second: RunningGateway;
let secondOrigin: string;
const sockets: TestWsClient[] = [];
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  first = await startTestGateway({
    linked: {},
    env: { REDIS_URL },
    subscriptions: { namespace: NAMESPACE },
  });
  second = await createServer(first.config, { subscriptions: { namespace: NAMESPACE } });
  leftovers.push(() => second.stop());
  secondOrigin = new URL(second.url).origin;
});

afterAll(async () => {
  for (const ws of sockets) await ws.dispose();
  const keys = await redis.keys(`${NAMESPACE}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

it('a webhook received by either instance reaches every subscriber once; a redelivery to the other is dropped', async () => {
  const admin = await connectToEmulator(first.emulatorUrl, 'admin');
  const customer = `cus_rd${uniqueSuffix()}`;
  const account = await admin
    .sobject('Account')
    .create({ Name: 'Webhook Redis', Stripe_Customer_Id__c: customer });
  if (!account.success) throw new Error('account not created');

  const query = `subscription ($a: ID) { paymentReceived(accountId: $a) { id account { id } } }`;
  const onFirst = connectWs(first.url);
  const onSecond = connectWs(second.url);
  sockets.push(onFirst, onSecond);
  const a = subscribe<PaymentEvent>(onFirst, query, { a: account.id });
  const b = subscribe<PaymentEvent>(onSecond, query, { a: account.id });
  const c = subscribe<PaymentEvent>(onSecond, query, { a: account.id });
  await waitForSubscribers({ origin: first.origin, headers: DEMO_READYZ_HEADERS }, 1, a);
  await waitForSubscribers({ origin: secondOrigin, headers: DEMO_READYZ_HEADERS }, 2, b);

  const intent = paymentIntent(customer);
  const payload = stripeEvent(intent);
  const toFirst = await postStripe(first.origin, payload, stripeSignature(payload));
  expect(toFirst.body).toMatchObject({ published: 1, duplicates: 0 });
  // Stripe's retry of the same event lands on the other instance.
  const toSecond = await postStripe(secondOrigin, payload, stripeSignature(payload));
  expect(toSecond).toMatchObject({ status: 200, body: { published: 0, duplicates: 1 } });

  const next = paymentIntent(customer);
  const nextPayload = stripeEvent(next);
  const viaSecond = await postStripe(secondOrigin, nextPayload, stripeSignature(nextPayload));
  expect(viaSecond.body).toMatchObject({ published: 1 });

  const expected = [`stripe-payment:${String(intent.id)}`, `stripe-payment:${String(next.id)}`];
  for (const received of [a, b, c]) {
    const events = await received.take(2);
    expect(events.map((e) => e.paymentReceived.id)).toEqual(expected);
    expect(events[0]?.paymentReceived.account).toEqual({ id: account.id });
  }
  // The claim lives in Redis under the namespace, with a TTL.
  const claims = await redis.keys(`${NAMESPACE}:webhooks:seen:*`);
  expect(claims).toHaveLength(2);
  expect(await redis.pttl(claims[0] ?? '')).toBeGreaterThan(0);
});
