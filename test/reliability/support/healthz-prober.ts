import { Worker } from 'node:worker_threads';

export interface ProbeReport {
  probes: number;
  /** Probes that got no 200 `{"status":"ok"}` within the probe timeout. */
  failures: number;
  /** The slowest answer, failures included (a timed-out probe counts its timeout). */
  maxMs: number;
  /** The first few failures, to say why. */
  failureSamples: string[];
}

export interface HealthzProber {
  /** Stops probing and resolves once the probe in flight has finished. */
  stop(): Promise<ProbeReport>;
}

export interface HealthzProberOptions {
  /** Time from one probe's start to the next one's. */
  intervalMs?: number;
  /** A probe not answered within this long is a failure. */
  timeoutMs?: number;
}

/**
 * Runs in its own thread so that what the test's thread does (the emulated org answering the
 * gateway, a flood of requests being built) cannot delay a probe and be blamed on the
 * gateway: the latency measured is the gateway's and the loopback's only. Plain JavaScript
 * because a worker does not go through jest's TypeScript transform.
 */
const PROBER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, intervalMs, timeoutMs } = workerData;
const report = { probes: 0, failures: 0, maxMs: 0, failureSamples: [] };
let stopping = false;
parentPort.on('message', () => { stopping = true; });
const fail = (why) => {
  report.failures += 1;
  if (report.failureSamples.length < 5) report.failureSamples.push(why);
};
(async () => {
  // The first fetch of a thread loads and sets up its HTTP client (hundreds of ms on a busy
  // machine): done before the scenario starts, and not measured.
  try {
    await (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).text();
  } catch (error) {
    fail('warm-up: ' + String(error && error.message || error));
  }
  parentPort.postMessage('ready');
  while (!stopping) {
    const started = performance.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      const body = await response.text();
      if (response.status !== 200 || !body.includes('"ok"')) fail('HTTP ' + response.status + ' ' + body.slice(0, 100));
    } catch (error) {
      fail(String(error && error.message || error));
    }
    const elapsed = performance.now() - started;
    report.probes += 1;
    report.maxMs = Math.max(report.maxMs, elapsed);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - elapsed)));
  }
  parentPort.postMessage(report);
})();
`;

/** Probes `<origin>/healthz` every ~50 ms until stopped; resolves once probing started. */
export async function startHealthzProber(
  origin: string,
  options: HealthzProberOptions = {},
): Promise<HealthzProber> {
  const worker = new Worker(PROBER_SOURCE, {
    eval: true,
    workerData: {
      url: `${origin}/healthz`,
      intervalMs: options.intervalMs ?? 50,
      timeoutMs: options.timeoutMs ?? 2_000,
    },
  });
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const reported = new Promise<ProbeReport>((resolve, reject) => {
    worker.on('message', (message: 'ready' | ProbeReport) => {
      if (message === 'ready') onReady();
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the /healthz prober exited with ${code}`)));
  });
  await Promise.race([ready, reported]);
  let stopped: Promise<ProbeReport> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        worker.postMessage('stop');
        try {
          return await reported;
        } finally {
          await worker.terminate();
        }
      })();
      return stopped;
    },
  };
}
