import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, toGraphQLError } from '../../errors';
import type { GatewayContext } from '../../context/gateway-context';
import { isRecord } from '../../lib/is-record';
import type { Logger } from '../../logging/logger';
import type { GatewayAuth } from '../gateway-auth';
import { HttpBodyError, readBody, toHeaderMap } from '../http-adapter';
import {
  fieldProblems,
  fromGraphQLError,
  restError,
  sendJson,
  sendRestError,
  type RestError,
} from './rest-errors';
import { ifMatch, noneMatch, recordEtag } from './rest-etag';
import { nextPageLink } from './rest-link-header';
import { parseListParams, problems, type Parsed } from './rest-query-params';
import type { RestInput, RestRoute } from './rest-route';
import { REST_PREFIX } from './rest-route-table';
import { operationAbortController } from '../operation-abort';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** A fresh per-operation context, made exactly as /graphql makes one (routes.ts). */
export type RestContextFactory = (
  req: IncomingMessage,
  auth: GatewayAuth,
  request: { requestId: string; signal: AbortSignal },
) => Promise<GatewayContext>;

export interface RestHandlerDeps {
  apollo: ApolloServer<GatewayContext>;
  routes: readonly RestRoute[];
  createContext: RestContextFactory;
  /** Apollo's formatError, for a context that could not be made (e.g. 401). */
  formatError?: FormatError;
  /** The OpenAPI document, served at /salesforce/openapi.json. */
  openApi: () => unknown;
  logger?: Logger;
}

export const OPENAPI_PATH = `${REST_PREFIX}/openapi.json`;

interface CompiledRoute {
  route: RestRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: RestRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseQuery(route: RestRoute, search: URLSearchParams): Parsed<Record<string, unknown>> {
  if (route.list) {
    const parsed = parseListParams(search, route.list);
    return parsed.ok ? { ok: true, value: { ...parsed.value } } : parsed;
  }
  const specs = route.query ?? {};
  const fields = problems();
  const value: Record<string, unknown> = {};
  for (const name of new Set(search.keys())) {
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      fields[name] =
        known.length > 0 ? `unknown parameter; one of ${known.join(', ')}` : 'takes no parameters';
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const raws = search.getAll(name);
    if (raws.length === 0) {
      if (spec.required) fields[name] = 'is required';
      continue;
    }
    if (raws.length > 1) {
      fields[name] = 'may be given once';
      continue;
    }
    const parsed = spec.schema.safeParse(raws[0]);
    if (parsed.success) value[name] = parsed.data;
    else fields[name] = parsed.error.issues.map((issue) => issue.message).join('; ');
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, value };
}

type BodyOutcome = { ok: true; body: Record<string, unknown> | undefined } | RestError;

async function parseBody(route: RestRoute, req: IncomingMessage): Promise<BodyOutcome> {
  if (!route.body) return { ok: true, body: undefined };
  const contentType = singleHeader(req, 'content-type');
  // A form or text/plain body is what a cross-site page can send without a preflight.
  if (contentType === undefined || !JSON_TYPE.test(contentType)) {
    return restError(415, ErrorCode.BAD_REQUEST, 'Unsupported Content-Type: send application/json');
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (err) {
    if (err instanceof HttpBodyError) {
      // The rest of an oversized body is never read: the connection cannot carry another request.
      return restError(err.status, ErrorCode.BAD_REQUEST, err.message, {
        headers: { connection: 'close' },
      });
    }
    throw err;
  }
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return restError(400, ErrorCode.BAD_REQUEST, 'Request body is not valid JSON');
  }
  const parsed = route.body.safeParse(json);
  if (!parsed.success) {
    return restError(400, ErrorCode.BAD_USER_INPUT, 'The request body is not valid', {
      fields: fieldProblems(parsed.error.issues),
    });
  }
  return { ok: true, body: parsed.data };
}

/** The RateLimit-* and Retry-After headers the admission plugin set on the operation. */
const FORWARDED_HEADERS = /^(ratelimit-|retry-after$)/;

export function createRestHandler(deps: RestHandlerDeps) {
  const compiled = deps.routes.map(compile);

  async function execute(
    route: RestRoute,
    variables: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
    context: GatewayContext,
  ): Promise<{ data: Record<string, unknown> } | RestError> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const response = await deps.apollo.executeOperation(
      {
        query: route.document,
        variables,
        http: {
          method: route.method === 'GET' ? 'GET' : 'POST',
          headers: toHeaderMap(req),
          search: url.search,
          body: undefined,
        },
      },
      { contextValue: context },
    );
    for (const [name, value] of response.http.headers) {
      if (FORWARDED_HEADERS.test(name)) res.setHeader(name, value);
    }
    if (response.body.kind !== 'single') {
      return restError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected incremental answer');
    }
    const { data, errors } = response.body.singleResult;
    const first = errors?.[0];
    if (first) return fromGraphQLError(first);
    if (!isRecord(data)) {
      return restError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'The operation answered no data');
    }
    return { data };
  }

  function notFound(route: RestRoute, input: RestInput): RestError {
    const id = input.path.id;
    return restError(
      404,
      ErrorCode.NOT_FOUND,
      id === undefined || route.recordType === undefined
        ? 'Not found'
        : `No ${route.recordType} ${id}, or you may not see it`,
    );
  }

  async function serve(
    entry: CompiledRoute,
    match: RegExpExecArray,
    req: IncomingMessage,
    res: ServerResponse,
    auth: GatewayAuth,
    requestId: string,
    signal: AbortSignal,
  ): Promise<RestError | undefined> {
    const { route } = entry;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path: Record<string, string> = {};
    try {
      entry.names.forEach((name, index) => {
        path[name] = decodeURIComponent(match[index + 1] ?? '');
      });
    } catch {
      return restError(400, ErrorCode.BAD_REQUEST, 'The path is not valid percent-encoding');
    }
    const query = parseQuery(route, url.searchParams);
    if (!query.ok) {
      return restError(400, ErrorCode.BAD_USER_INPUT, 'Invalid query parameters', {
        fields: query.fields,
      });
    }
    const body = await parseBody(route, req);
    if (!('ok' in body)) return body;
    const input: RestInput = { path, query: query.value, body: body.body };

    const contextFor = async (): Promise<GatewayContext | RestError> => {
      try {
        return await deps.createContext(req, auth, { requestId, signal });
      } catch (err) {
        const graphQLError = toGraphQLError(err);
        const formatted = deps.formatError
          ? deps.formatError(graphQLError.toJSON(), graphQLError)
          : graphQLError.toJSON();
        return fromGraphQLError(formatted);
      }
    };
    const isError = (value: unknown): value is RestError =>
      isRecord(value) && typeof value.status === 'number' && typeof value.code === 'string';

    // If-Match: the record is read as GET reads it, but from Salesforce, never from the
    // cross-request cache (a check before a write must see Salesforce's own state), and the
    // update runs only on a match. Its own context: the update's read-back must not be
    // answered by this read's loaders.
    const precondition = singleHeader(req, 'if-match');
    if (route.etag === 'write' && route.readRoute && precondition !== undefined) {
      const readContext = await contextFor();
      if (isError(readContext)) return readContext;
      const { cache: _uncached, ...fresh } = readContext;
      const current = await execute(
        route.readRoute,
        route.readRoute.variables(input),
        req,
        res,
        fresh,
      );
      if (isError(current)) return current;
      const answer = route.readRoute.respond(current.data, input);
      if (!answer) return notFound(route, input);
      if (!ifMatch(precondition, recordEtag(answer.body))) {
        res.setHeader('etag', recordEtag(answer.body));
        return restError(
          412,
          ErrorCode.CONFLICT,
          'The record changed since you read it (If-Match does not match its ETag): read it again',
        );
      }
    }

    const context = await contextFor();
    if (isError(context)) return context;
    const result = await execute(route, route.variables(input), req, res, context);
    if (isError(result)) return result;
    const answer = route.respond(result.data, input);
    if (!answer) return notFound(route, input);

    if (answer.location) res.setHeader('location', answer.location);
    if (answer.page) {
      const link = nextPageLink(url.pathname, url.searchParams, answer.page);
      if (link) res.setHeader('link', link);
    }
    if (route.etag) {
      const etag = recordEtag(answer.body);
      res.setHeader('etag', etag);
      if (route.etag === 'read') {
        // Revalidate before reuse: the record may change at any time.
        res.setHeader('cache-control', 'private, no-cache');
        if (!noneMatch(singleHeader(req, 'if-none-match'), etag)) {
          res.statusCode = 304;
          res.end();
          return undefined;
        }
      }
    }
    sendJson(res, answer.status, answer.body);
    return undefined;
  }

  return async (req: IncomingMessage, res: ServerResponse, auth: GatewayAuth): Promise<void> => {
    const requestId = res.getHeader('x-request-id');
    const id = typeof requestId === 'string' ? requestId : '';
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const asked = (req.method ?? 'GET').toUpperCase();
    // HEAD is GET without a body: node:http drops the body of a HEAD answer itself.
    const method = asked === 'HEAD' ? 'GET' : asked;
    if (pathname === OPENAPI_PATH) {
      if (method !== 'GET') {
        sendRestError(
          res,
          restError(405, ErrorCode.BAD_REQUEST, `${method} is not allowed here`, {
            headers: { allow: 'GET, HEAD' },
          }),
          id,
        );
        return;
      }
      res.setHeader('cache-control', 'public, max-age=300');
      sendJson(res, 200, deps.openApi());
      return;
    }
    const matches = compiled
      .map((entry) => ({ entry, match: entry.pattern.exec(pathname) }))
      .filter((m): m is { entry: CompiledRoute; match: RegExpExecArray } => m.match !== null);
    if (matches.length === 0) {
      sendRestError(res, restError(404, ErrorCode.NOT_FOUND, `No endpoint ${pathname}`), id);
      return;
    }
    const routed = matches.map(({ entry }) => entry.route.method);
    const allowed = [...routed, ...(routed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
    const chosen = matches.find(({ entry }) => entry.route.method === method);
    if (!chosen) {
      res.setHeader('allow', allowed.join(', '));
      if (method === 'OPTIONS') {
        res.statusCode = 204;
        res.end();
        return;
      }
      sendRestError(
        res,
        restError(405, ErrorCode.BAD_REQUEST, `${method} is not allowed on ${pathname}`, {
          headers: { allow: allowed.join(', ') },
        }),
        id,
      );
      return;
    }
    // A client that leaves before its answer stops the operation's upstream calls.
    const abandoned = operationAbortController();
    res.once('close', () => {
      if (res.writableFinished) return;
      abandoned.abort();
      deps.logger?.info({ requestId: id }, 'client went away; REST operation aborted');
    });
    let failure: RestError | undefined;
    try {
      failure = await serve(chosen.entry, chosen.match, req, res, auth, id, abandoned.signal);
    } catch (err) {
      // The REST body even for a bug, so a client parses one shape of error.
      deps.logger?.error({ err, requestId: id }, 'REST request failed');
      failure = restError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
    if (failure && !res.headersSent) sendRestError(res, failure, id);
  };
}
