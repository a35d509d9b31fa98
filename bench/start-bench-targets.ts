import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { DEMO_OAUTH_CLIENT, type RunningSalesforceEmulator } from '../src/emulators/salesforce';
import { createServer } from '../src/server/create-server';
import { startDemoSalesforce } from '../src/server/demo-bootstrap';
import { startBaselineServer } from './baseline/baseline-server';

export interface BenchTargets {
  emulator: RunningSalesforceEmulator;
  gatewayUrl: string;
  baselineUrl: string;
  stop(): Promise<void>;
}

/**
 * One emulated org on loopback, the gateway in front of it (through its own demo bootstrap)
 * and the naive baseline logged in to the same org: the two servers see the same data and
 * the same injected latency, and are measured one at a time against one call counter.
 */
export async function startBenchTargets(options: {
  latencyMs: number;
  scale: number;
}): Promise<BenchTargets> {
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SALESFORCE_MODE: 'emulator',
    EMULATOR_SALESFORCE_PORT: '0',
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
    const gateway = await createServer(demo.config);
    disposers.push(() => gateway.stop());
    const baseline = await startBaselineServer({
      loginUrl: demo.emulator.url,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
      apiVersion: demo.config.salesforce.apiVersion,
    });
    disposers.push(() => baseline.stop());
    return {
      emulator: demo.emulator,
      gatewayUrl: gateway.url,
      baselineUrl: baseline.url,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
