import 'reflect-metadata';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { EMULATED_GATEWAY_ENV } from './emulated-gateway-env';
import type { RunningSalesforceEmulator } from '../src/emulators/salesforce';
import { createServer, type RunningGateway } from '../src/server/create-server';
import { startDemoSalesforce } from '../src/server/demo-bootstrap';

export const DASHBOARD_METRICS_TOKEN = 'dashboard-bench-metrics-token';

export interface DashboardTargets {
  emulator: RunningSalesforceEmulator;
  gateway: RunningGateway;
  /** `http://127.0.0.1:PORT`, where `/auth/salesforce/login` and `/graphql` are. */
  origin: string;
  metricsUrl: string;
  stop(): Promise<void>;
}

/** A port free right now: user mode registers its OAuth callback before the gateway listens. */
async function reservePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A fresh emulated org (same seed each time) and one gateway in AUTH_MODE=user (or demo) in
 * front of it, with the cross-request cache on or off and /metrics on its own port. Each phase gets
 * its own pair, so the cache-on phase does not start from the cache-off phase's writes.
 */
export async function startDashboardTargets(options: {
  latencyMs: number;
  scale: number;
  cache: boolean;
  /** `user` (default): each user signs in; `demo`: every request acts as the integration user. */
  authMode?: 'user' | 'demo';
}): Promise<DashboardTargets> {
  const port = await reservePort();
  const config = loadConfig({
    ...EMULATED_GATEWAY_ENV,
    PORT: String(port),
    GATEWAY_PUBLIC_URL: `http://127.0.0.1:${port}`,
    AUTH_MODE: options.authMode ?? 'user',
    CACHE_ENABLED: options.cache ? 'true' : 'false',
    METRICS_ENABLED: 'true',
    METRICS_PORT: '0',
    METRICS_TOKEN: DASHBOARD_METRICS_TOKEN,
  });
  const demo = await startDemoSalesforce(config, {
    port: 0,
    latencyMs: options.latencyMs,
    scale: options.scale,
    dailyApiLimit: 100_000_000,
  });
  let gateway: RunningGateway;
  try {
    gateway = await createServer(demo.config);
  } catch (err) {
    await demo.emulator.stop();
    throw err;
  }
  const stop = async (): Promise<void> => {
    await gateway.stop();
    await demo.emulator.stop();
  };
  if (gateway.metricsUrl === undefined) {
    await stop();
    throw new Error('the gateway serves no /metrics');
  }
  return {
    emulator: demo.emulator,
    gateway,
    origin: new URL(gateway.url).origin,
    metricsUrl: gateway.metricsUrl,
    stop,
  };
}
