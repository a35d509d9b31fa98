import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { leftovers } from '../../helpers/leftovers';
import { freePort } from './free-port';

/**
 * A Redis server of the battery's own on a free port, so it can be killed and restarted
 * without touching the shared one on 6379. Nothing persisted (`--save ""`, no AOF): a
 * restart comes back empty, as a cache-only Redis without persistence does.
 */
export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL, as a crash or an OOM kill does: no clean shutdown for the clients. */
  kill(): Promise<void>;
  /** A new server on the same port. */
  restart(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  // Only the wait below listens; a later kill must not be an unhandled rejection.
  failed.catch(() => undefined);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const up = await Promise.race([ping(port), failed]);
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server on ${port} did not answer PING`);
}

function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let server = await startServer(port);
  leftovers.push(() => killed(server));
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => killed(server),
    restart: async () => {
      await killed(server);
      server = await startServer(port);
    },
  };
}
