import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import type {
  RunningSalesforceEmulator,
  SalesforceEmulatorOptions,
} from '../../src/emulators/salesforce';
import { createServer } from '../../src/server/create-server';
import { startDemoSalesforce } from '../../src/server/demo-bootstrap';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestGateway {
  url: string;
  emulatorUrl: string;
  emulator: RunningSalesforceEmulator;
  graphql<T>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  emulatorStats(): Promise<{ total: number; byEndpoint: Record<string, number> }>;
  resetEmulatorStats(): Promise<void>;
  stop(): Promise<void>;
}

/** Every disposer of this test file, run in afterAll (graphql-ws `tests/utils/tservers.ts`). */
export const leftovers: Array<() => Promise<void>> = [];

export async function flushLeftovers(): Promise<void> {
  while (leftovers.length > 0) {
    const dispose = leftovers.pop();
    if (dispose) await dispose();
  }
}

afterAll(flushLeftovers);

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** The gateway and a fresh emulated org, both on 127.0.0.1 port 0, talking over real HTTP. */
export async function startTestGateway(
  options: { emulator?: SalesforceEmulatorOptions; env?: Record<string, string> } = {},
): Promise<TestGateway> {
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    EMULATOR_SALESFORCE_PORT: '0',
    ...options.env,
  });
  const demo = await startDemoSalesforce(config, { port: 0, ...options.emulator });
  let gateway: Awaited<ReturnType<typeof createServer>>;
  try {
    gateway = await createServer(demo.config);
  } catch (err) {
    await demo.emulator.stop();
    throw err;
  }
  const emulatorUrl = demo.emulator.url;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    // A test may have stopped the emulator itself to simulate an outage.
    stopped ??= gateway.stop().finally(() =>
      demo.emulator.stop().catch((err: unknown) => {
        if ((err as { code?: unknown }).code !== 'ERR_SERVER_NOT_RUNNING') throw err;
      }),
    );
    return stopped;
  };
  leftovers.push(stop);

  return {
    url: gateway.url,
    emulatorUrl,
    emulator: demo.emulator,
    async graphql<T>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
    async emulatorStats() {
      const response = await fetch(`${emulatorUrl}/__emulator/stats`);
      await expectOk(response, 'emulator stats');
      const stats = (await response.json()) as {
        total: number;
        byEndpoint: Record<string, number>;
      };
      return { total: stats.total, byEndpoint: stats.byEndpoint };
    },
    async resetEmulatorStats() {
      const response = await fetch(`${emulatorUrl}/__emulator/stats/reset`, { method: 'POST' });
      await expectOk(response, 'emulator stats reset');
    },
    stop,
  };
}
