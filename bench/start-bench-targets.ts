import type { GatewayConfig, LinkedServiceConfig } from '../src/config';
import { DEMO_OAUTH_CLIENT } from '../src/emulators/salesforce/emulator-options';
import type { BaselineLinkedTargets } from './baseline/baseline-linked';
import type { ServiceCalls } from './linked-scenario';
import type {
  BaselineInput,
  EmulatorsInput,
  EmulatorsReady,
  FloorInput,
  GatewayInput,
  ServerReady,
} from './processes/bench-processes';
import { forkBenchChild, type BenchChild } from './processes/fork-bench-child';

/** One server under test in its own process. */
export interface BenchServer {
  url: string;
  /** `process.cpuUsage()` of that server's process: its CPU alone. */
  cpu(): Promise<NodeJS.CpuUsage>;
}

export interface BenchTargets {
  emulator: {
    url: string;
    /** The Salesforce emulator's call counters (read from its process). */
    stats(): Promise<ServiceCalls>;
  };
  /** The Stripe, Zendesk and QuickBooks emulators (empty unless `linked` was asked for). */
  linkedEmulators: EmulatorsReady['linkedEmulators'];
  gateway: BenchServer;
  baseline: BenchServer;
  /** The in-memory type-graphql + Apollo floor (core scenario only). */
  floor: BenchServer | null;
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

/** `BENCH_CPU_PROF=gateway,baseline,floor`: those processes write a .cpuprofile on stop. */
function profileFlags(name: string, env: NodeJS.ProcessEnv): string[] {
  const wanted = (env.BENCH_CPU_PROF ?? '').split(',').map((s) => s.trim());
  if (!wanted.includes(name)) return [];
  const dir = env.BENCH_CPU_PROF_DIR ?? 'bench/results/profiles';
  // Node's own file names (one per thread: tsx's loader thread writes one too), per server.
  return ['--cpu-prof', `--cpu-prof-dir=${dir}/${name}`];
}

function server(child: BenchChild<ServerReady>): BenchServer {
  return { url: child.ready.url, cpu: () => child.cpu() };
}

/**
 * One process per part, all on loopback: the emulators (the emulated org and, with `linked`,
 * Stripe, Zendesk and QuickBooks, same seed scale and latency), the gateway, the naive
 * baseline logged in to the same org and, with `floor`, the in-memory type-graphql floor. This
 * process keeps only the load clients, so each server's CPU is read inside that server's own
 * process and the servers are measured one at a time against one call counter.
 */
export async function startBenchTargets(options: {
  latencyMs: number;
  scale: number;
  linked?: boolean;
  floor?: boolean;
}): Promise<BenchTargets> {
  const emulatorsInput: EmulatorsInput = {
    latencyMs: options.latencyMs,
    scale: options.scale,
    linked: options.linked ?? false,
  };
  const emulators = await forkBenchChild<EmulatorsReady>(
    'emulators',
    'bench/processes/emulators-process.ts',
    emulatorsInput,
  );
  const children: Array<BenchChild<unknown>> = [emulators];
  const stop = async (): Promise<void> => {
    // Servers first, the emulators they talk to last.
    while (children.length > 0) await children.pop()?.stop();
  };
  try {
    const gatewayConfig = emulators.ready.gatewayConfig as GatewayConfig;
    const login = {
      loginUrl: emulators.ready.salesforceUrl,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
      apiVersion: gatewayConfig.salesforce.apiVersion,
    };
    const gatewayInput: GatewayInput = { gatewayConfig };
    const baselineInput: BaselineInput = {
      ...login,
      ...(options.linked ? { linked: baselineLinkedTargets(gatewayConfig) } : {}),
    };
    const floorInput: FloorInput = login;
    const started = await Promise.allSettled([
      forkBenchChild<ServerReady>('gateway', 'bench/processes/gateway-process.ts', gatewayInput, {
        nodeFlags: profileFlags('gateway', process.env),
      }),
      forkBenchChild<ServerReady>(
        'baseline',
        'bench/processes/baseline-process.ts',
        baselineInput,
        { nodeFlags: profileFlags('baseline', process.env) },
      ),
      options.floor
        ? forkBenchChild<ServerReady>('floor', 'bench/floor/floor-process.ts', floorInput, {
            nodeFlags: profileFlags('floor', process.env),
          })
        : Promise.resolve(null),
    ]);
    for (const outcome of started) {
      if (outcome.status === 'fulfilled' && outcome.value) children.push(outcome.value);
    }
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    const [gateway, baseline, floor] = started.map((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value : null,
    );
    if (!gateway || !baseline) throw new Error('a bench server did not start');
    return {
      emulator: {
        url: emulators.ready.salesforceUrl,
        stats: () => emulators.request<ServiceCalls>('stats'),
      },
      linkedEmulators: emulators.ready.linkedEmulators,
      gateway: server(gateway),
      baseline: server(baseline),
      floor: floor ? server(floor) : null,
      gatewayUrl: gateway.ready.url,
      baselineUrl: baseline.ready.url,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
