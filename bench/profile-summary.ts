/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top=25] [skipSeconds=0]`: the profile's
 * heaviest functions by self time and by package, idle left out (startup can be skipped).
 * Sampled time is on-thread wall time, so a socket write that gives the core to the process it
 * woke shows up heavier than the CPU it used: compare with `process.cpuUsage()`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function place(url: string): string {
  return url.replace(/.*node_modules\//, '').replace(/.*?\/(src|bench)\//, '$1/');
}

function packageOf(url: string): string {
  if (url === '') return '(native, GC)';
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep?.[1]) return dep[1];
  const own = /\/(src\/[^/]+\/[^/]+|bench\/[^/]+)/.exec(url);
  if (own?.[1]) return own[1];
  return url.startsWith('node:') ? url.split('/').slice(0, 3).join('/') : url;
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([k, us]) =>
        `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`,
    );
}

function main(): void {
  const [file, topArg, skipArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top] [skipSeconds]');
  const count = Number(topArg ?? 25);
  const skipMicros = Number(skipArg ?? 0) * 1e6;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  let elapsed = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsed += delta;
    const node = nodes.get(id);
    if (elapsed < skipMicros || !node || node.callFrame.functionName === '(idle)') return;
    busy += delta;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${place(url)}${url ? `:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + delta);
    const pkg = packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + delta);
  });
  console.log(`busy ${(busy / 1000).toFixed(0)} ms of ${(elapsed / 1e6).toFixed(1)} s sampled`);
  console.log('\nself time (% of busy)');
  for (const line of top(self, busy, count)) console.log(line);
  console.log('\nby package or module (% of busy)');
  for (const line of top(packages, busy, count)) console.log(line);
}

main();
