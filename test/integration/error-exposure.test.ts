import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'graphql-ws';
import { loadConfig } from '../../src/config';
import { DEMO_OAUTH_CLIENT, startSalesforceEmulator } from '../../src/emulators/salesforce';
import { createServer, type RunningGateway } from '../../src/server/create-server';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';
import { leftovers } from '../helpers/leftovers';
import { integrationModeEnv } from '../helpers/spawn-gateway';
import { answerOverWs, connectWs } from '../helpers/subscriptions-client';

type Response = GraphQLResponse<Record<string, unknown>> & {
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown }>;
};

const API_KEY = { label: 'exposure', key: 'atom_exposure_test_key', pepper: 'p'.repeat(32) };

/**
 * A Salesforce instance URL that misbehaves: everything is the emulator's answer except
 * `/limits`, whose body lacks the shape the gateway reads. The gateway then fails inside its
 * own code (a TypeError with a stack through src/), a genuine INTERNAL_SERVER_ERROR.
 */
async function startMisbehavingInstance(emulatorUrl: string): Promise<string> {
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (/\/limits\/?$/.test(new URL(req.url ?? '/', 'http://x').pathname)) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ DailyApiRequests: null }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host',
        ),
      );
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(`${emulatorUrl}${req.url ?? '/'}`, { method: req.method, headers, body })
        .then(async (upstream) => {
          const text = await upstream.text();
          res.writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'application/json',
          });
          res.end(text);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  leftovers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A gateway in live mode against the emulator's login and the misbehaving instance. */
async function startLiveGateway(env: Record<string, string>): Promise<RunningGateway> {
  const emulator = await startSalesforceEmulator();
  leftovers.push(() => emulator.stop());
  const instanceUrl = await startMisbehavingInstance(emulator.url);
  const config = loadConfig({
    ...integrationModeEnv({
      loginUrl: emulator.url,
      clientId: DEMO_OAUTH_CLIENT.clientId,
      apiKey: API_KEY,
    }),
    SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
    SALESFORCE_INSTANCE_URL: instanceUrl,
    ...env,
  });
  const gateway = await createServer(config);
  leftovers.push(() => gateway.stop());
  return gateway;
}

async function post(
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Response }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Response };
}

const overWs = (client: Client, operation: Parameters<typeof answerOverWs>[1]) =>
  answerOverWs(client, operation) as Promise<Response>;

function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  const ws = connectWs(url, connectionParams ? { connectionParams } : {});
  leftovers.push(() => ws.dispose());
  return ws.client;
}

const AUTH = { 'x-api-key': API_KEY.key };
const API_USAGE = '{ apiUsage { used max } }';
/** Anything that would tell a client where the code lives or what failed inside it. */
const INTERNALS =
  /stacktrace|\/src\/|\.ts:\d+|node_modules|at [A-Za-z.]+ \(|reading 'Max'|TypeError/;

describe('internal errors (a Salesforce instance answering an unexpected body)', () => {
  it('are masked by default, even with NODE_ENV=development: no stack, no path, no message', async () => {
    const gateway = await startLiveGateway({ NODE_ENV: 'development' });
    const { status, body } = await post(gateway.url, API_USAGE, AUTH);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['apiUsage'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(INTERNALS);

    const overSocket = await overWs(wsClient(gateway.url, { 'X-API-Key': API_KEY.key }), API_USAGE);
    expect(overSocket.errors).toEqual(body.errors);
  });

  it('carry the message and stack trace only with DEBUG_ERRORS=true', async () => {
    const gateway = await startLiveGateway({ NODE_ENV: 'development', DEBUG_ERRORS: 'true' });
    const { body } = await post(gateway.url, API_USAGE, AUTH);
    const [error] = body.errors ?? [];
    expect(error?.message).toMatch(/Cannot read properties of null \(reading 'Max'\)/);
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const stacktrace = error?.extensions?.stacktrace;
    expect(Array.isArray(stacktrace)).toBe(true);
    expect((stacktrace as string[]).join('\n')).toMatch(/jsforce-client\.ts/);

    const overSocket = await overWs(wsClient(gateway.url, { 'X-API-Key': API_KEY.key }), API_USAGE);
    expect(overSocket.errors?.[0]?.message).toMatch(/reading 'Max'/);
    expect(overSocket.errors?.[0]?.extensions?.stacktrace).toEqual(
      expect.arrayContaining([expect.stringMatching(/jsforce-client\.ts/)]),
    );
  });

  it('refuses DEBUG_ERRORS=true with NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEBUG_ERRORS: 'true' })).toThrow(
      /DEBUG_ERRORS: refused with NODE_ENV=production/,
    );
  });
});

describe('a live org in production', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startLiveGateway({ NODE_ENV: 'production' });
  });

  it('masks internal errors', async () => {
    const { body } = await post(gateway.url, API_USAGE, AUTH);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(body)).not.toMatch(INTERNALS);
  });

  it('refuses introspection over HTTP and WebSocket by default, and serves no Sandbox page', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const refused = {
      message:
        'Introspection is disabled on this gateway (GRAPHQL_INTROSPECTION=false): "__schema" cannot be queried',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'BAD_USER_INPUT', reason: 'INTROSPECTION_DISABLED' },
    };
    const http = await post(gateway.url, introspection, AUTH);
    expect(http.body.errors).toEqual([refused]);
    const typeQuery = await post(gateway.url, '{ __type(name: "Account") { name } }', AUTH);
    expect(typeQuery.body.errors?.[0]?.extensions?.reason).toBe('INTROSPECTION_DISABLED');
    const overSocket = await overWs(
      wsClient(gateway.url, { 'X-API-Key': API_KEY.key }),
      introspection,
    );
    expect(overSocket.errors).toEqual([refused]);
    // __typename is not introspection of the schema.
    expect((await post(gateway.url, '{ __typename }', AUTH)).body).toEqual({
      data: { __typename: 'Query' },
    });

    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    await page.body?.cancel();
  });

  it('hides field suggestions', async () => {
    const { body } = await post(gateway.url, '{ acounts { totalCount } }', AUTH);
    expect(body.errors?.[0]?.message).toBe('Cannot query field "acounts" on type "Query".');
  });
});

describe('field suggestions ("Did you mean …?")', () => {
  const TYPO = '{ acounts { totalCount } }';
  const ENUM_TYPO = '{ accounts(first: 1, orderBy: [{ field: NAM }]) { totalCount } }';
  // Found while coercing variables, at execution rather than validation.
  const VARIABLE_QUERY =
    'query ($order: [AccountOrderBy!]) { accounts(first: 1, orderBy: $order) { totalCount } }';
  const VARIABLE_TYPO = { order: [{ field: 'NAM' }] };

  async function messages(gateway: TestGateway): Promise<string[]> {
    const ws = wsClient(gateway.url);
    const results = [
      await gateway.graphql(TYPO),
      await gateway.graphql(ENUM_TYPO),
      await overWs(ws, TYPO),
      await overWs(ws, ENUM_TYPO),
      await gateway.graphql(VARIABLE_QUERY, VARIABLE_TYPO),
    ];
    return results.map((result) => {
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors?.[0]?.message ?? '';
    });
  }

  it.each(['test', 'production'])(
    'are absent with NODE_ENV=%s, over HTTP and WebSocket',
    async (nodeEnv) => {
      const gateway = await startTestGateway({ env: { NODE_ENV: nodeEnv } });
      const [typo, enumTypo, wsTypo, wsEnumTypo, variableTypo] = await messages(gateway);
      expect(typo).toBe('Cannot query field "acounts" on type "Query".');
      expect(variableTypo).toMatch(/Value "NAM" does not exist in "AccountSortField" enum\.$/);
      expect(wsTypo).toBe(typo);
      expect(enumTypo).toMatch(/^Value "NAM" does not exist in "\w+" enum\.$/);
      expect(wsEnumTypo).toBe(enumTypo);
    },
  );

  it('are present with NODE_ENV=development', async () => {
    const gateway = await startTestGateway({ env: { NODE_ENV: 'development' } });
    const [typo, enumTypo, wsTypo, wsEnumTypo, variableTypo] = await messages(gateway);
    expect(typo).toMatch(/Did you mean "accounts"/);
    expect(variableTypo).toMatch(/Did you mean the enum value "NAME"\?/);
    expect(wsTypo).toBe(typo);
    expect(enumTypo).toMatch(/Did you mean the enum value "NAME"\?/);
    expect(wsEnumTypo).toBe(enumTypo);
  });
});

describe('introspection in the demo', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';

  it('is on, over HTTP and WebSocket, with the Sandbox page in development', async () => {
    const gateway = await startTestGateway({ env: { NODE_ENV: 'development' } });
    expect(await gateway.graphql(INTROSPECTION)).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    expect(await overWs(wsClient(gateway.url), INTROSPECTION)).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/sandbox/i);
  });

  it('can be switched off (GRAPHQL_INTROSPECTION=false), and the Sandbox page with it', async () => {
    const gateway = await startTestGateway({
      env: { NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' },
    });
    const http = await gateway.post(INTROSPECTION);
    expect(http.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INTROSPECTION_DISABLED',
    });
    expect((await overWs(wsClient(gateway.url), INTROSPECTION)).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INTROSPECTION_DISABLED',
    });
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    await page.body?.cancel();
  });
});

describe('graphql-ws close reasons', () => {
  // graphql-ws reports an internal error of onConnect on the server's console; the operator
  // keeps the detail the client does not get.
  let consoleErrors: jest.SpyInstance;
  beforeEach(() => {
    consoleErrors = jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    // The login's retries soon open the breaker; then its message is the internal one.
    expect(consoleErrors.mock.calls.flat().join(' ')).toMatch(/ECONNREFUSED|circuit breaker open/);
    consoleErrors.mockRestore();
  });

  /** A gateway whose org is unreachable: resolving a socket's viewer fails inside onConnect. */
  async function startOrphanGateway(env: Record<string, string>): Promise<RunningGateway> {
    const closed = createHttpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const config = loadConfig({
      ...integrationModeEnv({
        loginUrl: `http://127.0.0.1:${port}`,
        clientId: DEMO_OAUTH_CLIENT.clientId,
        apiKey: API_KEY,
      }),
      SALESFORCE_CLIENT_SECRET: DEMO_OAUTH_CLIENT.clientSecret,
      ...env,
    });
    const gateway = await createServer(config);
    leftovers.push(() => gateway.stop());
    return gateway;
  }

  it('carry no internal message by default (4500 "Internal server error")', async () => {
    const gateway = await startOrphanGateway({ NODE_ENV: 'development' });
    const ws = connectWs(gateway.url, { connectionParams: { 'X-API-Key': API_KEY.key } });
    leftovers.push(() => ws.dispose());
    expect(await ws.closed).toEqual({ code: 4500, reason: 'Internal server error' });
  });

  it('carry the internal message with DEBUG_ERRORS=true', async () => {
    const gateway = await startOrphanGateway({ NODE_ENV: 'development', DEBUG_ERRORS: 'true' });
    const ws = connectWs(gateway.url, { connectionParams: { 'X-API-Key': API_KEY.key } });
    leftovers.push(() => ws.dispose());
    const { code, reason } = await ws.closed;
    expect(code).toBe(4500);
    expect(reason).not.toBe('Internal server error');
    expect(reason).toMatch(/ECONNREFUSED|fetch failed|unavailable|circuit breaker open/i);
  });
});
