import 'reflect-metadata';
import { loadConfig, type GatewayConfig, type LinkedServiceConfig } from '../src/config';
import { DEMO_OAUTH_CLIENT, type RunningSalesforceEmulator } from '../src/emulators/salesforce';
import { createServer } from '../src/server/create-server';
import { startDemoSalesforce } from '../src/server/demo-bootstrap';
import {
  startDemoLinkedServices,
  type DemoLinkedEmulator,
} from '../src/server/demo-linked-services';
import { startBaselineServer } from './baseline/baseline-server';
import type { BaselineLinkedTargets } from './baseline/baseline-linked';

export interface BenchTargets {
  emulator: RunningSalesforceEmulator;
  /** The Stripe, Zendesk and QuickBooks emulators (empty unless `linked` was asked for). */
  linkedEmulators: DemoLinkedEmulator[];
  gatewayUrl: string;
  baselineUrl: string;
  stop(): Promise<void>;
}

function settingsOf<S>(service: string, entry: LinkedServiceConfig<S>): S {
  if (entry.mode === 'off' || entry.settings === undefined) {
    throw new Error(`the ${service} emulator did not start`);
  }
  return entry.settings;
}

/** The baseline's SDK clients point at the emulators the gateway's config names. */
function baselineLinkedTargets(config: GatewayConfig): BaselineLinkedTargets {
  const stripe = settingsOf('Stripe', config.linked.stripe);
  const zendesk = settingsOf('Zendesk', config.linked.zendesk);
  const quickbooks = settingsOf('QuickBooks', config.linked.quickbooks);
  return {
    stripe: {
      apiUrl: stripe.apiUrl,
      apiKey: stripe.apiKey,
      accountMetadataKey: stripe.accountMetadataKey,
    },
    zendesk,
    quickbooks: {
      companyEndpoint: quickbooks.companyEndpoint,
      tokenUrl: quickbooks.tokenUrl,
      realmId: quickbooks.realmId,
      clientId: quickbooks.clientId,
      clientSecret: quickbooks.clientSecret,
      refreshToken: quickbooks.refreshToken,
    },
    linkFields: config.linked.linkFields,
  };
}

/**
 * One emulated org on loopback, the gateway in front of it (through its own demo bootstrap)
 * and the naive baseline logged in to the same org: the two servers see the same data and
 * the same injected latency, and are measured one at a time against one call counter. With
 * `linked`, the Stripe, Zendesk and QuickBooks emulators too (same seed scale, same latency),
 * started by the gateway's demo bootstrap, and the baseline's SDK clients point at them.
 */
export async function startBenchTargets(options: {
  latencyMs: number;
  scale: number;
  linked?: boolean;
}): Promise<BenchTargets> {
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SALESFORCE_MODE: 'emulator',
    EMULATOR_SALESFORCE_PORT: '0',
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
    latencyMs: options.latencyMs,
    scale: options.scale,
    // A real org's daily allowance would stop the baseline's bursts half way.
    dailyApiLimit: 100_000_000,
  });
  const disposers: Array<() => Promise<void>> = [() => demo.emulator.stop()];
  const stop = async (): Promise<void> => {
    while (disposers.length > 0) await disposers.pop()?.();
  };
  try {
    let gatewayConfig = demo.config;
    let linkedEmulators: DemoLinkedEmulator[] = [];
    if (options.linked) {
      const linked = await startDemoLinkedServices(demo.config, {
        stripe: { latencyMs: options.latencyMs, scale: options.scale },
        // Zendesk's 700 requests a minute would 429 the baseline's bursts within seconds.
        zendesk: {
          latencyMs: options.latencyMs,
          scale: options.scale,
          rateLimitPerMinute: 100_000_000,
        },
        quickbooks: { latencyMs: options.latencyMs, salesforce: { scale: options.scale } },
      });
      disposers.push(() => linked.stop());
      gatewayConfig = linked.config;
      linkedEmulators = linked.emulators;
    }
    const gateway = await createServer(gatewayConfig);
    disposers.push(() => gateway.stop());
    const baseline = await startBaselineServer({
      loginUrl: demo.emulator.url,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
      apiVersion: demo.config.salesforce.apiVersion,
      ...(options.linked ? { linked: baselineLinkedTargets(gatewayConfig) } : {}),
    });
    disposers.push(() => baseline.stop());
    return {
      emulator: demo.emulator,
      linkedEmulators,
      gatewayUrl: gateway.url,
      baselineUrl: baseline.url,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
