import { BENCH_NODE_ENV } from './production-env';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  BENCH_OPERATIONS,
  firstDifference,
  LINKED_OPERATION,
  LINKED_PAGE_SIZE,
  type BenchOperation,
} from './bench-operations';
import { readBenchOptions, type BenchOptions } from './bench-options';
import {
  checkCpuTargets,
  checkTargets,
  operationResult,
  type OperationResult,
  type ServerResult,
} from './bench-results';
import { createGraphQLPost, type GraphQLPost } from './graphql-http-client';
import { summarize } from './latency-stats';
import { runBurst, runSequential } from './load-runner';
import {
  callsPerOperation,
  checkLinkedTargets,
  formatLinkedResult,
  formatLinkedTargets,
  LINKED_SERVICES,
  type CallCounts,
  type ChainProbe,
  type LinkedResult,
  type LinkedServerResult,
  type ServiceCalls,
} from './linked-scenario';
import { formatDashboard } from './dashboard-report';
import { runDashboardPhase, type DashboardPhase } from './dashboard-scenario';
import { formatCpuTable, formatResultsTable, formatTargets } from './results-table';
import { compareScales, formatScaleComparison, type ScaleRun } from './scale-comparison';
import { startBenchTargets, type BenchServer, type BenchTargets } from './start-bench-targets';

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** CPU µs (user + system) the server's own process spent between two readings. */
function cpuMicros(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage): number {
  return after.user - before.user + (after.system - before.system);
}

async function measure(
  targets: BenchTargets,
  server: BenchServer,
  op: BenchOperation,
  plan: { warmup: number; iterations: number; options: BenchOptions },
): Promise<ServerResult> {
  const post = createGraphQLPost(server.url);
  const run = (): Promise<unknown> => op.run(post);
  for (let i = 0; i < plan.warmup; i += 1) await run();
  const before = (await targets.emulator.stats()).total;
  const cpuBefore = await server.cpu();
  const samples = await runSequential(run, { warmup: 0, iterations: plan.iterations });
  const cpu = cpuMicros(cpuBefore, await server.cpu());
  const calls = (await targets.emulator.stats()).total - before;
  const burst = await runBurst(run, {
    durationMs: plan.options.burstSeconds * 1000,
    concurrency: plan.options.concurrency,
    maxOperations: plan.options.burstMaxOperations,
  });
  if (burst.failed > 0) {
    progress(`  ${burst.failed} operations failed in the burst: ${burst.firstError ?? ''}`);
  }
  return {
    callsPerOperation: calls / plan.iterations,
    cpuMsPerOperation: cpu / 1000 / plan.iterations,
    latency: summarize(samples),
    burst,
  };
}

async function sameAnswer(
  op: BenchOperation,
  gateway: GraphQLPost,
  other: GraphQLPost,
  otherName = 'baseline',
): Promise<boolean> {
  const [a, b] = [await op.run(gateway), await op.run(other)];
  const difference = firstDifference(a, b);
  if (difference !== undefined) {
    progress(`  WARNING ${op.label}: the gateway and the ${otherName} answered differently`);
    progress(`    first difference (gateway vs ${otherName}): ${difference}`);
  }
  return difference === undefined;
}

/**
 * Every operation on both servers, `rounds` times, before any timing: the shared code
 * (graphql-js, jsforce, the emulator) gets optimised for both, not only for whichever server
 * happens to be measured second.
 */
async function prime(targets: BenchTargets, rounds: number): Promise<void> {
  const posts = [targets.gateway, targets.baseline, ...(targets.floor ? [targets.floor] : [])].map(
    (server) => createGraphQLPost(server.url),
  );
  for (let round = 0; round < rounds; round += 1) {
    for (const op of BENCH_OPERATIONS) for (const post of posts) await op.run(post);
  }
}

async function benchOperation(
  targets: BenchTargets,
  op: BenchOperation,
  options: BenchOptions,
): Promise<OperationResult> {
  const gatewayPost = createGraphQLPost(targets.gatewayUrl);
  const baselinePost = createGraphQLPost(targets.baselineUrl);
  const same = await sameAnswer(op, gatewayPost, baselinePost);
  const floorSame = targets.floor
    ? await sameAnswer(op, gatewayPost, createGraphQLPost(targets.floor.url), 'floor')
    : null;
  const nested = op.id === 'nestedOpportunities';
  progress(`${op.label}: gateway, ${options.iterations} sequential + burst`);
  const gateway = await measure(targets, targets.gateway, op, {
    warmup: options.warmupIterations,
    iterations: options.iterations,
    options,
  });
  const baselineIterations = nested ? options.baselineNestedIterations : options.iterations;
  progress(`${op.label}: baseline, ${baselineIterations} sequential + burst`);
  const baseline = await measure(targets, targets.baseline, op, {
    warmup: nested ? Math.min(1, options.warmupIterations) : options.warmupIterations,
    iterations: baselineIterations,
    options,
  });
  let floor: ServerResult | null = null;
  if (targets.floor) {
    progress(`${op.label}: floor, ${options.iterations} sequential + burst`);
    floor = await measure(targets, targets.floor, op, {
      warmup: options.warmupIterations,
      iterations: options.iterations,
      options,
    });
  }
  return operationResult(
    op,
    gateway,
    baseline,
    same,
    floor ? { result: floor, sameAnswer: floorSame ?? false } : undefined,
  );
}

async function emulatorStats(adminUrl: string): Promise<ServiceCalls> {
  const body = (await (await fetch(adminUrl)).json()) as Partial<ServiceCalls>;
  return { total: body.total ?? 0, byEndpoint: body.byEndpoint ?? {} };
}

/** Every service's counters now: Salesforce over IPC, the others over `/__emulator/stats`. */
async function readCalls(targets: BenchTargets): Promise<CallCounts> {
  const none: ServiceCalls = { total: 0, byEndpoint: {} };
  const salesforce = await targets.emulator.stats();
  const linked = new Map(
    await Promise.all(
      targets.linkedEmulators.map(
        async (e) => [e.service, await emulatorStats(e.adminUrl)] as const,
      ),
    ),
  );
  return {
    salesforce: { total: salesforce.total, byEndpoint: salesforce.byEndpoint },
    stripe: linked.get('stripe') ?? none,
    zendesk: linked.get('zendesk') ?? none,
    quickbooks: linked.get('quickbooks') ?? none,
  };
}

async function measureLinked(
  targets: BenchTargets,
  server: BenchServer,
  op: BenchOperation,
  options: BenchOptions,
): Promise<LinkedServerResult> {
  const post = createGraphQLPost(server.url);
  const run = (): Promise<unknown> => op.run(post);
  for (let i = 0; i < options.warmupIterations; i += 1) await run();
  const before = await readCalls(targets);
  const cpuBefore = await server.cpu();
  const samples = await runSequential(run, { warmup: 0, iterations: options.iterations });
  const cpu = cpuMicros(cpuBefore, await server.cpu());
  const calls = callsPerOperation(before, await readCalls(targets), options.iterations);
  const burst = await runBurst(run, {
    durationMs: options.burstSeconds * 1000,
    concurrency: options.concurrency,
    maxOperations: options.burstMaxOperations,
  });
  if (burst.failed > 0) {
    progress(`  ${burst.failed} operations failed in the burst: ${burst.firstError ?? ''}`);
  }
  return {
    calls,
    cpuMsPerOperation: cpu / 1000 / options.iterations,
    latency: summarize(samples),
    burst,
  };
}

/** Sets one linked emulator's injected latency through its `/__emulator/faults` knob. */
async function setLatency(
  targets: BenchTargets,
  service: string,
  latencyMs: number,
): Promise<void> {
  const emulator = targets.linkedEmulators.find((e) => e.service === service);
  if (!emulator) throw new Error(`no ${service} emulator`);
  const response = await fetch(emulator.adminUrl.replace(/\/stats$/, '/faults'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: Math.round(latencyMs) }),
  });
  if (!response.ok) throw new Error(`${service} faults: HTTP ${response.status}`);
}

/**
 * The gateway's p50 with only Salesforce slow, then with Salesforce and one linked service:
 * each service's own chain. The linked services are back at the bench latency afterwards.
 */
async function probeChains(
  targets: BenchTargets,
  op: BenchOperation,
  post: GraphQLPost,
  options: BenchOptions,
): Promise<ChainProbe> {
  const p50With = async (slow: string | null): Promise<number> => {
    for (const service of LINKED_SERVICES) {
      await setLatency(targets, service, service === slow ? options.latencyMs : 0);
    }
    await op.run(post);
    const samples = await runSequential(() => op.run(post), {
      warmup: 0,
      iterations: options.iterations,
    });
    return summarize(samples).p50Ms;
  };
  try {
    const salesforceOnlyMs = await p50With(null);
    const aloneMs = { stripe: 0, zendesk: 0, quickbooks: 0 };
    for (const service of LINKED_SERVICES) aloneMs[service] = await p50With(service);
    return { salesforceOnlyMs, aloneMs };
  } finally {
    for (const service of LINKED_SERVICES) await setLatency(targets, service, options.latencyMs);
  }
}

/**
 * The linked scenario: the same page on both servers, primed, compared once, then measured.
 * A gateway that cannot answer the query yet still leaves the baseline's figures.
 */
async function benchLinked(targets: BenchTargets, options: BenchOptions): Promise<LinkedResult> {
  const op = LINKED_OPERATION;
  const gatewayPost = createGraphQLPost(targets.gatewayUrl);
  const baselinePost = createGraphQLPost(targets.baselineUrl);
  let gatewayError: string | null = null;
  try {
    await op.run(gatewayPost);
  } catch (err) {
    gatewayError = err instanceof Error ? err.message : String(err);
    progress(`${op.label}: the gateway cannot answer it: ${gatewayError}`);
  }
  progress(`priming: ${options.primeRounds} rounds of the linked operation on both servers`);
  for (let round = 0; round < options.primeRounds; round += 1) {
    if (gatewayError === null) await op.run(gatewayPost);
    await op.run(baselinePost);
  }
  const same = gatewayError === null && (await sameAnswer(op, gatewayPost, baselinePost));
  let gateway: LinkedServerResult | null = null;
  let chain: ChainProbe | null = null;
  if (gatewayError === null) {
    progress(`${op.label}: gateway, ${options.iterations} sequential + burst`);
    gateway = await measureLinked(targets, targets.gateway, op, options);
    if (options.latencyMs > 0) {
      progress(`${op.label}: gateway with one linked service slow at a time`);
      chain = await probeChains(targets, op, gatewayPost, options);
    }
  }
  progress(`${op.label}: baseline, ${options.iterations} sequential + burst`);
  const baseline = await measureLinked(targets, targets.baseline, op, options);
  return {
    label: op.label,
    latencyMs: options.latencyMs,
    pageSize: LINKED_PAGE_SIZE,
    gateway,
    gatewayError,
    chain,
    baseline,
    sameAnswer: same,
  };
}

async function main(): Promise<void> {
  const options = readBenchOptions(process.env);
  const core = options.scenarios.includes('core');
  const linked = options.scenarios.includes('linked');
  const dashboard = options.scenarios.includes('dashboard');
  const started = Date.now();
  progress(
    `scenarios ${options.scenarios.join(', ')}, latency ${options.latencyMs} ms/call, scale ${options.scales.join(', ')}, NODE_ENV=${BENCH_NODE_ENV ?? ''}, ${options.iterations} iterations ` +
      `(baseline nested: ${options.baselineNestedIterations}), bursts ${options.burstSeconds} s × ${options.concurrency} in flight`,
  );
  if (options.scales.length > 1 && !core) {
    progress(
      `BENCH_SCALE lists several scales but only core compares them: scale ${options.scale} only`,
    );
  }
  const scaleRuns: ScaleRun[] = [];
  let linkedResult: LinkedResult | undefined;
  const dashboardPhases: DashboardPhase[] = [];
  if (core || linked) await runBaselineScenarios(options.scale, { core, linked });
  // Each further scale: the core scenario again on a freshly seeded org, for the comparison.
  if (core) {
    for (const scale of options.scales.slice(1)) {
      await runBaselineScenarios(scale, { core: true, linked: false });
    }
  }
  const results: readonly OperationResult[] = scaleRuns[0]?.results ?? [];
  if (dashboard) {
    // Its own org and gateway per phase (AUTH_MODE=user): see bench/dashboard-targets.ts.
    // A third phase reads as one shared integration user: what sharing costs the cache.
    const phases = [
      [false, 'per-user'],
      [true, 'per-user'],
      [true, 'shared'],
    ] as const;
    for (const [cache, scopes] of phases) {
      progress(
        `dashboard: ${options.dashboard.users} users, cache ${cache ? 'on' : 'off'}${scopes === 'shared' ? ', one shared scope' : ''}`,
      );
      dashboardPhases.push(
        await runDashboardPhase(
          { ...options.dashboard, latencyMs: options.latencyMs, scale: options.scale },
          cache,
          progress,
          scopes,
        ),
      );
    }
  }

  async function runBaselineScenarios(
    scale: number,
    run: { core: boolean; linked: boolean },
  ): Promise<void> {
    const seedStarted = Date.now();
    const targets = await startBenchTargets({
      latencyMs: options.latencyMs,
      scale,
      linked: run.linked,
      floor: run.core,
    });
    try {
      progress(
        `scale ${scale} seeded and started in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s: ` +
          `emulator ${targets.emulator.url}, gateway ${targets.gatewayUrl}, baseline ${targets.baselineUrl}` +
          (targets.floor ? `, floor ${targets.floor.url}` : '') +
          ' (each in its own process)',
      );
      for (const e of targets.linkedEmulators) progress(`${e.service} emulator ${e.url}`);
      if (run.core) {
        progress(`priming: ${options.primeRounds} rounds of every operation on every server`);
        await prime(targets, options.primeRounds);
        const scaleResults: OperationResult[] = [];
        for (const op of BENCH_OPERATIONS) {
          scaleResults.push(await benchOperation(targets, op, options));
        }
        scaleRuns.push({ scale, results: scaleResults });
      }
      if (run.linked) linkedResult = await benchLinked(targets, options);
    } finally {
      await targets.stop();
    }
  }

  const targetChecks = checkTargets(results, { latencyMs: options.latencyMs });
  const cpuChecks = checkCpuTargets(results);
  const scaleComparison = scaleRuns.length > 1 ? compareScales(scaleRuns) : null;
  const linkedChecks = linkedResult ? checkLinkedTargets(linkedResult) : [];
  const elapsedSeconds = (Date.now() - started) / 1000;
  for (const scaleRun of scaleRuns) {
    console.log('');
    console.log(
      `ATOM CRM Gateway vs naive jsforce-per-record baseline — ${options.latencyMs} ms injected per Salesforce call, seed scale ${scaleRun.scale}`,
    );
    console.log('');
    console.log(formatResultsTable(scaleRun.results));
  }
  if (core) {
    console.log('');
    console.log(
      `Sequential iterations: ${options.iterations} per operation and server (baseline nested query: ${options.baselineNestedIterations}), after warm-up. ` +
        `req/s: completed operations per second over a ${options.burstSeconds} s burst with ${options.concurrency} in flight (a 10-page walk counts as one). ` +
        `CPU ms/op: the server's own process CPU per sequential operation, read inside that process (the emulators, each server and the load clients run in separate processes). NODE_ENV=${BENCH_NODE_ENV ?? ''}.`,
    );
    const mismatches = scaleRuns.flatMap((scaleRun) =>
      scaleRun.results
        .filter((r) => !r.sameAnswer)
        .map((r) => `${r.label} (scale ${scaleRun.scale})`),
    );
    if (mismatches.length > 0) console.log(`Answers differed for: ${mismatches.join(', ')}`);
    console.log('');
    console.log(formatTargets(targetChecks));
    console.log('');
    console.log(
      `Own CPU per operation, scale ${options.scale}: gateway, naive baseline, and the floor (plain @apollo/server + type-graphql, the same types and fields from memory, no Salesforce)`,
    );
    console.log('');
    console.log(formatCpuTable(results));
    const floorMismatches = results.filter((r) => r.floorSameAnswer === false).map((r) => r.label);
    if (floorMismatches.length > 0) {
      console.log(`The floor answered differently for: ${floorMismatches.join(', ')}`);
    }
    console.log('');
    console.log(formatTargets(cpuChecks));
  }
  if (scaleComparison) {
    console.log('');
    console.log(
      `Scale: the core operations on orgs seeded at scale ${scaleComparison.scales.join(', ')} ` +
        `(scale 1: 200 accounts, 1,000 contacts, 600 opportunities, 400 leads), ${options.latencyMs} ms per Salesforce call; ` +
        `each operation reads the same page count at every scale. Targets above: scale ${options.scale}.`,
    );
    console.log('');
    console.log(formatScaleComparison(scaleComparison));
  }
  if (linkedResult) {
    console.log('');
    console.log(
      `${linkedResult.label}: gateway vs naive per-account SDK baseline — ${options.latencyMs} ms injected per call to Salesforce, Stripe, Zendesk and QuickBooks, seed scale ${options.scale}`,
    );
    console.log('');
    console.log(formatLinkedResult(linkedResult));
    console.log('');
    console.log(
      `Sequential iterations: ${options.iterations} per server, after warm-up; calls from each emulator's /__emulator/stats total (by endpoint above). ` +
        `req/s: over a ${options.burstSeconds} s burst with ${options.concurrency} in flight. ` +
        `Linked lists are compared sorted by id (ties in "newest first" break differently).`,
    );
    if (!linkedResult.sameAnswer) console.log(`Answers differed for: ${linkedResult.label}`);
    console.log('');
    console.log(formatLinkedTargets(linkedChecks));
  }
  if (dashboard) {
    const { users, writeShare, warmupSteps, steps, measureSeconds } = options.dashboard;
    console.log('');
    console.log(
      `Dashboard: ${users} users signed in through the emulator's OAuth (AUTH_MODE=user; the demo org's admin and four reps, each login shared by ${Math.ceil(users / 5)} users) ` +
        `repeating list, nested, pipeline, salesPerformance and search with ${(writeShare * 100).toFixed(0)} % writes, ${options.latencyMs} ms per Salesforce call, seed scale ${options.scale}`,
    );
    console.log('');
    console.log(formatDashboard(dashboardPhases));
    console.log('');
    console.log(
      `Each phase: a fresh org and gateway; ${warmupSteps} warm-up steps per user (not counted), then up to ${steps} steps per user or ${measureSeconds} s. ` +
        `SF calls: the emulator's /__emulator/stats total over the measured window; hit ratio: gateway_cache_lookups_total from /metrics; ` +
        `after every write the user reads the record it wrote (readAfterWrite, counted as an operation), checked for the written value in warm-up too.`,
    );
  }
  console.log(`(${elapsedSeconds.toFixed(0)} s)`);

  const path = resolve(options.resultsPath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(
    path,
    `${JSON.stringify(
      {
        finishedAt: new Date().toISOString(),
        node: process.version,
        nodeEnv: BENCH_NODE_ENV,
        elapsedSeconds,
        options,
        operations: results,
        targets: targetChecks,
        cpuTargets: cpuChecks,
        scaleRuns,
        scaleComparison,
        linked: linkedResult ? { ...linkedResult, targets: linkedChecks } : null,
        dashboard: dashboardPhases,
      },
      (_key, value: unknown) =>
        typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
      2,
    )}\n`,
  );
  console.log(`Results written to ${path}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
