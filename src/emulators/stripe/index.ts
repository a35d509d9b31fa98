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

export { DEMO_STRIPE_API_KEY, type StripeEmulatorOptions } from './emulator-options';
export type { FaultSettings, StripeEmulatorStats } from './http/call-stats';
export { SALESFORCE_ACCOUNT_ID_KEY, generateStripeSeed } from './seed';

export interface RunningStripeEmulator {
  /** `http://127.0.0.1:PORT`; stripe-node takes `host`, `port` and `protocol: 'http'`. */
  url: string;
  host: string;
  port: number;
  store: StripeStore;
  stats(): StripeEmulatorStats;
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
  const ctx: StripeEmulatorContext = {
    store,
    stats: new CallStats(resolved.latencyMs),
    idempotency: new IdempotencyStore(),
    outage: new Outage(),
    apiKeys: new Set(resolved.apiKeys),
    apiVersion: EMULATED_API_VERSION,
    retryAfterSeconds: resolved.retryAfterSeconds,
    nextRequestId: () => `req_${requestIds.alphanumeric(14)}`,
  };
  const server = createServer(createRequestListener(ctx));
  const { url, port } = await startHttpServer(server, resolved.port, resolved.host);
  return {
    url,
    host: resolved.host,
    port,
    store,
    stats: () => ctx.stats.stats(),
    stop: () => stopHttpServer(server),
  };
}
