/**
 * AUTH_MODE=user: a webhook is authenticated by its signature only (no session, cookie or
 * API key is asked for, and a stray one changes nothing), and each subscriber receives only
 * the events of Accounts it can see in Salesforce, checked as itself.
 */
import type { Connection } from 'jsforce';
import { DEMO_USERS } from '../../src/emulators/seed/salesforce-users';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { connectToEmulator } from '../helpers/salesforce-target';
import {
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

interface PaymentEvent {
  paymentReceived: { id: string; account: { id: string } | null };
}
const PAYMENTS = `subscription { paymentReceived { id account { id } } }`;

let gw: TestGateway;
let admin: Connection;
let adminToken: string;
const sockets: TestWsClient[] = [];

function ownerId(username: string): string {
  const user = DEMO_USERS.find((u) => u.Username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.Id;
}

beforeAll(async () => {
  gw = await startTestGateway({ env: { AUTH_MODE: 'user' }, linked: {} });
  admin = await connectToEmulator(gw.emulatorUrl, 'admin');
  adminToken = await gatewaySessionToken(gw.origin, 'admin@atom-demo.org', 'demo-admin-pass');
});

afterAll(async () => {
  for (const ws of sockets) await ws.dispose();
});

async function ownedAccount(owner: string): Promise<{ id: string; customer: string }> {
  const customer = `cus_um${uniqueSuffix()}`;
  const created = await admin.sobject('Account').create({
    Name: `Webhook ${owner}`,
    OwnerId: ownerId(owner),
    Stripe_Customer_Id__c: customer,
  });
  if (!created.success) throw new Error('account not created');
  return { id: created.id, customer };
}

/** Delivered like Stripe does: no session, with whatever headers a client might add. */
async function deliver(customer: string, headers: Record<string, string> = {}): Promise<string> {
  const intent = paymentIntent(customer);
  const payload = stripeEvent(intent);
  const response = await fetch(`${gw.origin}/webhooks/stripe`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': stripeSignature(payload),
      ...headers,
    },
    body: payload,
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ published: 1 });
  return `stripe-payment:${String(intent.id)}`;
}

it('accepts signed webhooks without any session and ignores stray credentials', async () => {
  const mine = await ownedAccount('rep1@atom-demo.org');
  await deliver(mine.customer);
  await deliver(mine.customer, {
    cookie: 'atom_session=forged',
    authorization: 'Bearer forged',
    'x-api-key': 'forged',
    origin: 'https://evil.example',
  });
  // And a session does not make an unsigned one acceptable.
  const payload = stripeEvent(paymentIntent(mine.customer));
  const unsigned = await fetch(`${gw.origin}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: payload,
  });
  expect(unsigned.status).toBe(400);
  expect((await postStripe(gw.origin, payload, 't=1,v1=00')).status).toBe(400);
});

it('delivers each payment only to the reps who can see its Account', async () => {
  const rep1Account = await ownedAccount('rep1@atom-demo.org');
  const rep2Account = await ownedAccount('rep2@atom-demo.org');
  const rep1Token = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
  const rep2Token = await gatewaySessionToken(gw.origin, 'rep2@atom-demo.org', 'demo-rep-pass');
  const rep1 = connectWs(gw.url, { connectionParams: { Authorization: `Bearer ${rep1Token}` } });
  const rep2 = connectWs(gw.url, { connectionParams: { Authorization: `Bearer ${rep2Token}` } });
  sockets.push(rep1, rep2);
  const rep1Sees = subscribe<PaymentEvent>(rep1, PAYMENTS);
  const rep2Sees = subscribe<PaymentEvent>(rep2, PAYMENTS);
  // A rep cannot subscribe to an Account it cannot see and get its events either.
  const rep1Peeks = subscribe<PaymentEvent>(
    rep1,
    `subscription ($a: ID) { paymentReceived(accountId: $a) { id } }`,
    { a: rep2Account.id },
  );
  await waitForSubscribers(
    { origin: gw.origin, headers: { authorization: `Bearer ${adminToken}` } },
    3,
    rep1Sees,
  );

  const forRep2 = await deliver(rep2Account.customer);
  const forRep1 = await deliver(rep1Account.customer);
  const forRep2Again = await deliver(rep2Account.customer);

  const [rep1First] = await rep1Sees.take(1);
  expect(rep1First?.paymentReceived).toEqual({ id: forRep1, account: { id: rep1Account.id } });
  const rep2Got = await rep2Sees.take(2);
  expect(rep2Got.map((e) => e.paymentReceived.id)).toEqual([forRep2, forRep2Again]);
  // Once rep2's later event has arrived, rep1's filtered stream had both of rep2's before it.
  const marker = await deliver(rep1Account.customer);
  const [rep1Next] = await rep1Sees.take(1);
  expect(rep1Next?.paymentReceived.id).toBe(marker);
  expect(rep1Peeks.data).toEqual([]);
  expect(rep1Peeks.errors).toEqual([]);
});
