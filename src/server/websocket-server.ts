import type { Server } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { ErrorCode, toGraphQLError } from '../errors';
import type { ConnectionControl, LiveChangeFeed } from '../live/live-change-feed';
import { SLOW_CONSUMER_CLOSE } from '../live/live-change-feed';
import { contextForViewer } from '../context/gateway-context';
import type { RequestViewer, ResolveViewer } from '../context/request-viewer';
import type { Logger } from '../logging/logger';
import type { WebSocketOperationObserver } from '../observability';
import { MAX_BODY_BYTES } from './http-adapter';
import { connectionHeaders } from './websocket-headers';

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
  schema: GraphQLSchema;
  path: string;
  resolveViewer: () => ResolveViewer | undefined;
  live: LiveChangeFeed | undefined;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  isProd: boolean;
  /** The HTTP endpoint's error formatter: the same codes and masking on both transports. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
  /** Metrics: operation latency, outcome and error codes over WebSocket. */
  operations?: WebSocketOperationObserver;
}

export interface GraphQLWebSocketServer {
  clientCount(): number;
  /** Closes every client with 1001 Going Away and stops accepting upgrades. */
  dispose(): Promise<void>;
}

interface ConnectionState {
  viewer: RequestViewer;
  control: ConnectionControl;
  revalidate: NodeJS.Timeout | undefined;
}

const FORBIDDEN_CLOSE = { code: CloseCode.Forbidden, reason: 'Forbidden' } as const;

function isUnauthenticated(error: unknown): boolean {
  return toGraphQLError(error).extensions.code === ErrorCode.UNAUTHENTICATED;
}

/** A document's own fault (syntax, validation) is bad input, as on HTTP; not an internal error. */
function formatOperationError(
  error: GraphQLError,
  formatError: GraphQLWebSocketOptions['formatError'],
): GraphQLFormattedError {
  const formatted = formatError(error.toJSON(), error);
  if (
    formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR &&
    error.originalError === undefined
  ) {
    return {
      ...error.toJSON(),
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  return formatted;
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
  });
  const states = new WeakMap<WebSocket, ConnectionState>();
  const rules = [...specifiedRules, ...options.validationRules];

  const close = (socket: WebSocket, code: number, reason: string): void => {
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
      socket.close(code, reason);
    }
  };

  const server = useServer(
    {
      schema: options.schema,
      isProd: options.isProd,
      connectionInitWaitTimeout: options.connectionInitWaitMs ?? 3_000,
      // Parsed and validated here so a bad document is an `error` message for that
      // operation; graphql-ws would close the whole socket (4500) on a parse failure.
      onSubscribe: (ctx, id, payload) => {
        options.operations?.started(ctx, id);
        const state = states.get(ctx.extra.socket);
        if (!state) return [new GraphQLError('Connection is not initialised')];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify operation')];
        options.operations?.identified(ctx, id, operation);
        return {
          schema: options.schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: contextForViewer(state.viewer, {
            ...(options.live ? { live: options.live } : {}),
            connection: state.control,
          }),
        };
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
        const state: ConnectionState = { viewer, control, revalidate: undefined };
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
      onNext: (ctx, id, _payload, _args, result) => {
        const { socket } = ctx.extra;
        // graphql-ws waits for each send, so a stalled reader first fills its kernel buffers,
        // then ws's queue; past the bound the client is dropped rather than held in memory.
        if (socket.bufferedAmount > maxBufferedBytes) {
          close(socket, SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
        }
        if (!result.errors) return undefined;
        const errors = result.errors.map((error) => options.formatError(error.toJSON(), error));
        options.operations?.sent(ctx, id, errors);
        return { ...result, errors };
      },
      onClose: (ctx) => {
        const state = states.get(ctx.extra.socket);
        if (state?.revalidate) clearInterval(state.revalidate);
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

  return {
    clientCount: () => wss.clients.size,
    dispose: async () => {
      await server.dispose();
    },
  };
}
