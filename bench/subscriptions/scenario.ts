import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { DEMO_OAUTH_CLIENT } from '../../src/emulators/salesforce';
import { mergeHistograms, summarizeHistogram, type HistogramSummary } from './latency-histogram';
import type {
  ClientCommand,
  ClientProgress,
  ClientReport,
  GatewayCommand,
  GatewayMeasurement,
  GatewayReport,
} from './protocol';

export interface ScenarioOptions {
  name: string;
  subscribers: number;
  writesPerSecond: number;
  durationSeconds: number;
  query: string;
  /** Client processes the subscribers are spread over. */
  clientProcesses: number;
  /** A directory: the gateway process writes its profiles in `<dir>/<name>/` (node --cpu-prof). */
  cpuProfileDir?: string;
  /** Extra node flags for the gateway process (e.g. `--max-semi-space-size=64`). */
  gatewayNodeFlags?: string[];
  /** How long deliveries may trail the last write. Default 15 s. */
  settleMs?: number;
  /** How long the subscribers may take to be counted by the gateway. Default 180 s. */
  connectTimeoutMs?: number;
}

export interface ScenarioResult {
  name: string;
  subscribers: number;
  writesPerSecond: number;
  durationSeconds: number;
  clientProcesses: number;
  writes: number;
  deliveriesExpected: number;
  deliveriesReceived: number;
  /** Subscriber × event pairs not received by the end of the settle window (expected − distinct received). */
  lost: number;
  duplicates: number;
  /** Sockets the server closed during the run (a slow consumer, an error). */
  socketsClosed: number;
  errors: number;
  latency: HistogramSummary | undefined;
  upstreamCometdSubscriptions: number;
  /** Shared executions of the selection during the writes: one per group and event. */
  executions: number;
  /** Gateway process RSS growth from no subscriber to all of them, after gc, per subscriber. */
  gatewayRssKiBPerSubscriber: number;
  /** The JS heap's share of it (heapUsed growth, after gc). */
  gatewayHeapKiBPerSubscriber: number;
  gatewayRssMiB: number;
  /** Gateway process CPU (user + system) from the first write until every delivery. */
  gatewayCpuMsPerEvent: number;
  /** The same CPU over the wall time of the writes and the settle, in cores. */
  gatewayCpuCores: number;
  /** The client processes' CPU over the same time, in cores (they share the machine). */
  clientCpuCores: number;
  clientCpuMsPerEvent: number;
}

const GATEWAY_ENTRY = join(__dirname, 'gateway-process.ts');
const CLIENT_ENTRY = join(__dirname, 'client-process.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A forked bench process: commands out, reports back, one awaited report at a time per id. */
class Child<Command, Report extends { type: string }> {
  private readonly waiting = new Map<string, (report: Report) => void>();
  private readonly exited: Promise<void>;
  private failure: Error | undefined;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (report: Report) => {
      const key = this.keyOf(report);
      const resolve = this.waiting.get(key);
      this.waiting.delete(key);
      resolve?.(report);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (code !== 0) this.failure = new Error(`${name} exited with ${code ?? signal}`);
        resolve();
      });
    });
  }

  private keyOf(report: { type: string; id?: unknown }): string {
    return typeof report.id === 'number' ? `${report.type}:${report.id}` : report.type;
  }

  /** Waits for the report of `key` (`type`, or `type:id`), failing if the process dies. */
  next<R extends Report>(key: string): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(key, resolve as (report: Report) => void);
      void this.exited.then(() => reject(this.failure ?? new Error(`${this.name} exited`)));
    });
  }

  send(command: Command): void {
    this.child.send(command as never);
  }

  async stop(command: Command): Promise<void> {
    if (this.child.exitCode === null && this.child.connected) this.send(command);
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(kill);
  }
}

function forkTs(entry: string, execArgv: string[]): ChildProcess {
  return fork(entry, [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

let requestId = 0;

async function measure(gateway: Child<GatewayCommand, GatewayReport>): Promise<GatewayMeasurement> {
  const id = (requestId += 1);
  const reply = gateway.next<GatewayMeasurement>(`measurement:${id}`);
  gateway.send({ type: 'measure', id });
  return reply;
}

async function progress(
  clients: ReadonlyArray<Child<ClientCommand, ClientReport>>,
): Promise<ClientProgress[]> {
  return Promise.all(
    clients.map((client) => {
      const id = (requestId += 1);
      const reply = client.next<ClientProgress>(`progress:${id}`);
      client.send({ type: 'progress', id });
      return reply;
    }),
  );
}

async function writer(emulatorUrl: string): Promise<Connection> {
  const connection = new Connection({
    loginUrl: emulatorUrl,
    version: '59.0',
    oauth2: {
      clientId: DEMO_OAUTH_CLIENT.clientId,
      clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
      redirectUri: DEMO_OAUTH_CLIENT.redirectUris[0],
      loginUrl: emulatorUrl,
    },
  });
  await connection.login('admin@atom-demo.org', 'demo-admin-pass');
  return connection;
}

/**
 * One run: a gateway process (with its emulator), `clientProcesses` client processes holding
 * `subscribers` graphql-ws subscriptions of `query`, and this process writing
 * `writesPerSecond` Account creates for `durationSeconds` straight to the emulator.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const profile = options.cpuProfileDir
    ? // One file per thread (tsx's loader runs in a worker), so no fixed name.
      ['--cpu-prof', `--cpu-prof-dir=${join(options.cpuProfileDir, options.name)}`]
    : [];
  const gateway = new Child<GatewayCommand, GatewayReport>(
    'gateway process',
    forkTs(GATEWAY_ENTRY, ['--expose-gc', ...(options.gatewayNodeFlags ?? []), ...profile]),
  );
  const clients: Array<Child<ClientCommand, ClientReport>> = [];
  try {
    const ready = await gateway.next<Extract<GatewayReport, { type: 'ready' }>>('ready');
    const salesforce = await writer(ready.emulatorUrl);
    const before = await measure(gateway);

    const url = ready.gatewayUrl.replace(/^http/, 'ws');
    const connected: Array<Promise<unknown>> = [];
    for (let p = 0; p < options.clientProcesses; p += 1) {
      const share =
        Math.floor(options.subscribers / options.clientProcesses) +
        (p < options.subscribers % options.clientProcesses ? 1 : 0);
      const client = new Child<ClientCommand, ClientReport>(
        `client process ${p + 1}`,
        forkTs(CLIENT_ENTRY, []),
      );
      clients.push(client);
      connected.push(client.next('connected'));
      client.send({ type: 'start', url, subscribers: share, query: options.query });
    }
    await Promise.all(connected);
    const connectDeadline = Date.now() + (options.connectTimeoutMs ?? 180_000);
    let after = await measure(gateway);
    while (after.subscribers < options.subscribers) {
      if (Date.now() > connectDeadline) {
        throw new Error(`${after.subscribers}/${options.subscribers} subscribers were counted`);
      }
      await sleep(100);
      after = await measure(gateway);
    }

    const writes = options.writesPerSecond * options.durationSeconds;
    const expected = writes * options.subscribers;
    const clientsBefore = await progress(clients);
    const started = Date.now();
    const pending: Array<Promise<unknown>> = [];
    for (let i = 0; i < writes; i += 1) {
      const wait = started + (i * 1_000) / options.writesPerSecond - Date.now();
      if (wait > 0) await sleep(wait);
      pending.push(salesforce.sobject('Account').create({ Name: `Bench ${options.name} ${i}` }));
    }
    await Promise.all(pending);
    const settle = Date.now() + (options.settleMs ?? 15_000);
    let reports = await progress(clients);
    const total = (key: 'received' | 'duplicates' | 'closed' | 'errors') =>
      reports.reduce((sum, report) => sum + report[key], 0);
    while (total('received') < expected && Date.now() < settle) {
      await sleep(100);
      reports = await progress(clients);
    }
    const wallMs = Date.now() - started;
    const end = await measure(gateway);
    const cdc = (await (await fetch(`${ready.emulatorUrl}/__emulator/cdc/events`)).json()) as {
      clients: string[];
    };
    const histogram = mergeHistograms(reports.map((report) => report.histogram));
    const received = total('received');
    const duplicates = total('duplicates');
    const cpuMs = (end.cpuMicros - after.cpuMicros) / 1_000;
    const cpuOf = (list: ClientProgress[]) => list.reduce((sum, r) => sum + r.cpuMicros, 0);
    const clientCpuMs = (cpuOf(reports) - cpuOf(clientsBefore)) / 1_000;
    return {
      name: options.name,
      subscribers: options.subscribers,
      writesPerSecond: options.writesPerSecond,
      durationSeconds: options.durationSeconds,
      clientProcesses: options.clientProcesses,
      writes,
      deliveriesExpected: expected,
      deliveriesReceived: received,
      lost: expected - (received - duplicates),
      duplicates,
      socketsClosed: total('closed'),
      errors: total('errors'),
      latency: received > 0 ? summarizeHistogram(histogram) : undefined,
      upstreamCometdSubscriptions: cdc.clients.length,
      executions: end.sharedExecutions - after.sharedExecutions,
      gatewayRssKiBPerSubscriber: round(
        (after.rssBytes - before.rssBytes) / 1024 / options.subscribers,
      ),
      gatewayHeapKiBPerSubscriber: round(
        (after.heapUsedBytes - before.heapUsedBytes) / 1024 / options.subscribers,
      ),
      gatewayRssMiB: round(after.rssBytes / 1024 / 1024),
      gatewayCpuMsPerEvent: round(cpuMs / writes),
      gatewayCpuCores: round(cpuMs / wallMs, 2),
      clientCpuCores: round(clientCpuMs / wallMs, 2),
      clientCpuMsPerEvent: round(clientCpuMs / writes),
    };
  } finally {
    await Promise.all(clients.map((client) => client.stop({ type: 'stop' })));
    await gateway.stop({ type: 'stop' });
  }
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
