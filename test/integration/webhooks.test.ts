/**
 * The webhook receivers over real HTTP and the three subscriptions over graphql-ws: signed
 * deliveries (Stripe's own signing helper, node:crypto for Zendesk and QuickBooks) reach the
 * subscribers of their Account; bad, missing or stale signatures get 400 and publish nothing;
 * a duplicate gets 200 and is dropped; an oversized body gets 413.
 */
import type { Connection } from 'jsforce';
import Stripe from 'stripe';
import { DEFAULT_WEBHOOK_MAX_BODY_BYTES } from '../../src/config';
import { DEMO_STRIPE_API_KEY } from '../../src/emulators/stripe';
import { createServer } from '../../src/server/create-server';
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
import { waitFor } from '../helpers/wait-for';
import {
  paymentIntent,
  postQuickBooks,
  postStripe,
  postZendesk,
  quickBooksInvoiceEvent,
  quickBooksSignature,
  stripeEvent,
  stripeSignature,
  uniqueSuffix,
  zendeskHeaders,
  zendeskTicketEvent,
} from '../helpers/webhooks';

interface PaymentEvent {
  paymentReceived: {
    id: string;
    status: string;
    amount: { amount: number; currency: string };
    stripeCustomerId: string;
    account: { id: string; name: string } | null;
  };
}
const PAYMENTS = `subscription ($accountId: ID) {
  paymentReceived(accountId: $accountId) {
    id status amount { amount currency } stripeCustomerId account { id name }
  }
}`;

interface TicketEvent {
  ticketChanged: { id: string; number: number; status: string; account: { id: string } | null };
}
const TICKETS = `subscription ($accountId: ID) {
  ticketChanged(accountId: $accountId) { id number status account { id } }
}`;

interface InvoiceEvent {
  invoiceChanged: { id: string; quickBooksId: string; account: { id: string } | null };
}
const INVOICES = `subscription ($accountId: ID) {
  invoiceChanged(accountId: $accountId) { id quickBooksId account { id } }
}`;

let gw: TestGateway;
let ws: TestWsClient;
let admin: Connection;
let subscribers = 0;

beforeAll(async () => {
  gw = await startTestGateway({ linked: {} });
  ws = connectWs(gw.url);
  admin = await connectToEmulator(gw.emulatorUrl, 'admin');
});

afterAll(async () => {
  await ws.dispose();
});

/** Waits until this file's subscriptions so far are live on the gateway. */
async function live(added: number): Promise<void> {
  subscribers += added;
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, subscribers);
}

/** Ends subscriptions and waits until the gateway counts them gone, so the next count is exact. */
async function finish(...streams: Array<{ unsubscribe(): void }>): Promise<void> {
  for (const stream of streams) stream.unsubscribe();
  await live(-streams.length);
}

/** A new Account holding a Stripe customer id in its link field. */
async function stripeLinkedAccount(name: string): Promise<{ id: string; customer: string }> {
  const customer = `cus_wh${uniqueSuffix()}`;
  const created = await admin
    .sobject('Account')
    .create({ Name: name, Stripe_Customer_Id__c: customer });
  if (!created.success) throw new Error(`account not created: ${JSON.stringify(created)}`);
  return { id: created.id, customer };
}

async function deliverPayment(customer: string, amount = 4200): Promise<string> {
  const intent = paymentIntent(customer, { amount, amount_received: amount });
  const payload = stripeEvent(intent);
  const delivery = await postStripe(gw.origin, payload, stripeSignature(payload));
  expect(delivery).toEqual({
    status: 200,
    body: { received: true, events: 1, published: 1, duplicates: 0 },
  });
  return `stripe-payment:${String(intent.id)}`;
}

describe('Stripe → paymentReceived', () => {
  it('delivers a signed payment_intent.succeeded to the subscribers of its Account only', async () => {
    const a = await stripeLinkedAccount('Webhook Payments A');
    const b = await stripeLinkedAccount('Webhook Payments B');
    const onlyA = subscribe<PaymentEvent>(ws, PAYMENTS, { accountId: a.id });
    const every = subscribe<PaymentEvent>(ws, PAYMENTS);
    await live(2);

    const forB = await deliverPayment(b.customer, 1000);
    const forA = await deliverPayment(a.customer, 4200);

    const all = await every.take(2);
    expect(all.map((e) => e.paymentReceived.id)).toEqual([forB, forA]);
    // The first event the filtered subscription got is A's: B's was filtered out.
    const [first] = await onlyA.take(1);
    expect(first?.paymentReceived).toEqual({
      id: forA,
      status: 'SUCCEEDED',
      amount: { amount: 42, currency: 'USD' },
      stripeCustomerId: a.customer,
      account: { id: a.id, name: 'Webhook Payments A' },
    });
    await finish(onlyA, every);
  });

  it('answers a bad, missing or stale signature with 400 and publishes nothing', async () => {
    const a = await stripeLinkedAccount('Webhook Signatures');
    const received = subscribe<PaymentEvent>(ws, PAYMENTS, { accountId: a.id });
    await live(1);

    const payload = stripeEvent(paymentIntent(a.customer));
    const tampered = payload.replace('"amount":4200', '"amount":999999');
    expect(tampered).not.toEqual(payload);
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      ['tampered body', () => postStripe(gw.origin, tampered, stripeSignature(payload))],
      ['no signature', () => postStripe(gw.origin, payload)],
      ['garbage signature', () => postStripe(gw.origin, payload, 't=1,v1=abc')],
      [
        'another secret',
        () => postStripe(gw.origin, payload, stripeSignature(payload, { secret: 'whsec_other' })),
      ],
      [
        'stale (301 s old)',
        () => postStripe(gw.origin, payload, stripeSignature(payload, { timestamp: now - 301 })),
      ],
      ['signed, not an event', () => postStripe(gw.origin, '{"x":1', stripeSignature('{"x":1'))],
    ] as const;
    for (const [what, attempt] of attempts) {
      const delivery = await attempt();
      expect([what, delivery.status]).toEqual([what, 400]);
      expect(JSON.stringify(delivery.body)).not.toContain('whsec_');
    }
    // A signature 299 s old is inside Stripe's tolerance.
    const recent = stripeEvent(paymentIntent(a.customer));
    const accepted = await postStripe(
      gw.origin,
      recent,
      stripeSignature(recent, { timestamp: now - 299 }),
    );
    expect(accepted.status).toBe(200);
    const marker = await deliverPayment(a.customer);
    const events = await received.take(2);
    // Nothing of the refused deliveries came through: the first two events are the good ones.
    expect(events[1]?.paymentReceived.id).toBe(marker);
    expect(events.map((e) => e.paymentReceived.amount.amount)).toEqual([42, 42]);
    await finish(received);
  });

  it('acknowledges a redelivered event with 200 and publishes it once', async () => {
    const a = await stripeLinkedAccount('Webhook Duplicates');
    const received = subscribe<PaymentEvent>(ws, PAYMENTS, { accountId: a.id });
    await live(1);

    const intent = paymentIntent(a.customer);
    const payload = stripeEvent(intent);
    // Stripe signs each attempt anew; the event id stays the same.
    const first = await postStripe(gw.origin, payload, stripeSignature(payload));
    const again = await postStripe(gw.origin, payload, stripeSignature(payload));
    expect(first.body).toMatchObject({ published: 1, duplicates: 0 });
    expect(again).toEqual({
      status: 200,
      body: { received: true, events: 1, published: 0, duplicates: 1 },
    });
    const marker = await deliverPayment(a.customer);
    const events = await received.take(2);
    expect(events.map((e) => e.paymentReceived.id)).toEqual([
      `stripe-payment:${String(intent.id)}`,
      marker,
    ]);
    await finish(received);
  });

  it('acknowledges other event types without publishing', async () => {
    const payload = stripeEvent({ id: 'cus_x', object: 'customer' }, 'customer.updated');
    const delivery = await postStripe(gw.origin, payload, stripeSignature(payload));
    expect(delivery).toEqual({
      status: 200,
      body: { received: true, events: 1, published: 0, duplicates: 0 },
    });
  });

  it('refuses a body over WEBHOOK_MAX_BODY_BYTES with 413, and a GET with 405', async () => {
    const big = stripeEvent(
      paymentIntent('cus_big', { description: 'x'.repeat(DEFAULT_WEBHOOK_MAX_BODY_BYTES) }),
    );
    const delivery = await postStripe(gw.origin, big, stripeSignature(big));
    expect(delivery.status).toBe(413);
    const get = await fetch(`${gw.origin}/webhooks/stripe`);
    expect(get.status).toBe(405);
  });

  it('a payment the webhook announces shows in the next query (no cross-request linked cache)', async () => {
    const page = await gw.graphql<{
      accounts: {
        nodes: Array<{ id: string; payments: { nodes: Array<{ stripeCustomerId: string }> } }>;
      };
    }>(
      '{ accounts(first: 50) { nodes { id payments(first: 1) { nodes { stripeCustomerId } } } } }',
    );
    const account = page.data?.accounts.nodes.find((n) => n.payments.nodes.length > 0);
    const customer = account?.payments.nodes[0]?.stripeCustomerId;
    if (!account || !customer) throw new Error('the seed has an account with payments');
    const paymentsOf = `query ($id: ID!) { node(id: $id) { ... on Account { payments(first: 100) { nodes { id } } } } }`;
    type Payments = { node: { payments: { nodes: Array<{ id: string }> } } };
    const before = await gw.graphql<Payments>(paymentsOf, { id: account.id });
    const received = subscribe<PaymentEvent>(ws, PAYMENTS, { accountId: account.id });
    await live(1);

    const emulator = gw.linked?.emulators.find((e) => e.service === 'stripe');
    const stripe = new Stripe(DEMO_STRIPE_API_KEY, {
      host: '127.0.0.1',
      port: Number(new URL(emulator?.url ?? '').port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const intent = await stripe.paymentIntents.create({
      amount: 7300,
      currency: 'usd',
      customer,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const payload = stripeEvent(intent as unknown as Record<string, unknown>);
    expect((await postStripe(gw.origin, payload, stripeSignature(payload))).status).toBe(200);
    const [event] = await received.take(1);
    expect(event?.paymentReceived.id).toBe(`stripe-payment:${intent.id}`);

    const after = await gw.graphql<Payments>(paymentsOf, { id: account.id });
    const ids = after.data?.node.payments.nodes.map((p) => p.id) ?? [];
    expect(ids).toContain(`stripe-payment:${intent.id}`);
    expect(ids).toHaveLength((before.data?.node.payments.nodes.length ?? 0) + 1);
    await finish(received);
  });
});

describe('Zendesk → ticketChanged', () => {
  it('delivers a signed ticket event (the ticket read from Zendesk) and refuses bad or stale signatures', async () => {
    const page = await gw.graphql<{
      accounts: {
        nodes: Array<{ id: string; tickets: { nodes: Array<{ number: number; status: string }> } }>;
      };
    }>('{ accounts(first: 50) { nodes { id tickets(first: 1) { nodes { number status } } } } }');
    const account = page.data?.accounts.nodes.find((n) => n.tickets.nodes.length > 0);
    const ticket = account?.tickets.nodes[0];
    if (!account || !ticket) throw new Error('the seed has an account with tickets');
    const received = subscribe<TicketEvent>(ws, TICKETS, { accountId: account.id });
    await live(1);

    const payload = zendeskTicketEvent(ticket.number);
    const stale = new Date(Date.now() - 301_000).toISOString();
    const refused = [
      await postZendesk(gw.origin, payload, {}),
      await postZendesk(gw.origin, payload, zendeskHeaders(payload, { secret: 'not-the-secret' })),
      await postZendesk(gw.origin, payload.replace('OPEN', 'SOLVED'), zendeskHeaders(payload)),
      await postZendesk(gw.origin, payload, zendeskHeaders(payload, { timestamp: stale })),
    ];
    expect(refused.map((d) => d.status)).toEqual([400, 400, 400, 400]);

    const delivered = await postZendesk(gw.origin, payload, zendeskHeaders(payload));
    expect(delivered.body).toMatchObject({ published: 1, duplicates: 0 });
    const again = await postZendesk(gw.origin, payload, zendeskHeaders(payload));
    expect(again).toMatchObject({ status: 200, body: { published: 0, duplicates: 1 } });
    const marker = zendeskTicketEvent(ticket.number, 'zen:event-type:ticket.priority_changed');
    expect((await postZendesk(gw.origin, marker, zendeskHeaders(marker))).status).toBe(200);

    const events = await received.take(2);
    for (const event of events) {
      expect(event.ticketChanged).toEqual({
        id: `zendesk-ticket:${ticket.number}`,
        number: ticket.number,
        status: ticket.status,
        account: { id: account.id },
      });
    }
    await finish(received);
  });
});

describe('QuickBooks → invoiceChanged', () => {
  it('delivers a signed Invoice change (the invoice read through the QuickBooks upstream) and refuses a bad signature', async () => {
    const page = await gw.graphql<{
      accounts: {
        nodes: Array<{
          id: string;
          invoices: { nodes: Array<{ id: string; quickBooksId: string }> };
        }>;
      };
    }>('{ accounts(first: 50) { nodes { id invoices(first: 1) { nodes { id quickBooksId } } } } }');
    const account = page.data?.accounts.nodes.find((n) => n.invoices.nodes.length > 0);
    const invoice = account?.invoices.nodes[0];
    if (!account || !invoice) throw new Error('the seed has an account with invoices');
    const realmId = invoice.id.split(':')[1] ?? '';
    const received = subscribe<InvoiceEvent>(ws, INVOICES, { accountId: account.id });
    await live(1);

    const payload = quickBooksInvoiceEvent(realmId, invoice.quickBooksId);
    expect((await postQuickBooks(gw.origin, payload)).status).toBe(400);
    expect(
      (await postQuickBooks(gw.origin, payload, quickBooksSignature(payload, 'wrong-token')))
        .status,
    ).toBe(400);
    const delivered = await postQuickBooks(gw.origin, payload, quickBooksSignature(payload));
    expect(delivered).toMatchObject({ status: 200, body: { published: 1, duplicates: 0 } });
    const again = await postQuickBooks(gw.origin, payload, quickBooksSignature(payload));
    expect(again).toMatchObject({ status: 200, body: { published: 0, duplicates: 1 } });
    // Another company's invoice is acknowledged and dropped.
    const foreign = quickBooksInvoiceEvent('999999', invoice.quickBooksId);
    expect(
      (await postQuickBooks(gw.origin, foreign, quickBooksSignature(foreign))).body,
    ).toMatchObject({ published: 0 });
    const marker = quickBooksInvoiceEvent(realmId, invoice.quickBooksId, 'Emailed');
    expect((await postQuickBooks(gw.origin, marker, quickBooksSignature(marker))).status).toBe(200);

    const events = await received.take(2);
    for (const event of events) {
      expect(event.invoiceChanged).toEqual({
        id: invoice.id,
        quickBooksId: invoice.quickBooksId,
        account: { id: account.id },
      });
    }
    await finish(received);
  });
});

describe('a receiver that cannot take deliveries', () => {
  it('is not mounted without its secret (404), and answers 503 while live changes are off', async () => {
    const withoutStripe = await createServer(
      { ...gw.config, webhooks: { ...gw.config.webhooks, stripeSecret: undefined } },
      { subscriptions: { enabled: false } },
    );
    leftovers.push(() => withoutStripe.stop());
    const origin = new URL(withoutStripe.url).origin;
    const payload = stripeEvent(paymentIntent('cus_x'));
    const stripe = await postStripe(origin, payload, stripeSignature(payload));
    expect(stripe.status).toBe(404);
    // Zendesk still has its secret, but nothing could be published: the sender retries later.
    const event = zendeskTicketEvent(1);
    const zendesk = await postZendesk(origin, event, zendeskHeaders(event));
    expect(zendesk.status).toBe(503);
    // The signature is still checked first.
    expect((await postZendesk(origin, event, {})).status).toBe(400);
  });
});

describe('partial answers', () => {
  it('delivers the event when a nested linked field fails, with the error on its path, and the next one clean', async () => {
    const a = await stripeLinkedAccount('Webhook Partial');
    const received = subscribe<{
      paymentReceived: { id: string; account: { customer360: { unavailableServices: string[] } } };
    }>(
      ws,
      `subscription ($a: ID) { paymentReceived(accountId: $a) { id account { customer360 { unavailableServices } } } }`,
      { a: a.id },
    );
    await live(1);
    const stripeAdmin = (
      gw.linked?.emulators.find((e) => e.service === 'stripe')?.adminUrl ?? ''
    ).replace(/\/stats$/, '');
    const faults = await fetch(`${stripeAdmin}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serverUnavailable: 1000 }),
    });
    expect(faults.ok).toBe(true);
    // The receiver needs only Salesforce here (the customer is in the Account's link field).
    const failed = await deliverPayment(a.customer);
    await waitFor(() => received.errors.length > 0 && received.data.length >= 1, 10_000);
    expect(received.data[0]?.paymentReceived).toEqual({
      id: failed,
      account: { customer360: { unavailableServices: ['STRIPE'] } },
    });
    expect(received.errors).toEqual([
      expect.objectContaining({
        path: ['paymentReceived', 'account', 'customer360'],
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', service: 'stripe' }),
      }),
    ]);
    await fetch(`${stripeAdmin}/reset`, { method: 'POST' });
    received.errors.length = 0;
    await received.take(1);
    const recovered = await deliverPayment(a.customer);
    const [next] = await received.take(1);
    expect(next?.paymentReceived).toEqual({
      id: recovered,
      account: { customer360: { unavailableServices: [] } },
    });
    expect(received.errors).toEqual([]);
    await finish(received);
  });
});

describe('slow consumers', () => {
  it('closes a webhook subscriber that falls behind with 4008, as CDC subscribers', async () => {
    const small = await createServer(gw.config, { subscriptions: { maxQueue: 4 } });
    leftovers.push(() => small.stop());
    const origin = new URL(small.url).origin;
    const accounts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => stripeLinkedAccount(`Webhook Burst ${i}`)),
    );
    const slow = connectWs(small.url);
    leftovers.push(() => slow.dispose());
    const received = subscribe<PaymentEvent>(slow, PAYMENTS);
    await waitForSubscribers({ origin, headers: DEMO_READYZ_HEADERS }, 1, received);
    // Each access check (one per Account) now takes 300 ms while 12 payments arrive at once.
    await fetch(`${gw.emulatorUrl}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 300 }),
    });
    try {
      await Promise.all(
        accounts.map(async ({ customer }) => {
          const payload = stripeEvent(paymentIntent(customer));
          expect((await postStripe(origin, payload, stripeSignature(payload))).status).toBe(200);
        }),
      );
      expect(await slow.closed).toEqual({ code: 4008, reason: 'Slow consumer' });
    } finally {
      await fetch(`${gw.emulatorUrl}/__emulator/faults`, {
        method: 'POST',
        body: JSON.stringify({ latencyMs: 0 }),
      });
    }
    await waitForSubscribers({ origin, headers: DEMO_READYZ_HEADERS }, 0);
  });
});

describe('a delivery that cannot be handled now', () => {
  it('answers 503, publishes nothing and releases its claim, so the retry is processed', async () => {
    // No link field: the Account is found through the customer's metadata, read from Stripe.
    const created = await admin.sobject('Account').create({ Name: 'Webhook Metadata Link' });
    if (!created.success) throw new Error('account not created');
    const emulator = gw.linked?.emulators.find((e) => e.service === 'stripe');
    const origin = (emulator?.adminUrl ?? '').replace(/\/__emulator\/stats$/, '');
    const stripe = new Stripe(DEMO_STRIPE_API_KEY, {
      host: '127.0.0.1',
      port: Number(new URL(origin).port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const customer = await stripe.customers.create({
      name: 'Metadata Linked',
      metadata: { salesforce_account_id: created.id },
    });
    const received = subscribe<PaymentEvent>(ws, PAYMENTS, { accountId: created.id });
    await live(1);

    const intent = paymentIntent(customer.id);
    const payload = stripeEvent(intent);
    const faults = await fetch(`${origin}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serverUnavailable: 1000 }),
    });
    expect(faults.ok).toBe(true);
    try {
      const failed = await postStripe(gw.origin, payload, stripeSignature(payload));
      expect(failed.status).toBe(503);
    } finally {
      await fetch(`${origin}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serverUnavailable: 0 }),
      });
    }
    // Stripe retries the same event: not a duplicate, since the failed attempt gave it back.
    const retried = await postStripe(gw.origin, payload, stripeSignature(payload));
    expect(retried).toEqual({
      status: 200,
      body: { received: true, events: 1, published: 1, duplicates: 0 },
    });
    const [event] = await received.take(1);
    expect(event?.paymentReceived).toMatchObject({
      id: `stripe-payment:${String(intent.id)}`,
      account: { id: created.id },
    });
    await finish(received);
  });
});

describe('metrics', () => {
  it('counts webhook events by service and outcome (gateway_webhook_events_total)', async () => {
    const token = 'webhook-metrics-token-0123456789';
    const metered = await createServer({
      ...gw.config,
      metrics: { ...gw.config.metrics, token },
    });
    leftovers.push(() => metered.stop());
    const origin = new URL(metered.url).origin;
    const a = await stripeLinkedAccount('Webhook Metrics');
    const payload = stripeEvent(paymentIntent(a.customer));
    const signature = stripeSignature(payload);
    expect((await postStripe(origin, payload, signature)).status).toBe(200);
    expect((await postStripe(origin, payload, signature)).status).toBe(200);
    expect((await postStripe(origin, payload)).status).toBe(400);
    const other = stripeEvent({ id: 'cus_y', object: 'customer' }, 'customer.created');
    expect((await postStripe(origin, other, stripeSignature(other))).status).toBe(200);
    const big = 'x'.repeat(DEFAULT_WEBHOOK_MAX_BODY_BYTES + 1);
    expect((await postStripe(origin, big, stripeSignature(big))).status).toBe(413);

    const scrape = await fetch(`${origin}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await scrape.text();
    const count = (outcome: string): string | undefined =>
      new RegExp(
        `^gateway_webhook_events_total\\{service="stripe",outcome="${outcome}"\\} (\\d+)$`,
        'm',
      ).exec(text)?.[1];
    expect(
      ['published', 'duplicate', 'rejected', 'ignored', 'too_large'].map((o) => [o, count(o)]),
    ).toEqual([
      ['published', '1'],
      ['duplicate', '1'],
      ['rejected', '1'],
      ['ignored', '1'],
      ['too_large', '1'],
    ]);
  });
});
