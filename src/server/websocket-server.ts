import type { IncomingMessage, Server } from 'node:http';
import { createHash } from 'node:crypto';
import type { HeaderBag } from '../auth/request-credentials';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ErrorCode, toGraphQLError } from '../errors';
import type { ConnectionControl, LiveChangeFeed } from '../live/live-change-feed';
import { SLOW_CONSUMER_CLOSE } from '../live/live-change-feed';
import { contextForViewer, type GatewayContext } from '../context/gateway-context';
import type { DescribeCache } from '../upstreams/salesforce/describe-cache';
import { takePartialErrors } from './partial-errors-plugin';
import type { LinkedServices } from '../upstreams/linked';
import type { SyncServices } from '../sync';
import type { RequestViewer, ResolveViewer } from '../context/request-viewer';
import type { Logger } from '../logging/logger';
import type { WebSocketOperationObserver } from '../observability';
import { MAX_BODY_BYTES } from './http-adapter';
import type { AdmitOperation } from './operation-cost-admission';
import { explainAbortedValidation } from './query-limits';
import type { SubscribeDocumentResolver } from './trusted-documents';
import { connectionHeaders } from './websocket-headers';
import { ValidDocuments } from './valid-documents';
import { SharedFrame } from './shared-frame';
import { frameWriter } from './shared-frame-writer';
import {
  SharedSubscriptions,
  type SharedSubscriptionStats,
  type WriteFrame,
} from './shared-subscriptions';
import { operationAbortController } from './operation-abort';

export interface WebSocketLimits {
  /** ws ping interval; a client missing one pong in this time is terminated. Default 12 s. */
  keepAliveMs?: number;
  /** Bytes queued on a socket beyond which its client counts as a slow consumer. Default 4 MiB. */
  maxBufferedBytes?: number;
  /** How often a connection's credentials are checked again (logout, expiry). Default 60 s. */
  revalidateEveryMs?: number;
  /** Time to send `connection_init` after the upgrade. Default 3 s (graphql-ws). */
  connectionInitWaitMs?: number;
}

export interface GraphQLWebSocketOptions extends WebSocketLimits {
  httpServer: Server;
  /** The current schema: read as each operation starts, which then keeps it to the end. */
  schema: () => GraphQLSchema;
  path: string;
  resolveViewer: () => ResolveViewer | undefined;
  live: LiveChangeFeed | undefined;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** Cost and rate limits, as `didResolveOperation` checks them on HTTP. */
  admitOperation: AdmitOperation;
  isProd: boolean;
  /** The HTTP endpoint's error formatter: the same codes and masking on both transports. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** TRUSTED_DOCUMENTS: the text a subscribe message runs (APQ hash, allow-list), or errors. */
  resolveDocument: SubscribeDocumentResolver;
  logger: Logger;
  /** Whether an upgrade may proceed (the Origin check); refused ones get HTTP 403. */
  verifyUpgrade: (req: IncomingMessage) => boolean;
  /** QUERY_MAX_ROWS, per delivered event. */
  maxRows?: number;
  /** The process's Stripe, Zendesk and QuickBooks clients. */
  linked?: LinkedServices;
  /** The sync mutations' state and leases. */
  sync?: SyncServices;
  /** Describes per viewer scope (picklist metadata), shared with HTTP. */
  describeCache?: DescribeCache;
  /** Metrics: operation latency, outcome and error codes over WebSocket. */
  operations?: WebSocketOperationObserver;
}

export interface GraphQLWebSocketServer {
  clientCount(): number;
  /** Shared subscription executions: groups, their members, executions so far. */
  sharedSubscriptions(): SharedSubscriptionStats;
  /** Closes every client with 1001 Going Away and stops accepting upgrades. */
  dispose(): Promise<void>;
}

interface ConnectionState {
  viewer: RequestViewer;
  /**
   * Which credential the connection signed in with (a digest, never the credential): a group
   * runs on the credential of the member that started it, so only connections of one
   * credential share (tabs of one browser session do; a second session of the same user,
   * which may log out on its own, does not).
   */
  credential: string;
  control: ConnectionControl;
  revalidate: NodeJS.Timeout | undefined;
  /** Per operation id: aborted by the client's `complete` or the socket closing. */
  operations: Map<string, AbortController>;
}

/**
 * What decides whether two subscribers may share one execution: the same document text,
 * operation and variables, seen as the same viewer scope (`cacheScope` is the org and user:
 * the signed-in user in user mode, the integration or demo user otherwise), so two viewers
 * who could see different rows never share a result.
 */
function sharingKey(
  viewer: RequestViewer,
  credential: string,
  query: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): string {
  return JSON.stringify([
    viewer.viewer.mode,
    viewer.viewer.cacheScope,
    credential,
    query,
    operationName ?? null,
    variables ?? null,
  ]);
}

/** A digest of the headers a connection authenticates with (cookie, Authorization, X-API-Key). */
function credentialDigest(headers: HeaderBag): string {
  const hash = createHash('sha256');
  for (const name of ['cookie', 'authorization', 'x-api-key']) {
    const value = headers[name];
    hash.update(`${name}=${Array.isArray(value) ? value.join(',') : (value ?? '')}\n`);
  }
  return hash.digest('base64url');
}

const FORBIDDEN_CLOSE = { code: CloseCode.Forbidden, reason: 'Forbidden' } as const;

function isUnauthenticated(error: unknown): boolean {
  return toGraphQLError(error).extensions.code === ErrorCode.UNAUTHENTICATED;
}

/**
 * graphql-js reports a document's own faults (syntax, validation) without a code; Apollo
 * labels them before formatError, so they are labelled the same here and both transports
 * answer them alike (BAD_USER_INPUT, suggestions hidden outside development).
 */
function formatOperationError(
  error: GraphQLError,
  formatError: GraphQLWebSocketOptions['formatError'],
): GraphQLFormattedError {
  if (error.extensions.code !== undefined || error.originalError !== undefined) {
    return formatError(error.toJSON(), error);
  }
  const code = error.message.startsWith('Syntax Error')
    ? 'GRAPHQL_PARSE_FAILED'
    : 'GRAPHQL_VALIDATION_FAILED';
  return formatError({ ...error.toJSON(), extensions: { ...error.extensions, code } }, error);
}

/** The operation id of a client's `complete` message; undefined for any other message. */
function clientCompleteId(raw: Buffer): string | undefined {
  // Cheap test first: most messages are subscribes and pongs.
  if (!raw.includes('"complete"')) return undefined;
  try {
    const message: unknown = JSON.parse(raw.toString('utf8'));
    if (message === null || typeof message !== 'object') return undefined;
    const { type, id } = message as { type?: unknown; id?: unknown };
    return type === 'complete' && typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * graphql-ws (graphql-transport-ws protocol) on the HTTP server's port and path. The viewer
 * is resolved once per connection with the HTTP resolver, from the upgrade request's
 * headers and `connection_init`'s payload; bad or missing credentials close with 4403.
 */
export function attachGraphQLWebSocket(options: GraphQLWebSocketOptions): GraphQLWebSocketServer {
  const maxBufferedBytes = options.maxBufferedBytes ?? 4 * 1024 * 1024;
  const revalidateEveryMs = options.revalidateEveryMs ?? 60_000;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    // The same bound as an HTTP body: a subscribe message is a GraphQL document.
    maxPayload: MAX_BODY_BYTES,
    // Before the handshake completes, so graphql-ws never sees a refused socket.
    verifyClient: ({ req }, done) => done(options.verifyUpgrade(req), 403, 'Forbidden'),
  });
  const states = new WeakMap<WebSocket, ConnectionState>();
  const rules = [...specifiedRules, ...options.validationRules];
  const validDocuments = new ValidDocuments();
  /** The group each subscription joins; graphql-ws hands `subscribe` onSubscribe's args. */
  const sharingOf = new WeakMap<
    ExecutionArgs,
    { key: string; context: () => GatewayContext; control: ConnectionControl; write: WriteFrame }
  >();
  const sharing = new SharedSubscriptions({
    subscribe: (args) => Promise.resolve(subscribe(args)),
    // Formatted and serialized once per group and event; partial errors are the group's.
    finalize: (result, contextValue) => {
      const errors = [
        ...(result.errors ?? []).map((error) => options.formatError(error.toJSON(), error)),
        ...takePartialErrors(contextValue as GatewayContext | undefined, options.formatError),
      ];
      const { errors: _raw, ...rest } = result;
      return new SharedFrame(
        JSON.stringify(errors.length > 0 ? { ...rest, errors } : rest),
        errors,
      );
    },
    ...(options.live?.countSubscriber
      ? { countSubscriber: options.live.countSubscriber.bind(options.live) }
      : {}),
    onError: (error) => options.logger.warn({ err: error }, 'a shared subscription did not end'),
  });

  const close = (socket: WebSocket, code: number, reason: string): void => {
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
      socket.close(code, reason);
    }
  };

  const server = useServer(
    {
      schema: () => options.schema(),
      isProd: options.isProd,
      connectionInitWaitTimeout: options.connectionInitWaitMs ?? 3_000,
      // Parsed and validated here so a bad document is an `error` message for that
      // operation; graphql-ws would close the whole socket (4500) on a parse failure.
      onSubscribe: async (ctx, id, payload) => {
        options.operations?.started(ctx, id);
        const state = states.get(ctx.extra.socket);
        if (!state) return [new GraphQLError('Connection is not initialised')];
        const source = await options.resolveDocument(payload);
        if (!source.ok) return source.errors;
        const schema = options.schema();
        let document = validDocuments.get(schema, source.query);
        if (!document) {
          try {
            document = parse(source.query, { maxTokens: options.maxTokens });
          } catch (error) {
            return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
          }
          const errors = [...validate(schema, document, rules)];
          explainAbortedValidation(errors);
          if (errors.length > 0) return errors;
          validDocuments.set(schema, source.query, document);
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify operation')];
        options.operations?.identified(ctx, id, operation);
        // A query or mutation stops its upstream calls when the client completes it or
        // leaves. A subscription is ended by graphql-ws itself (its stream is returned), and
        // its reads are shared with the same viewer's other subscriptions (live.shared,
        // merged access checks), so one subscriber leaving must not cancel them.
        const abandoned = operationAbortController();
        const abortable = operation.operation !== 'subscription';
        // The same cost limit and rate limit as HTTP; refused, the socket stays open.
        const admission = await options.admitOperation({
          document,
          variables: payload.variables,
          operationName: payload.operationName,
          viewer: state.viewer.viewer,
          clientAddress: ctx.extra.request.socket.remoteAddress,
          schema,
        });
        if (!admission.admitted) return [admission.error];
        await source.afterValidation?.();
        if (abortable) state.operations.set(id, abandoned);
        const context = () =>
          contextForViewer(state.viewer, {
            ...(options.live ? { live: options.live } : {}),
            connection: state.control,
            ...(abortable ? { signal: abandoned.signal } : {}),
            logger: options.logger,
            ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}),
            ...(options.linked ? { linked: options.linked } : {}),
            ...(options.sync ? { sync: options.sync } : {}),
            ...(options.describeCache ? { describeCache: options.describeCache } : {}),
          });
        const args: ExecutionArgs = {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          // A subscription's context is built only if it starts its group (a member that
          // joins one runs nothing itself): loaders and scopes are not held per subscriber.
          contextValue: abortable ? context() : undefined,
        };
        if (!abortable) {
          const key = sharingKey(
            state.viewer,
            state.credential,
            source.query,
            payload.operationName,
            payload.variables,
          );
          sharingOf.set(args, {
            key,
            context,
            control: state.control,
            write: frameWriter(ctx.extra.socket, id, {
              maxBufferedBytes,
              dropSlow: () =>
                close(ctx.extra.socket, SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason),
              sent: (errors) => options.operations?.sent(ctx, id, errors),
            }),
          });
        }
        return args;
      },
      // A subscription joins its group's execution, whose fan-out writes the frames itself:
      // the stream graphql-ws reads yields nothing and only keeps the operation open.
      subscribe: (args) => {
        const shared = sharingOf.get(args);
        if (!shared) return subscribe(args);
        const starting = () => ({ ...args, contextValue: shared.context() });
        return sharing.subscribe(shared.key, starting, shared.control, shared.write);
      },
      onConnect: async (ctx) => {
        const resolveViewer = options.resolveViewer();
        if (!resolveViewer) return false;
        const { socket, request } = ctx.extra;
        const headers = connectionHeaders(request.headers, ctx.connectionParams);
        let viewer: RequestViewer;
        try {
          viewer = await resolveViewer(headers);
        } catch (error) {
          if (isUnauthenticated(error)) return false;
          throw error;
        }
        const control: ConnectionControl = {
          close: (code, reason) => close(socket, code, reason),
        };
        const state: ConnectionState = {
          viewer,
          credential: credentialDigest(headers),
          control,
          revalidate: undefined,
          operations: new Map(),
        };
        if (viewer.viewer.mode !== 'demo' && revalidateEveryMs > 0) {
          // Logout or an ended Salesforce grant must end the stream too, not only new requests.
          state.revalidate = setInterval(() => {
            resolveViewer(headers).catch((error: unknown) => {
              if (isUnauthenticated(error)) {
                close(socket, FORBIDDEN_CLOSE.code, FORBIDDEN_CLOSE.reason);
              } else {
                // An outage is not a logout: keep the stream, check again next time.
                options.logger.warn({ err: error }, 'could not re-check WebSocket credentials');
              }
            });
          }, revalidateEveryMs);
          state.revalidate.unref();
        }
        states.set(socket, state);
        return true;
      },
      onOperation: (ctx, id, _payload, _args, result) => {
        options.operations?.executed(ctx, id, result);
        return undefined;
      },
      onNext: (ctx, id, _payload, args, result) => {
        const { socket } = ctx.extra;
        // A stalled reader first fills its kernel buffers, then ws's queue; past the bound
        // the client is dropped rather than held in memory. (Shared subscription frames do
        // not pass here: `frameWriter` applies the same bound.)
        if (socket.bufferedAmount > maxBufferedBytes) {
          close(socket, SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
        }
        const partial = takePartialErrors(
          args.contextValue as GatewayContext | undefined,
          options.formatError,
        );
        if (!result.errors && partial.length === 0) return undefined;
        const errors = [
          ...(result.errors ?? []).map((error) => options.formatError(error.toJSON(), error)),
          ...partial,
        ];
        options.operations?.sent(ctx, id, errors);
        return { ...result, errors };
      },
      // The operation ended (the server finished it, or a subscription the client completed).
      onComplete: (ctx, id) => {
        const state = states.get(ctx.extra.socket);
        state?.operations.get(id)?.abort();
        state?.operations.delete(id);
      },
      onClose: (ctx) => {
        const state = states.get(ctx.extra.socket);
        if (state?.revalidate) clearInterval(state.revalidate);
        for (const operation of state?.operations.values() ?? []) operation.abort();
        state?.operations.clear();
      },
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map((error) => formatOperationError(error, options.formatError));
        options.operations?.sent(ctx, id, formatted);
        return formatted;
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );

  // graphql-ws ends a subscription on the client's `complete` but lets a query or mutation
  // run on (its onComplete fires only when the server finishes): read `complete` here too, so
  // the operation's pending upstream calls stop either way.
  wss.on('connection', (socket) => {
    socket.on('message', (raw: RawData) => {
      const id = clientCompleteId(
        Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw),
      );
      if (id === undefined) return;
      states.get(socket)?.operations.get(id)?.abort();
    });
  });

  return {
    clientCount: () => wss.clients.size,
    sharedSubscriptions: () => sharing.stats(),
    dispose: async () => {
      await server.dispose();
    },
  };
}
