/**
 * The child side of a bench process (emulators, gateway, baseline, floor): it starts its
 * server from the JSON the parent put in BENCH_CHILD_INPUT, tells the parent it is ready,
 * then answers the parent's requests over the IPC channel. `cpu` is built in: this process's
 * own `process.cpuUsage()`, so a server's CPU per operation is that server's alone (the load
 * clients and the emulators run in other processes).
 */
import type { ChildReply, ChildRequest, ChildStatus } from './bench-child-protocol';

export type ChildHandler = (payload: unknown) => unknown;

export interface StartedChild<R> {
  ready: R;
  handlers?: Record<string, ChildHandler>;
  stop(): Promise<void>;
}

function send(message: ChildStatus | ChildReply): void {
  process.send?.(message);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

export function readChildInput<T>(): T {
  const raw = process.env.BENCH_CHILD_INPUT;
  if (raw === undefined)
    throw new Error('BENCH_CHILD_INPUT is not set: start me with forkBenchChild');
  return JSON.parse(raw) as T;
}

export function runBenchChild<R>(start: () => Promise<StartedChild<R>>): void {
  if (!process.send) throw new Error('a bench child needs an IPC channel (child_process.fork)');
  start().then(
    (started) => {
      const handlers: Record<string, ChildHandler> = {
        cpu: () => process.cpuUsage(),
        memory: () => process.memoryUsage(),
        ...started.handlers,
      };
      let stopping = false;
      process.on('message', (raw: ChildRequest) => {
        if (raw.type === 'stop') {
          if (stopping) return;
          stopping = true;
          // A normal exit, not a kill: --cpu-prof writes its profile only then.
          started.stop().then(
            () => {
              send({ id: raw.id, ok: true, value: null });
              process.disconnect?.();
              process.exit(0);
            },
            (err: unknown) => {
              send({ id: raw.id, ok: false, error: messageOf(err) });
              process.exit(1);
            },
          );
          return;
        }
        const handler = handlers[raw.type];
        if (!handler) {
          send({ id: raw.id, ok: false, error: `no handler for ${raw.type}` });
          return;
        }
        Promise.resolve()
          .then(() => handler(raw.payload))
          .then(
            (value) => send({ id: raw.id, ok: true, value }),
            (err: unknown) => send({ id: raw.id, ok: false, error: messageOf(err) }),
          );
      });
      // The parent died: nothing will ever ask this process to stop.
      process.on('disconnect', () => {
        if (!stopping) process.exit(0);
      });
      send({ status: 'ready', value: started.ready });
    },
    (err: unknown) => {
      send({ status: 'failed', error: messageOf(err) });
      process.exitCode = 1;
      process.disconnect?.();
    },
  );
}
