import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { z } from 'zod';
import type { GatewayContext } from '../../context/gateway-context';
import { UnauthenticatedError } from '../../errors';
import type { GatewayAuth } from '../gateway-auth';
import { createRestHandler } from './rest-handler';
import type { RestRoute } from './rest-route';

/**
 * The handler on its own, over a real socket and a real Apollo server with a tiny schema:
 * what happens when the operation fails in a resolver, when the answer cannot be shaped, and
 * when no context can be made.
 */

const SCHEMA = {
  typeDefs: 'type Query { ok: String!, boom: String! }',
  resolvers: {
    Query: {
      ok: () => 'fine',
      boom: () => {
        throw new Error('secret internals');
      },
    },
  },
};

function route(overrides: Partial<RestRoute>): RestRoute {
  return {
    operationId: 'ok',
    method: 'GET',
    path: '/salesforce/ok',
    tag: 'Test',
    summary: '',
    description: '',
    document: 'query Ok { ok }',
    variables: () => ({}),
    respond: (data) => ({ status: 200, body: data }),
    success: { status: 200, description: '', schema: z.unknown() },
    errors: [],
    ...overrides,
  };
}

const ROUTES: RestRoute[] = [
  route({}),
  route({ operationId: 'boom', path: '/salesforce/boom', document: 'query Boom { boom }' }),
  route({
    operationId: 'shapeless',
    path: '/salesforce/shapeless',
    respond: () => {
      throw new Error('cannot shape');
    },
  }),
  route({
    operationId: 'echo',
    method: 'POST',
    path: '/salesforce/echo',
    body: z.strictObject({ n: z.number() }),
    respond: (_data, input) => ({ status: 200, body: input.body }),
  }),
];

let server: Server;
let apollo: ApolloServer<GatewayContext>;
let origin: string;
let refuseContext = false;

beforeAll(async () => {
  apollo = new ApolloServer<GatewayContext>(SCHEMA);
  await apollo.start();
  const handle = createRestHandler({
    apollo,
    routes: ROUTES,
    createContext: async () => {
      if (refuseContext) throw new UnauthenticatedError('No credentials', { reason: 'missing' });
      return {} as unknown as GatewayContext;
    },
    formatError: (formatted) => ({ ...formatted, message: `formatted: ${formatted.message}` }),
    openApi: () => ({ openapi: '3.1.0' }),
  });
  server = createServer((req, res) => {
    res.setHeader('x-request-id', 'req-1');
    void handle(req, res, {} as unknown as GatewayAuth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await apollo.stop();
});

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${origin}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

describe('createRestHandler', () => {
  it('runs the route operation through Apollo and answers its data', async () => {
    expect(await call('/salesforce/ok')).toMatchObject({ status: 200, body: { ok: 'fine' } });
  });

  it('answers a resolver failure with 500 INTERNAL_SERVER_ERROR in the REST body', async () => {
    const answer = await call('/salesforce/boom');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'secret internals', requestId: 'req-1' },
    });
  });

  it('answers a failure to shape the answer with a masked 500 in the REST body', async () => {
    const answer = await call('/salesforce/shapeless');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: {
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Internal server error',
        requestId: 'req-1',
      },
    });
  });

  it('answers a context that cannot be made with its code, through formatError', async () => {
    refuseContext = true;
    try {
      const answer = await call('/salesforce/ok');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(answer.body).toEqual({
        error: {
          code: 'UNAUTHENTICATED',
          message: 'formatted: No credentials',
          requestId: 'req-1',
          details: { reason: 'missing' },
        },
      });
    } finally {
      refuseContext = false;
    }
  });

  it('validates a JSON body, refuses other types with 415 and a body over the limit with 413', async () => {
    const post = (body: string, type = 'application/json') =>
      call('/salesforce/echo', { method: 'POST', headers: { 'content-type': type }, body });
    expect(await post('{"n":1}')).toMatchObject({ status: 200, body: { n: 1 } });
    expect(await post('{"n":"1"}')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', fields: { n: expect.any(String) } } },
    });
    expect(await post('{"n":1}', 'application/vnd.api+json; charset=utf-8')).toMatchObject({
      status: 200,
    });
    expect((await post('n=1', 'text/plain')).status).toBe(415);
    const huge = await post(JSON.stringify({ n: 1, pad: 'x'.repeat(1_100_000) }));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'BAD_REQUEST' } } });
  });

  it('answers the methods a path has: 405 with Allow, a plain OPTIONS with 204', async () => {
    const wrong = await call('/salesforce/ok', { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const options = await call('/salesforce/echo', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('serves the OpenAPI document and 404s any path outside the table', async () => {
    expect(await call('/salesforce/openapi.json')).toMatchObject({
      status: 200,
      body: { openapi: '3.1.0' },
    });
    expect((await call('/salesforce/openapi.json', { method: 'POST' })).status).toBe(405);
    expect(await call('/salesforce/nothing')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', requestId: 'req-1' } },
    });
  });
});
