import type { Server } from 'node:http';
import type { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { LiveChanges } from '../live/live-changes';
import type { Logger } from '../logging/logger';
import type { GatewayAuth } from './gateway-auth';
import type { GraphQLWebSocketServer } from './websocket-server';

/**
 * Apollo's graphql-ws recipe: clients get 1001 while HTTP drains; the bridge stops after
 * them, flushing the last processed replayId for the next start to resume from.
 */
export function drainLiveChangesPlugin(
  webSocket: GraphQLWebSocketServer,
  live: LiveChanges | undefined,
): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
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
  logger: Logger;
}

/** One stop for SIGTERM, tests and a failed start; calling it again returns the same promise. */
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
    })();
    return stopping;
  };
}
