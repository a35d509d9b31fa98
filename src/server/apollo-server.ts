import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../context/gateway-context';

export interface GatewayApolloDeps {
  config: GatewayConfig;
  schema: GraphQLSchema;
  httpServer: Server;
  maxTokens: number;
  validationRules: ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Run in order after the HTTP drain: the WebSocket and live-changes shutdown. */
  drainPlugins: ApolloServerPlugin[];
  limitPlugins: ApolloServerPlugin[];
  /** Operation metrics; listed first so their clock starts before any other plugin's work. */
  metricsPlugins?: ApolloServerPlugin<GatewayContext>[];
  /** How long in-flight requests may finish on shutdown before their sockets are cut. */
  drainGraceMs?: number;
}

/** Apollo for the HTTP side of /graphql; graphql-ws shares the schema and the limits. */
export function createGatewayApollo(deps: GatewayApolloDeps): ApolloServer<GatewayContext> {
  const { config } = deps;
  const development = config.nodeEnv === 'development';
  return new ApolloServer<GatewayContext>({
    schema: deps.schema,
    introspection: true,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT (drain order, deadline, exit code); Apollo's own handlers
    // would stop it concurrently and re-raise the signal, killing the process mid-drain.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: deps.maxTokens },
    validationRules: deps.validationRules,
    formatError: deps.formatError,
    plugins: [
      ...(deps.metricsPlugins ?? []),
      ApolloServerPluginDrainHttpServer({
        httpServer: deps.httpServer,
        ...(deps.drainGraceMs !== undefined ? { stopGracePeriodMillis: deps.drainGraceMs } : {}),
      }),
      ...deps.drainPlugins,
      ApolloServerPluginCacheControlDisabled(),
      config.nodeEnv === 'production'
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            // The Sandbox then runs as the browser's signed-in user (session cookie).
            includeCookies: config.auth.mode === 'user',
          }),
      ...deps.limitPlugins,
    ],
  });
}
