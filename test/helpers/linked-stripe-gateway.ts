/**
 * The gateway with its linked emulators (startTestGateway({ linked })), plus an unmodified
 * stripe-node client and the admin API of its Stripe emulator: what the linked-stripe
 * integration tests read the expected answers and the call counts from.
 */
import Stripe from 'stripe';
import { DEMO_STRIPE_API_KEY, type StripeEmulatorStats } from '../../src/emulators/stripe';
import type { DemoLinkedOverrides } from '../../src/server/demo-linked-services';
import { startTestGateway, type TestGateway } from './gateway';
import type { StripeFaults } from './stripe-emulator';

export interface StripeGateway {
  gw: TestGateway;
  /** Retries off: each SDK call is one request. */
  stripe: Stripe;
  stats(): Promise<StripeEmulatorStats>;
  resetStats(): Promise<void>;
  /** Data, counters and faults back to the seed. */
  reset(): Promise<void>;
  faults(faults: StripeFaults): Promise<void>;
}

export async function startStripeGateway(
  options: { env?: Record<string, string>; stripe?: DemoLinkedOverrides['stripe'] } = {},
): Promise<StripeGateway> {
  const gw = await startTestGateway({
    linked: options.stripe ? { stripe: options.stripe } : {},
    ...(options.env ? { env: options.env } : {}),
  });
  const emulator = gw.linked?.emulators.find((e) => e.service === 'stripe');
  if (!emulator) throw new Error('the Stripe emulator did not start');
  const origin = new URL(emulator.adminUrl).origin;
  const admin = async (path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${origin}/__emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`Stripe admin ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  const url = new URL(emulator.url);
  return {
    gw,
    stripe: new Stripe(DEMO_STRIPE_API_KEY, {
      host: url.hostname,
      port: Number(url.port),
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    }),
    stats: async () => (await (await fetch(emulator.adminUrl)).json()) as StripeEmulatorStats,
    resetStats: async () => {
      await admin('stats/reset');
    },
    reset: async () => {
      await admin('reset');
    },
    faults: async (faults) => {
      await admin('faults', faults);
    },
  };
}

/** Every PaymentIntent of one customer, newest first, with its latest charge (SDK list, not search). */
export async function customerPayments(
  stripe: Stripe,
  customer: string,
): Promise<Stripe.PaymentIntent[]> {
  const all: Stripe.PaymentIntent[] = [];
  for await (const intent of stripe.paymentIntents.list({
    customer,
    limit: 100,
    expand: ['data.latest_charge'],
  })) {
    all.push(intent);
  }
  return all;
}

/** The documented mapping, written out again here so the test does not borrow the code's. */
export function expectedStatus(intent: Stripe.PaymentIntent): string {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  switch (intent.status) {
    case 'succeeded':
      return charge?.refunded ? 'REFUNDED' : 'SUCCEEDED';
    case 'processing':
    case 'requires_capture':
      return 'PROCESSING';
    case 'requires_action':
    case 'requires_confirmation':
      return 'REQUIRES_ACTION';
    case 'requires_payment_method':
      return intent.last_payment_error ? 'FAILED' : 'REQUIRES_PAYMENT_METHOD';
    case 'canceled':
      return 'CANCELED';
    default:
      throw new Error(`unexpected status ${intent.status}`);
  }
}

/** Newest first, then id descending: the order of every linked connection. */
export function newestFirst(a: Stripe.PaymentIntent, b: Stripe.PaymentIntent): number {
  return b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
