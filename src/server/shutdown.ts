import type { Server } from 'node:http';
import type { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { LiveChanges } from '../live/live-changes';
import type { Logger } from '../logging/logger';
import type { RunningMetricsServer } from '../observability';
import type { GatewayAuth } from './gateway-auth';
import type { GraphQLWebSocketServer } from './websocket-server';

/**
 * Apollo's graphql-ws recipe, ordered: Apollo calls this beside its HTTP drain, which waits a
 * turn, then ends every socket without a request in flight, upgraded WebSockets included.
 * So in this same turn the listener closes (graphql-ws clients reconnect on 1001 and must
 * reach another instance, not this one again) and every client is sent 1001, ahead of that
 * FIN. The bridge stops after them, flushing the last processed replayId for the next start.
 */
export function drainLiveChangesPlugin(
  webSocket: GraphQLWebSocketServer,
  live: LiveChanges | undefined,
  httpServer: Server,
): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          // No callback: Apollo's drain waits for the in-flight requests.
          if (httpServer.listening) httpServer.close();
          await webSocket.dispose();
          await live?.stop();
        },
      };
    },
  };
}

export interface ShutdownDeps<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  httpServer: Server;
  webSocket: GraphQLWebSocketServer;
  live: LiveChanges | undefined;
  /** Undefined when the server stops before auth was built. */
  auth(): GatewayAuth | undefined;
  /** Undefined when it is off or not started yet. */
  metricsServer(): RunningMetricsServer | undefined;
  logger: Logger;
}

/**
 * One stop for SIGTERM, tests and a failed start; calling it again returns the same promise.
 * Order: stop accepting, let in-flight HTTP requests finish (bounded by the drain grace),
 * close WebSocket clients with 1001, stop the CDC bridge (replayId flushed), close the auth
 * stores, and last the metrics listener, which can be scraped while the rest drains.
 */
export function createShutdown<TContext extends BaseContext>(
  deps: ShutdownDeps<TContext>,
): () => Promise<void> {
  const { apollo, httpServer, webSocket, live, logger } = deps;
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      // The drain plugin closes the http server and waits for in-flight requests.
      try {
        await apollo.stop();
      } catch (err) {
        // apollo.stop() refuses before start() finished; the sockets and bridge still go.
        logger.warn({ err }, 'Apollo did not stop cleanly');
        await webSocket.dispose();
        await live?.stop();
      }
      if (httpServer.listening) {
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      }
      // After the drain: in-flight requests may still refresh tokens or end sessions.
      await deps.auth()?.close();
      await deps.metricsServer()?.stop();
    })();
    return stopping;
  };
}
