/**
 * End to end, as the demo runs: each emulator posts its own signed webhooks to the gateway's
 * receiver (`sendWebhooksTo`, what `npm start` does once the gateway listens), and a change
 * made through the Stripe SDK or the emulators' `/__emulator/webhooks/trigger` reaches a
 * graphql-ws subscriber.
 */
import Stripe from 'stripe';
import { DEMO_STRIPE_API_KEY } from '../../src/emulators/stripe';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import {
  DEMO_READYZ_HEADERS,
  connectWs,
  subscribe,
  waitForSubscribers,
  type TestWsClient,
} from '../helpers/subscriptions-client';

let gw: TestGateway;
let ws: TestWsClient;

beforeAll(async () => {
  gw = await startTestGateway({ linked: {} });
  gw.linked?.sendWebhooksTo(gw.origin, gw.config.webhooks);
  ws = connectWs(gw.url);
});

afterAll(async () => {
  await ws.dispose();
});

function emulatorOrigin(service: 'stripe' | 'zendesk' | 'quickbooks'): string {
  const emulator = gw.linked?.emulators.find((e) => e.service === service);
  if (!emulator) throw new Error(`no ${service} emulator`);
  return emulator.adminUrl.replace(/\/__emulator\/stats$/, '');
}

async function trigger(
  service: 'zendesk' | 'quickbooks',
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulatorOrigin(service)}/__emulator/webhooks/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function deliveries(service: 'stripe' | 'zendesk' | 'quickbooks') {
  const response = await fetch(`${emulatorOrigin(service)}/__emulator/webhooks`);
  return (await response.json()) as { sent: number; failed: number; lastStatus: number | null };
}

interface Linked {
  accounts: {
    nodes: Array<{
      id: string;
      payments: { nodes: Array<{ stripeCustomerId: string }> };
      tickets: { nodes: Array<{ number: number; status: string }> };
      invoices: { nodes: Array<{ id: string; quickBooksId: string }> };
    }>;
  };
}

async function linkedAccounts(): Promise<Linked['accounts']['nodes']> {
  const page = await gw.graphql<Linked>(`{ accounts(first: 50) { nodes { id
    payments(first: 1) { nodes { stripeCustomerId } }
    tickets(first: 1, status: [NEW, OPEN, PENDING]) { nodes { number status } }
    invoices(first: 1) { nodes { id quickBooksId } } } } }`);
  expect(page.errors).toBeUndefined();
  return page.data?.accounts.nodes ?? [];
}

it('a PaymentIntent confirmed through the Stripe SDK reaches paymentReceived', async () => {
  const account = (await linkedAccounts()).find((a) => a.payments.nodes.length > 0);
  const customer = account?.payments.nodes[0]?.stripeCustomerId;
  if (!account || !customer) throw new Error('the seed has an account with payments');
  const received = subscribe<{ paymentReceived: { id: string; account: { id: string } } }>(
    ws,
    `subscription ($a: ID) { paymentReceived(accountId: $a) { id account { id } } }`,
    { a: account.id },
  );
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 1, received);

  const stripe = new Stripe(DEMO_STRIPE_API_KEY, {
    host: '127.0.0.1',
    port: Number(new URL(emulatorOrigin('stripe')).port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const intent = await stripe.paymentIntents.create({
    amount: 12_300,
    currency: 'usd',
    customer,
    payment_method: 'pm_card_visa',
    confirm: true,
  });
  const [event] = await received.take(1, 10_000);
  expect(event?.paymentReceived).toEqual({
    id: `stripe-payment:${intent.id}`,
    account: { id: account.id },
  });
  // payment_intent.created was delivered too, acknowledged and not published.
  expect(await deliveries('stripe')).toMatchObject({ failed: 0, lastStatus: 200 });
  received.unsubscribe();
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 0);
});

it('a ticket changed through the Zendesk trigger reaches ticketChanged', async () => {
  const account = (await linkedAccounts()).find((a) => a.tickets.nodes.length > 0);
  const ticket = account?.tickets.nodes[0];
  if (!account || !ticket) throw new Error('the seed has an account with an open ticket');
  const received = subscribe<{ ticketChanged: { number: number; status: string } }>(
    ws,
    `subscription ($a: ID) { ticketChanged(accountId: $a) { number status } }`,
    { a: account.id },
  );
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 1, received);

  await trigger('zendesk', { ticketId: ticket.number, status: 'solved' });
  const [event] = await received.take(1, 10_000);
  expect(event?.ticketChanged).toEqual({ number: ticket.number, status: 'SOLVED' });
  expect(await deliveries('zendesk')).toMatchObject({ failed: 0, lastStatus: 200 });
  received.unsubscribe();
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 0);
});

it('an invoice changed through the QuickBooks trigger reaches invoiceChanged', async () => {
  const account = (await linkedAccounts()).find((a) => a.invoices.nodes.length > 0);
  const invoice = account?.invoices.nodes[0];
  if (!account || !invoice) throw new Error('the seed has an account with invoices');
  const received = subscribe<{ invoiceChanged: { id: string; account: { id: string } } }>(
    ws,
    `subscription ($a: ID) { invoiceChanged(accountId: $a) { id account { id } } }`,
    { a: account.id },
  );
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 1, received);

  await trigger('quickbooks', { invoiceId: invoice.quickBooksId, operation: 'Update' });
  const [event] = await received.take(1, 10_000);
  expect(event?.invoiceChanged).toEqual({ id: invoice.id, account: { id: account.id } });
  expect(await deliveries('quickbooks')).toMatchObject({ failed: 0, lastStatus: 200 });
  received.unsubscribe();
  await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 0);
});
