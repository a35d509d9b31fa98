import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLFormattedError, ValidationRule } from 'graphql';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../context/gateway-context';
import type { SwappableSchema } from './swappable-schema';
import type { TrustedDocuments } from './trusted-documents';

export interface GatewayApolloDeps {
  config: GatewayConfig;
  /** Served through Apollo's gateway option, so `POST /admin/reload-schema` can swap it. */
  schema: SwappableSchema;
  httpServer: Server;
  maxTokens: number;
  /** The same rules graphql-ws validates with: limits, and introspection when it is off. */
  validationRules: ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Run in order after the HTTP drain: the WebSocket and live-changes shutdown. */
  drainPlugins: ApolloServerPlugin[];
  limitPlugins: ApolloServerPlugin<GatewayContext>[];
  trustedDocuments: TrustedDocuments;
  /** Operation metrics; listed first so their clock starts before any other plugin's work. */
  metricsPlugins?: ApolloServerPlugin<GatewayContext>[];
  /** How long in-flight requests may finish on shutdown before their sockets are cut. */
  drainGraceMs?: number;
}

/** Closes the trusted documents' store (Redis) once the drain let the last request finish. */
function closeTrustedDocumentsPlugin(trustedDocuments: TrustedDocuments): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await trustedDocuments.close();
        },
      };
    },
  };
}

/** Apollo for the HTTP side of /graphql; graphql-ws shares the schema and the limits. */
export function createGatewayApollo(deps: GatewayApolloDeps): ApolloServer<GatewayContext> {
  const { config, trustedDocuments } = deps;
  const { debugErrors, introspection } = config.apiSurface;
  // The Sandbox needs introspection, and is no place for production (it loads Apollo's CDN).
  const landingPage = introspection && config.nodeEnv !== 'production';
  return new ApolloServer<GatewayContext>({
    gateway: deps.schema.apolloGateway(),
    // When off, introspection is refused by `validationRules` (introspectionDisabledRule), on
    // both transports and with a message naming GRAPHQL_INTROSPECTION; Apollo's own rule
    // would only add a second error naming its constructor.
    introspection: true,
    includeStacktraceInErrorResponses: debugErrors,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT (drain order, deadline, exit code); Apollo's own handlers
    // would stop it concurrently and re-raise the signal, killing the process mid-drain.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: deps.maxTokens },
    validationRules: deps.validationRules,
    formatError: deps.formatError,
    persistedQueries: trustedDocuments.persistedQueries,
    plugins: [
      ...(deps.metricsPlugins ?? []),
      ApolloServerPluginDrainHttpServer({
        httpServer: deps.httpServer,
        ...(deps.drainGraceMs !== undefined ? { stopGracePeriodMillis: deps.drainGraceMs } : {}),
      }),
      ...deps.drainPlugins,
      closeTrustedDocumentsPlugin(trustedDocuments),
      ApolloServerPluginCacheControlDisabled(),
      landingPage
        ? ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            // The Sandbox then runs as the browser's signed-in user (session cookie).
            includeCookies: config.auth.mode === 'user',
          })
        : ApolloServerPluginLandingPageDisabled(),
      // Before the limits: a refused document is swapped out before anything measures it.
      ...trustedDocuments.plugins,
      ...deps.limitPlugins,
    ],
  });
}
