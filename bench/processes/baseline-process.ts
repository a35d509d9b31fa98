/** The naive baseline alone in its process: its `cpu` answer is the baseline's own. */
import '../production-env';
import { startBaselineServer } from '../baseline/baseline-server';
import { readChildInput, runBenchChild } from './bench-child';
import type { BaselineInput, ServerReady } from './bench-processes';

runBenchChild<ServerReady>(async () => {
  const baseline = await startBaselineServer(readChildInput<BaselineInput>());
  return { ready: { url: baseline.url }, stop: () => baseline.stop() };
});
