/**
 * The bench's emulators in a process of their own: the emulated Salesforce org and, for the
 * linked scenario, Stripe, Zendesk and QuickBooks. Ready with the gateway's config pointed at
 * them (plain JSON), answers `stats` with the Salesforce emulator's call counters.
 */
import 'reflect-metadata';
import '../production-env';
import { EMULATED_GATEWAY_ENV } from '../emulated-gateway-env';
import { loadConfig } from '../../src/config';
import { startDemoSalesforce } from '../../src/server/demo-bootstrap';
import { startDemoLinkedServices } from '../../src/server/demo-linked-services';
import { readChildInput, runBenchChild } from './bench-child';
import type { EmulatorsInput, EmulatorsReady } from './bench-processes';

runBenchChild<EmulatorsReady>(async () => {
  const input = readChildInput<EmulatorsInput>();
  const config = loadConfig({
    ...EMULATED_GATEWAY_ENV,
    EMULATOR_STRIPE_PORT: '0',
    EMULATOR_ZENDESK_PORT: '0',
    EMULATOR_QUICKBOOKS_PORT: '0',
    // Any free port: a fixed one would refuse a second bench (or a gateway) on the machine.
    METRICS_PORT: '0',
    // These scenarios measure batching per operation; a warm cross-request cache would answer
    // repeats with no call at all (the cache-on dashboard scenario is issue 11's bench).
    CACHE_ENABLED: 'false',
  });
  const demo = await startDemoSalesforce(config, {
    port: 0,
    latencyMs: input.latencyMs,
    scale: input.scale,
    // A real org's daily allowance would stop the baseline's bursts half way.
    dailyApiLimit: 100_000_000,
  });
  const disposers: Array<() => Promise<void>> = [() => demo.emulator.stop()];
  let gatewayConfig = demo.config;
  const linkedEmulators: EmulatorsReady['linkedEmulators'] = [];
  if (input.linked) {
    const linked = await startDemoLinkedServices(demo.config, {
      stripe: { latencyMs: input.latencyMs, scale: input.scale },
      // Zendesk's 700 requests a minute would 429 the baseline's bursts within seconds.
      zendesk: {
        latencyMs: input.latencyMs,
        scale: input.scale,
        rateLimitPerMinute: 100_000_000,
      },
      quickbooks: { latencyMs: input.latencyMs, salesforce: { scale: input.scale } },
    });
    disposers.push(() => linked.stop());
    gatewayConfig = linked.config;
    for (const e of linked.emulators) {
      linkedEmulators.push({ service: e.service, url: e.url, adminUrl: e.adminUrl });
    }
  }
  return {
    ready: {
      salesforceUrl: demo.emulator.url,
      gatewayConfig: JSON.parse(JSON.stringify(gatewayConfig)) as unknown,
      linkedEmulators,
    },
    handlers: {
      stats: () => {
        const stats = demo.emulator.stats();
        return { total: stats.total, byEndpoint: stats.byEndpoint };
      },
    },
    stop: async () => {
      while (disposers.length > 0) await disposers.pop()?.();
    },
  };
});
