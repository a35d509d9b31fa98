import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { hashApiKey } from '../../src/auth/api-keys';
import { leftovers } from './leftovers';

const ROOT = join(__dirname, '../..');

/** The line `src/main.ts` prints once it listens; the test entry prints the same. */
const READY_LINE = /^GraphQL gateway\s+(\S+)$/;

/** A stuck child must never hold the test run: SIGKILL after this long. */
const STOP_GRACE_MS = 5_000;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedGateway {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT/graphql` */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  exited: Promise<ProcessExit>;
  /** SIGTERM, as a process manager stops it; SIGKILL if it has not exited in time. */
  stop(): Promise<ProcessExit>;
}

export interface SpawnGatewayOptions {
  /** The script to run, relative to the repository root. */
  entry?: string;
  startTimeoutMs?: number;
}

/**
 * Only what node and tsx need to run, plus the test's variables: nothing of the runner's
 * environment (REDIS_URL, SALESFORCE_*, a developer's .env exports) leaks into the gateway,
 * so each test states every setting it depends on.
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) inherited[name] = value;
  }
  return { ...inherited, ...env };
}

/**
 * `node --import tsx src/main.ts`, as `npm start` runs it, on the environment given; resolves
 * once it printed its URL. node itself runs the script (not the tsx CLI, which would fork),
 * so a signal sent to `child` reaches the gateway. The test file's leftovers stop it.
 */
export function spawnGateway(
  env: Record<string, string>,
  options: SpawnGatewayOptions = {},
): Promise<SpawnedGateway> {
  const entry = options.entry ?? 'src/main.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], {
    env: childEnv(env),
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const stop = async (): Promise<ProcessExit> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      try {
        return await exited;
      } finally {
        clearTimeout(kill);
      }
    }
    return exited;
  };
  leftovers.push(stop);

  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} did not start: ${stderr}`)),
      options.startTimeoutMs ?? 30_000,
    );
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code ?? signal}: ${stderr}`));
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ child, url: match[1], origin: new URL(match[1]).origin, exited, stop });
    });
  });
}

export interface IntegrationModeEnv {
  /** The emulated org's login URL. */
  loginUrl: string;
  clientId: string;
  /** The one API key the test calls with, and the pepper its hash is made with. */
  apiKey: { label: string; key: string; pepper: string };
}

/**
 * A gateway in integration mode against an org, answering one API key: what every
 * child-process test starts from. Credentials beyond the client id (secret, JWT key) and
 * Redis settings are the test's own, so each names what it depends on.
 */
export function integrationModeEnv(options: IntegrationModeEnv): Record<string, string> {
  const { label, key, pepper } = options.apiKey;
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SALESFORCE_MODE: 'live',
    SALESFORCE_LOGIN_URL: options.loginUrl,
    SALESFORCE_CLIENT_ID: options.clientId,
    AUTH_MODE: 'integration',
    API_KEYS: `${label}:${hashApiKey(key, pepper)}`,
    API_KEY_PEPPER: pepper,
    // Tests that switch NODE_ENV to development/production must not all bind METRICS_PORT 9464.
    METRICS_ENABLED: 'false',
  };
}
