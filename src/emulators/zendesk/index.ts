import { createServer } from 'node:http';
import { startHttpServer, stopHttpServer } from '../http-kit/http-server';
import { Outage } from '../http-kit/outage';
import type { ZendeskEmulatorContext } from './emulator-context';
import { resolveZendeskOptions, type ZendeskEmulatorOptions } from './emulator-options';
import { ApiTraffic, type ZendeskStats } from './http/api-traffic';
import { createZendeskListener } from './http/request-listener';
import { generateZendeskSeed } from './seed';
import { ZendeskStore } from './store/zendesk-store';
import { WebhookSender, type WebhookTarget } from '../http-kit/webhook-sender';
import { DEFAULT_SEED, SeededRandom } from '../seed';
import { ZendeskEvents } from './webhooks/zendesk-events';
import { zendeskWebhookSigner } from './webhooks/zendesk-signature';

export { DEMO_ZENDESK_ACCOUNT_ID, type ZendeskEmulatorOptions } from './emulator-options';
export type { WebhookStatus, WebhookTarget } from '../http-kit/webhook-sender';
export { signZendeskWebhook } from './webhooks/zendesk-signature';
export type { ZendeskFaults, ZendeskStats } from './http/api-traffic';
export type { Organization, Ticket, User, ZendeskData } from './model/types';
export {
  DEMO_ZENDESK_ADMIN,
  DEMO_ZENDESK_AGENTS,
  DEMO_ZENDESK_CREDENTIALS,
  generateZendeskSeed,
} from './seed';

export interface RunningZendeskEmulator {
  /** `http://127.0.0.1:PORT`: the admin API lives under it. */
  url: string;
  /** `http://127.0.0.1:PORT/api/v2`: node-zendesk's `endpointUri`. */
  apiUrl: string;
  port: number;
  store: ZendeskStore;
  /** The API token every agent's email authenticates with. */
  apiToken: string;
  stats(): ZendeskStats;
  /** Sends ticket events to `target` from now on (undefined: stops sending). */
  configureWebhooks(target: WebhookTarget | undefined): void;
  /** Outgoing webhooks: target, counts, `idle()` once every queued event is settled. */
  webhooks: WebhookSender;
  stop(): Promise<void>;
}

/** Starts the emulated Zendesk Support account on loopback: `/api/v2` and `/__emulator/`. */
export async function startZendeskEmulator(
  options: ZendeskEmulatorOptions = {},
): Promise<RunningZendeskEmulator> {
  const resolved = resolveZendeskOptions(options);
  const store = new ZendeskStore(() =>
    generateZendeskSeed({
      scale: resolved.scale,
      seed: resolved.seed,
      baseDate: resolved.seedBaseDate,
    }),
  );
  let baseUrl = '';
  const seedValue = resolved.seed ?? DEFAULT_SEED;
  const webhooks = new WebhookSender({
    sign: zendeskWebhookSigner(`01J${new SeededRandom(seedValue).alphanumeric(23).toUpperCase()}`),
    userAgent: 'Zendesk Webhook',
  });
  webhooks.configure(resolved.webhooks);
  let stopped: Promise<void> | undefined;
  const ctx: ZendeskEmulatorContext = {
    store,
    options: resolved,
    traffic: new ApiTraffic({
      latencyMs: resolved.latencyMs,
      rateLimitPerMinute: resolved.rateLimitPerMinute,
    }),
    outage: new Outage(),
    baseUrl: () => baseUrl,
    webhooks,
    events: new ZendeskEvents(webhooks, resolved.accountId, resolved.clock),
    triggerRandom: new SeededRandom((seedValue ^ 0x7e1) >>> 0),
  };
  const server = createServer(createZendeskListener(ctx));
  const { url, port } = await startHttpServer(server, resolved.port, resolved.host);
  baseUrl = url;
  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/v2`,
    port,
    store,
    apiToken: resolved.apiToken,
    stats: () => ctx.traffic.stats(),
    configureWebhooks: (target) => webhooks.configure(target),
    webhooks,
    // Idempotent: a test that stops it on purpose and the teardown that stops it again both succeed.
    stop: () => (stopped ??= webhooks.close().then(() => stopHttpServer(server))),
  };
}
