import { createServer } from 'node:http';
import { startHttpServer, stopHttpServer } from '../http-kit/http-server';
import { DEFAULT_SEED, SeededRandom } from '../seed';
import {
  resolveStripeEmulatorOptions,
  EMULATED_API_VERSION,
  type StripeEmulatorOptions,
} from './emulator-options';
import { CallStats, type StripeEmulatorStats } from './http/call-stats';
import type { StripeEmulatorContext } from './http/emulator-context';
import { IdempotencyStore } from './http/idempotency-store';
import { Outage } from '../http-kit/outage';
import { createRequestListener } from './http/request-listener';
import { StripeStore } from './model/stripe-store';
import { generateStripeSeed } from './seed';
import { WebhookSender, type WebhookTarget } from '../http-kit/webhook-sender';
import { StripeEvents } from './webhooks/stripe-events';
import { signStripeWebhook } from './webhooks/stripe-signature';

export { DEMO_STRIPE_API_KEY, type StripeEmulatorOptions } from './emulator-options';
export type { FaultSettings, StripeEmulatorStats } from './http/call-stats';
export { SALESFORCE_ACCOUNT_ID_KEY, generateStripeSeed } from './seed';
export type { WebhookStatus, WebhookTarget } from '../http-kit/webhook-sender';
export { signStripeWebhook } from './webhooks/stripe-signature';

export interface RunningStripeEmulator {
  /** `http://127.0.0.1:PORT`; stripe-node takes `host`, `port` and `protocol: 'http'`. */
  url: string;
  host: string;
  port: number;
  store: StripeStore;
  stats(): StripeEmulatorStats;
  /** Sends events to `target` from now on (undefined: stops sending). */
  configureWebhooks(target: WebhookTarget | undefined): void;
  /** Outgoing webhooks: target, counts, `idle()` once every queued event is settled. */
  webhooks: WebhookSender;
  stop(): Promise<void>;
}

/** Starts the emulated Stripe API (customers, PaymentIntents, refunds) and `/__emulator/`. */
export async function startStripeEmulator(
  options: StripeEmulatorOptions = {},
): Promise<RunningStripeEmulator> {
  const resolved = resolveStripeEmulatorOptions(options);
  const seedValue = resolved.seed ?? DEFAULT_SEED;
  const data = generateStripeSeed({
    scale: resolved.scale,
    seed: resolved.seed,
    baseDate: resolved.seedBaseDate,
  });
  const store = new StripeStore(data, (seedValue ^ 0x1d5) >>> 0, resolved.clock);
  const requestIds = new SeededRandom(seedValue);
  const webhooks = new WebhookSender({
    sign: (rawBody, secret) => signStripeWebhook(rawBody, secret),
    userAgent: 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    // As the API's replies, Stripe's webhook bodies are indented JSON.
    serialize: (event) => JSON.stringify(event, null, 2),
  });
  webhooks.configure(resolved.webhooks);
  const ctx: StripeEmulatorContext = {
    store,
    stats: new CallStats(resolved.latencyMs),
    idempotency: new IdempotencyStore(),
    outage: new Outage(),
    apiKeys: new Set(resolved.apiKeys),
    apiVersion: EMULATED_API_VERSION,
    retryAfterSeconds: resolved.retryAfterSeconds,
    nextRequestId: () => `req_${requestIds.alphanumeric(14)}`,
    webhooks,
    events: new StripeEvents(webhooks, store, EMULATED_API_VERSION),
    triggerRandom: new SeededRandom((seedValue ^ 0x3e7) >>> 0),
  };
  const server = createServer(createRequestListener(ctx));
  const { url, port } = await startHttpServer(server, resolved.port, resolved.host);
  return {
    url,
    host: resolved.host,
    port,
    store,
    stats: () => ctx.stats.stats(),
    configureWebhooks: (target) => webhooks.configure(target),
    webhooks,
    stop: async () => {
      await webhooks.close();
      await stopHttpServer(server);
    },
  };
}
