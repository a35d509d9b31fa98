import 'reflect-metadata';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import { loadConfig, type GatewayConfig } from '../../src/config';
import type {
  RunningSalesforceEmulator,
  SalesforceEmulatorOptions,
} from '../../src/emulators/salesforce';
import {
  createServer,
  type CreateServerOptions,
  type RunningGateway,
} from '../../src/server/create-server';
import { startDemoSalesforce } from '../../src/server/demo-bootstrap';
import {
  startDemoLinkedServices,
  type DemoLinkedOverrides,
  type DemoLinkedServices,
} from '../../src/server/demo-linked-services';
import { createLogger } from '../../src/logging/logger';
import { leftovers } from './leftovers';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface EmulatorStatsView {
  total: number;
  byEndpoint: Record<string, number>;
  /** Token endpoint calls by grant_type. */
  oauth: Record<string, number>;
  /** REST calls being served now, and the most served at once since the last stats reset. */
  concurrency: { inFlight: number; peak: number };
}

export interface TestGateway {
  /** `http://127.0.0.1:PORT/graphql` */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  authMode: string;
  emulatorUrl: string;
  emulator: RunningSalesforceEmulator;
  gateway: RunningGateway;
  graphql<T>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Like graphql(), with the HTTP status and headers. */
  post<T>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: GraphQLResponse<T> }>;
  emulatorStats(): Promise<EmulatorStatsView>;
  /** The config the gateway runs with (emulator URLs filled in): a second instance can share it. */
  config: GatewayConfig;
  /** The Stripe, Zendesk and QuickBooks emulators (only with the `linked` option). */
  linked: DemoLinkedServices | undefined;
  resetEmulatorStats(): Promise<void>;
  stop(): Promise<void>;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** A port free right now: user mode registers its callback URL before the gateway listens. */
async function reservePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface TestGatewayOptions {
  emulator?: SalesforceEmulatorOptions;
  /** Gateway environment on top of the test defaults, e.g. `{ AUTH_MODE: 'user' }`. */
  env?: Record<string, string>;
  /** Receives the gateway's log lines (pino JSON) at `logLevel`. */
  logDestination?: Writable;
  logLevel?: 'info' | 'debug' | 'trace';
  /** createServer's subscription options (queue bounds, Redis namespace, re-check period). */
  subscriptions?: CreateServerOptions['subscriptions'];
  /**
   * Also start the Stripe, Zendesk and QuickBooks emulators (port 0, same seed scale) with
   * these options; without it those services are unreachable and their fields fail.
   */
  linked?: DemoLinkedOverrides;
}

/** The gateway and a fresh emulated org, both on 127.0.0.1 port 0, talking over real HTTP. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    EMULATOR_SALESFORCE_PORT: '0',
    // Tests that set NODE_ENV=development/production must not all bind METRICS_PORT 9464.
    METRICS_ENABLED: 'false',
    EMULATOR_STRIPE_PORT: '0',
    EMULATOR_ZENDESK_PORT: '0',
    EMULATOR_QUICKBOOKS_PORT: '0',
    // The standard schema (schema.graphql) unless a test opts in: describing the org at start
    // costs Salesforce calls that tests counting calls do not expect.
    CUSTOM_FIELDS: 'none',
    ...options.env,
  };
  if (
    env.AUTH_MODE === 'user' &&
    env.GATEWAY_PUBLIC_URL === undefined &&
    env.SALESFORCE_REDIRECT_URI === undefined &&
    env.PORT === '0'
  ) {
    const port = await reservePort();
    env.PORT = String(port);
    env.GATEWAY_PUBLIC_URL = `http://127.0.0.1:${port}`;
  }
  const config = loadConfig(env);
  const demo = await startDemoSalesforce(config, { port: 0, ...options.emulator });
  let gateway: Awaited<ReturnType<typeof createServer>>;
  let linked: DemoLinkedServices | undefined;
  let gatewayConfig: GatewayConfig;
  try {
    linked = options.linked
      ? await startDemoLinkedServices(demo.config, options.linked)
      : undefined;
    gatewayConfig = linked?.config ?? demo.config;
    gateway = await createServer(gatewayConfig, {
      ...(options.logDestination
        ? { logger: createLogger(options.logLevel ?? 'debug', options.logDestination) }
        : {}),
      ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}),
    });
  } catch (err) {
    await linked?.stop();
    await demo.emulator.stop();
    throw err;
  }
  const emulatorUrl = demo.emulator.url;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    // A test may have stopped the emulator itself to simulate an outage.
    stopped ??= gateway.stop().finally(async () => {
      await linked?.stop();
      await demo.emulator.stop().catch((err: unknown) => {
        if ((err as { code?: unknown }).code !== 'ERR_SERVER_NOT_RUNNING') throw err;
      });
    });
    return stopped;
  };
  leftovers.push(stop);

  const post = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphQLResponse<T>,
    };
  };

  return {
    url: gateway.url,
    origin: new URL(gateway.url).origin,
    authMode: gateway.auth.mode,
    emulatorUrl,
    emulator: demo.emulator,
    config: gatewayConfig,
    linked,
    gateway,
    async graphql<T>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ) {
      return (await post<T>(query, variables, headers)).body;
    },
    post,
    async emulatorStats() {
      const response = await fetch(`${emulatorUrl}/__emulator/stats`);
      await expectOk(response, 'emulator stats');
      const stats = (await response.json()) as EmulatorStatsView;
      return {
        total: stats.total,
        byEndpoint: stats.byEndpoint,
        oauth: stats.oauth,
        concurrency: stats.concurrency,
      };
    },
    async resetEmulatorStats() {
      const response = await fetch(`${emulatorUrl}/__emulator/stats/reset`, { method: 'POST' });
      await expectOk(response, 'emulator stats reset');
    },
    stop,
  };
}
