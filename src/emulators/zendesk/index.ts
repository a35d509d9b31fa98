import { createServer } from 'node:http';
import { startHttpServer, stopHttpServer } from '../http-kit/http-server';
import { Outage } from '../http-kit/outage';
import type { ZendeskEmulatorContext } from './emulator-context';
import { resolveZendeskOptions, type ZendeskEmulatorOptions } from './emulator-options';
import { ApiTraffic, type ZendeskStats } from './http/api-traffic';
import { createZendeskListener } from './http/request-listener';
import { generateZendeskSeed } from './seed';
import { ZendeskStore } from './store/zendesk-store';

export type { ZendeskEmulatorOptions } from './emulator-options';
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
    // Idempotent: a test that stops it on purpose and the teardown that stops it again both succeed.
    stop: () => (stopped ??= stopHttpServer(server)),
  };
}
