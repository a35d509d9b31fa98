/**
 * `npx tsx bench/profile-operation.ts [accountsPage|nestedOpportunities|tenPageWalk]`: starts
 * the bench targets with the gateway under `--cpu-prof`, runs one operation `BENCH_ITERATIONS`
 * (500) times after warm-up, prints the gateway process's CPU per operation, then stops it so
 * the profile lands in bench/results/profiles/gateway/ (read it with bench/profile-summary.ts).
 */
import './production-env';
import { BENCH_OPERATIONS } from './bench-operations';
import { createGraphQLPost } from './graphql-http-client';
import { startBenchTargets } from './start-bench-targets';

async function main(): Promise<void> {
  const id = process.argv[2] ?? 'accountsPage';
  const op = BENCH_OPERATIONS.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id}: ${BENCH_OPERATIONS.map((o) => o.id).join(', ')}`);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 500);
  process.env.BENCH_CPU_PROF ??= 'gateway';
  const targets = await startBenchTargets({
    latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0),
    scale: 1,
  });
  try {
    const post = createGraphQLPost(targets.gateway.url);
    for (let i = 0; i < 50; i += 1) await op.run(post);
    const before = await targets.gateway.cpu();
    const started = Date.now();
    for (let i = 0; i < iterations; i += 1) await op.run(post);
    const after = await targets.gateway.cpu();
    const micros = after.user - before.user + (after.system - before.system);
    console.log(
      `${op.label}: gateway CPU ${(micros / 1000 / iterations).toFixed(2)} ms/op over ${iterations} ` +
        `(user ${((after.user - before.user) / 1000 / iterations).toFixed(2)}, system ${((after.system - before.system) / 1000 / iterations).toFixed(2)}) ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await targets.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
