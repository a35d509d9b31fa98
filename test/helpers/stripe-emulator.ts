/**
 * Starts a Stripe emulator for one test file (127.0.0.1:0, stopped through `leftovers`) and
 * hands out unmodified stripe-node clients pointed at it, plus the `/__emulator/` admin API
 * over plain fetch.
 */
import Stripe from 'stripe';
import {
  DEMO_STRIPE_API_KEY,
  startStripeEmulator,
  type RunningStripeEmulator,
  type StripeEmulatorOptions,
  type StripeEmulatorStats,
} from '../../src/emulators/stripe';
import { SEED_BASE_DATE } from '../../src/emulators/seed';
import { leftovers } from './leftovers';

export interface StripeFaults {
  latencyMs?: number;
  serverUnavailable?: number;
  rateLimited?: number;
  offline?: number;
}

export interface StripeTarget {
  emulator: RunningStripeEmulator;
  /** A client with the demo key; retries off unless asked, so each call is one request. */
  client(config?: Partial<Stripe.StripeConfig>, apiKey?: string): Stripe;
  admin: {
    stats(): Promise<StripeEmulatorStats>;
    resetStats(): Promise<void>;
    reset(): Promise<void>;
    faults(faults: StripeFaults): Promise<Response>;
    post(path: string, body?: unknown): Promise<Response>;
  };
}

/** Seeded as of the fixed SEED_BASE_DATE, so two runs see the same data. */
export async function startStripeTarget(
  options: StripeEmulatorOptions = {},
): Promise<StripeTarget> {
  const emulator = await startStripeEmulator({ seedBaseDate: SEED_BASE_DATE, ...options });
  leftovers.push(() => emulator.stop());
  const post = (path: string, body?: unknown): Promise<Response> =>
    fetch(`${emulator.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const expectOk = async (response: Promise<Response>): Promise<void> => {
    const res = await response;
    if (!res.ok) throw new Error(`admin call failed: ${res.status} ${await res.text()}`);
  };
  return {
    emulator,
    client: (config = {}, apiKey = DEMO_STRIPE_API_KEY) =>
      new Stripe(apiKey, {
        host: '127.0.0.1',
        port: emulator.port,
        protocol: 'http',
        maxNetworkRetries: 0,
        telemetry: false,
        ...config,
      }),
    admin: {
      stats: async () =>
        (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as StripeEmulatorStats,
      resetStats: () => expectOk(post('/__emulator/stats/reset')),
      reset: () => expectOk(post('/__emulator/reset')),
      faults: (faults) => post('/__emulator/faults', faults),
      post,
    },
  };
}

/**
 * stripe-node backs off 0.5 s, then 1 s, between retries and exposes no option for it; tests
 * that let it retry shorten the wait (the requests on the wire are unchanged).
 */
export function withShortRetryDelays(client: Stripe): Stripe {
  const delays = client as unknown as {
    getInitialNetworkRetryDelay: () => number;
    getMaxNetworkRetryDelay: () => number;
  };
  delays.getInitialNetworkRetryDelay = () => 0.01;
  delays.getMaxNetworkRetryDelay = () => 0.02;
  return client;
}

/** The rejection of a stripe-node call, as its error class. */
export async function stripeFailure(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the Stripe call to fail');
}

export interface StripeContractFile {
  target: StripeTarget;
  /** `target.client()`: the demo key, retries off. */
  stripe: Stripe;
}

/**
 * The set-up most contract files share: one seeded emulator and client for the file (filled
 * in by `beforeAll`), and the emulator reset after each test.
 */
export function useStripeContractFile(): StripeContractFile {
  const file = {} as StripeContractFile;
  beforeAll(async () => {
    file.target = await startStripeTarget();
    file.stripe = file.target.client();
  });
  afterEach(() => file.target.admin.reset());
  return file;
}
