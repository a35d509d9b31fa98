import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SEED, SeededRandom } from '../seed';
import {
  resolveStripeEmulatorOptions,
  EMULATED_API_VERSION,
  type StripeEmulatorOptions,
} from './emulator-options';
import { CallStats, type StripeEmulatorStats } from './http/call-stats';
import type { StripeEmulatorContext } from './http/emulator-context';
import { IdempotencyStore } from './http/idempotency-store';
import { Outage } from './http/outage';
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
  await listen(server, resolved.port, resolved.host);
  const { port } = server.address() as AddressInfo;
  const host = resolved.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    store,
    stats: () => ctx.stats.stats(),
    stop: () => close(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // stripe-node keeps sockets alive; without this `close` waits for their idle timeout.
    server.closeAllConnections();
  });
}
