/**
 * Subscriptions benchmark (issue 13, item 1). Each scenario starts a gateway process (the
 * gateway and its demo Salesforce emulator, run with --expose-gc), one or more client
 * processes holding the graphql-ws subscribers, and writes Account creates from this process
 * straight to the emulator. Latency is emulator commit → client receipt (one machine clock);
 * every subscriber must receive every event exactly once; RSS per subscriber is the gateway
 * process's own growth, after gc. Prints each target MET / NOT MET and writes
 * bench/results/subscriptions.json. Bounded: DURATION_S (default 10) of writes per scenario,
 * then at most SETTLE_S (default 15) for the last deliveries; what has not arrived by then
 * counts as lost.
 *
 *   npx tsx bench/subscriptions/run.ts
 *   SUBS_SCENARIOS=feed-1k-20 npx tsx bench/subscriptions/run.ts   (one scenario)
 *   SUBSCRIBERS=2000 WRITES_PER_SECOND=10 npx tsx bench/subscriptions/run.ts   (an ad-hoc one)
 *   SUBS_CPU_PROFILE=bench/results/profiles ...   (the gateway process's --cpu-prof)
 *   SUBS_GATEWAY_NODE_FLAGS='--max-semi-space-size=64' ...   (node flags of the gateway process)
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { runScenario, type ScenarioResult } from './scenario';
import {
  ACCOUNT_FEED,
  checkSubscriptionTargets,
  SCENARIOS,
  type SubscriptionScenario,
} from './targets';

function intFromEnv(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer between 1 and ${max}`);
  }
  return value;
}

/** Subscribers per client process: beyond this one client process saturates first. */
const SUBSCRIBERS_PER_CLIENT_PROCESS = 5_000;
const RESULTS_PATH = process.env.SUBS_RESULTS ?? 'bench/results/subscriptions.json';

function selectedScenarios(): SubscriptionScenario[] {
  if (process.env.SUBSCRIBERS !== undefined || process.env.WRITES_PER_SECOND !== undefined) {
    const subscribers = intFromEnv('SUBSCRIBERS', 1_000, 20_000);
    const writesPerSecond = intFromEnv('WRITES_PER_SECOND', 5, 200);
    return [
      {
        name: `custom-${subscribers}-${writesPerSecond}`,
        label: `${subscribers} × ${writesPerSecond} w/s`,
        subscribers,
        writesPerSecond,
        query: ACCOUNT_FEED,
      },
    ];
  }
  const wanted = process.env.SUBS_SCENARIOS?.split(',').map((name) => name.trim());
  if (!wanted) return [...SCENARIOS];
  const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown SUBS_SCENARIOS ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  }
  return SCENARIOS.filter((s) => wanted.includes(s.name));
}

async function main(): Promise<void> {
  const durationSeconds = intFromEnv('DURATION_S', 10, 60);
  const settleSeconds = intFromEnv('SETTLE_S', 15, 120);
  // Other work on the machine moves latency most: recorded with the results.
  const loadBefore = loadavg()[0];
  const results: ScenarioResult[] = [];
  for (const scenario of selectedScenarios()) {
    const clientProcesses = Math.ceil(scenario.subscribers / SUBSCRIBERS_PER_CLIENT_PROCESS);
    console.log(
      `subscriptions: ${scenario.label}, ${durationSeconds} s, ${clientProcesses} client process(es)…`,
    );
    const result = await runScenario({
      name: scenario.name,
      subscribers: scenario.subscribers,
      writesPerSecond: scenario.writesPerSecond,
      durationSeconds,
      query: scenario.query,
      clientProcesses,
      settleMs: settleSeconds * 1_000,
      ...(process.env.SUBS_GATEWAY_NODE_FLAGS
        ? { gatewayNodeFlags: process.env.SUBS_GATEWAY_NODE_FLAGS.split(/\s+/).filter(Boolean) }
        : {}),
      ...(process.env.SUBS_CPU_PROFILE ? { cpuProfileDir: process.env.SUBS_CPU_PROFILE } : {}),
    });
    results.push(result);
  }
  console.table(
    Object.fromEntries(
      results.map((r) => [
        r.name,
        {
          deliveries: `${r.deliveriesReceived}/${r.deliveriesExpected}`,
          lost: r.lost,
          dup: r.duplicates,
          closed: r.socketsClosed,
          'p50 ms': r.latency?.p50Ms,
          'p95 ms': r.latency?.p95Ms,
          'p99 ms': r.latency?.p99Ms,
          'max ms': r.latency?.maxMs,
          'RSS KiB/sub': r.gatewayRssKiBPerSubscriber,
          'heap KiB/sub': r.gatewayHeapKiBPerSubscriber,
          'gw CPU ms/event': r.gatewayCpuMsPerEvent,
          'gw cores': r.gatewayCpuCores,
          'client CPU ms/event': r.clientCpuMsPerEvent,
          'client cores': r.clientCpuCores,
          cometd: r.upstreamCometdSubscriptions,
          executions: r.executions,
        },
      ]),
    ),
  );
  const targets = checkSubscriptionTargets(results);
  for (const target of targets) {
    const actual = target.actual === undefined ? 'not run' : String(target.actual);
    console.log(`${target.met ? 'MET    ' : 'NOT MET'}  ${target.description}: ${actual}`);
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage1m: { before: loadBefore, after: loadavg()[0] },
  };
  await mkdir(dirname(RESULTS_PATH), { recursive: true });
  await writeFile(
    RESULTS_PATH,
    `${JSON.stringify({ date: new Date().toISOString(), machine, durationSeconds, settleSeconds, results, targets }, null, 2)}\n`,
  );
  console.log(
    `load average (1 min) ${machine.loadAverage1m.before.toFixed(1)} → ${machine.loadAverage1m.after.toFixed(1)} on ${machine.cpus} cores; results: ${RESULTS_PATH}`,
  );
  // Faults no load explains fail the run (and `npm run bench`); deliveries still missing at
  // the end of the settle window make their target NOT MET, as late ones do on a busy machine.
  const broken = results.some((r) => r.duplicates > 0 || r.upstreamCometdSubscriptions !== 1);
  if (broken) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
