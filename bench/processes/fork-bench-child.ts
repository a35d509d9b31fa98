import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { isChildReply, isChildStatus, type ChildReply } from './bench-child-protocol';

export interface BenchChild<R> {
  name: string;
  ready: R;
  request<T>(type: string, payload?: unknown): Promise<T>;
  /** `process.cpuUsage()` inside the child (µs, user and system). */
  cpu(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

export interface ForkOptions {
  /** Extra node flags for the child, e.g. `--cpu-prof`. */
  nodeFlags?: readonly string[];
  env?: Record<string, string>;
}

/**
 * Forks `entry` (a bench/processes or bench/floor *-process.ts) under tsx with `input` as its
 * BENCH_CHILD_INPUT, and waits for its ready message. The child's stdout/stderr go to ours.
 */
export async function forkBenchChild<R>(
  name: string,
  entry: string,
  input: unknown,
  options: ForkOptions = {},
): Promise<BenchChild<R>> {
  const child: ChildProcess = fork(resolve(entry), [], {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env, BENCH_CHILD_INPUT: JSON.stringify(input) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (reply: ChildReply) => void>();
  let nextId = 1;
  let exited = false;
  const exitedPromise = new Promise<void>((done) => {
    child.once('exit', (code, signal) => {
      exited = true;
      for (const settle of pending.values()) {
        settle({ id: 0, ok: false, error: `${name} exited (${code ?? signal ?? ''})` });
      }
      pending.clear();
      done();
    });
  });
  const ready = await new Promise<R>((resolveReady, reject) => {
    const onMessage = (message: unknown): void => {
      if (isChildStatus(message)) {
        child.off('message', onMessage);
        if (message.status === 'ready') resolveReady(message.value as R);
        else reject(new Error(`${name} failed to start: ${message.error}`));
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${name} exited before ready (${code})`)));
  });
  child.on('message', (message: unknown) => {
    if (!isChildReply(message)) return;
    const settle = pending.get(message.id);
    pending.delete(message.id);
    settle?.(message);
  });
  const request = <T>(type: string, payload?: unknown): Promise<T> => {
    if (exited) return Promise.reject(new Error(`${name} has exited`));
    const id = nextId;
    nextId += 1;
    return new Promise<T>((resolveReply, reject) => {
      pending.set(id, (reply) => {
        if (reply.ok) resolveReply(reply.value as T);
        else reject(new Error(`${name} ${type}: ${reply.error}`));
      });
      child.send({ id, type, payload });
    });
  };
  return {
    name,
    ready,
    request,
    cpu: () => request<NodeJS.CpuUsage>('cpu'),
    stop: async () => {
      if (exited) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      try {
        await request('stop').catch(() => undefined);
        await exitedPromise;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
