import type { ApolloServerPlugin, BaseContext, PersistedQueryOptions } from '@apollo/server';
import type { TrustedDocumentsConfig } from '../../config';
import type { Logger } from '../../logging/logger';
import { allowListPlugin } from './allow-list-plugin';
import { loadTrustedDocumentList } from './manifest';
import { APOLLO_APQ_PREFIX, createPersistedQueryStore } from './persisted-query-store';
import {
  allowListOnly,
  automaticPersistedQueries,
  freeTextOnly,
  type SubscribeDocumentResolver,
} from './websocket-documents';

export type { SubscribeDocumentResolver, SubscribePayload } from './websocket-documents';
export { ManifestError } from './manifest';

/** One TRUSTED_DOCUMENTS mode, for both transports. */
export interface TrustedDocuments {
  mode: TrustedDocumentsConfig['mode'];
  /** ApolloServer's `persistedQueries` option. */
  persistedQueries: PersistedQueryOptions | false;
  plugins: ApolloServerPlugin<BaseContext>[];
  /** graphql-ws `onSubscribe`: the text to parse, or the errors to answer. */
  resolveSubscribe: SubscribeDocumentResolver;
  close(): Promise<void>;
}

export interface TrustedDocumentsDeps {
  redisUrl: string | undefined;
  logger: Logger;
  /**
   * Documents the server itself runs (the REST routes' fixed operations): allow-list mode
   * lists them beside the manifest's, so they run whatever the manifest holds.
   */
  serverDocuments?: readonly string[];
}

/**
 * Builds the mode's store: APQ registrations in memory or Redis; the allow-list from its
 * manifest, read once at start (an unreadable or inconsistent manifest fails the start).
 */
export async function createTrustedDocuments(
  config: TrustedDocumentsConfig,
  deps: TrustedDocumentsDeps,
): Promise<TrustedDocuments> {
  switch (config.mode) {
    case 'off':
      return {
        mode: 'off',
        persistedQueries: false,
        plugins: [],
        resolveSubscribe: freeTextOnly(),
        close: async () => {},
      };
    case 'apq': {
      const store = await createPersistedQueryStore({
        redisUrl: deps.redisUrl,
        prefix: config.redisPrefix,
        ttlSeconds: config.ttlSeconds,
        logger: deps.logger,
      });
      return {
        mode: 'apq',
        persistedQueries: { cache: store.apolloCache, ttl: config.ttlSeconds },
        plugins: [],
        resolveSubscribe: automaticPersistedQueries(store),
        close: () => store.close(),
      };
    }
    case 'allow-list': {
      const list = (await loadTrustedDocumentList(config.manifestPath)).with(
        deps.serverDocuments ?? [],
      );
      deps.logger.info(
        { manifest: config.manifestPath, operations: list.size },
        'trusted documents: allow-list mode',
      );
      return {
        mode: 'allow-list',
        // Apollo resolves a listed hash from the manifest; nothing is ever registered.
        persistedQueries: {
          cache: {
            get: async (key) =>
              key.startsWith(APOLLO_APQ_PREFIX)
                ? list.body(key.slice(APOLLO_APQ_PREFIX.length))
                : undefined,
            set: async () => {},
            delete: async () => {},
          },
        },
        plugins: [allowListPlugin(list)],
        resolveSubscribe: allowListOnly(list),
        close: async () => {},
      };
    }
  }
}
