import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { loginBaselineConnection, type BaselineLogin } from './baseline-connection';
import { connectBaselineLinked, type BaselineLinkedTargets } from './baseline-linked';
import { createBaselineRoot, type BaselineRoot } from './baseline-resolvers';
import { BASELINE_SDL } from './baseline-schema';

export interface RunningBaseline {
  /** `http://127.0.0.1:PORT/graphql` */
  url: string;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

class BadRequest extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(body: string): { query: string; variables: Record<string, unknown> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BadRequest('body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || !('query' in parsed)) {
    throw new BadRequest('body has no query');
  }
  const { query } = parsed;
  const variables = 'variables' in parsed ? parsed.variables : undefined;
  if (typeof query !== 'string') throw new BadRequest('query must be a string');
  if (variables !== undefined && variables !== null && typeof variables !== 'object') {
    throw new BadRequest('variables must be an object');
  }
  return { query, variables: (variables ?? {}) as Record<string, unknown> };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function handle(
  schema: GraphQLSchema,
  root: BaselineRoot,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname !== '/graphql') return send(res, 404, { errors: [{ message: 'Not found' }] });
  if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'POST only' }] });
  try {
    const { query, variables } = parseRequest(await readBody(req));
    const result = await graphql({
      schema,
      source: query,
      rootValue: root,
      variableValues: variables,
    });
    send(res, 200, result);
  } catch (err) {
    if (err instanceof BadRequest) return send(res, 400, { errors: [{ message: err.message }] });
    throw err;
  }
}

/**
 * A plain graphql-js server over node:http whose resolvers call jsforce once per record and,
 * with `linked`, the Stripe, Zendesk and QuickBooks SDKs once per account and field.
 */
export async function startBaselineServer(
  login: BaselineLogin & { port?: number; linked?: BaselineLinkedTargets },
): Promise<RunningBaseline> {
  const conn = await loginBaselineConnection(login);
  const linked = login.linked ? await connectBaselineLinked(login.linked) : undefined;
  const schema = buildSchema(BASELINE_SDL);
  const root = createBaselineRoot(conn, linked);
  const server = createServer((req, res) => {
    handle(schema, root, req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        send(res, 500, { errors: [{ message: err instanceof Error ? err.message : String(err) }] });
      } else {
        res.end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(login.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
