import type { GraphQLError } from 'graphql';
import { BadUserInputError, PersistedQueryNotFoundError } from '../../errors';
import { documentHash } from './document-hash';
import type { TrustedDocumentList } from './manifest';
import type { PersistedQueryStore } from './persisted-query-store';
import {
  APQ_MESSAGES,
  allowListRefusal,
  persistedQueryOf,
  type PersistedQueryRef,
} from './request-documents';

/** graphql-ws requires `query` to be a string: an APQ client sends `""` with the hash. */
export interface SubscribePayload {
  query: string;
  extensions?: Record<string, unknown> | null;
}

export type DocumentResolution =
  | {
      ok: true;
      query: string;
      /** Runs once the document validated: APQ registers then, as Apollo does. */
      afterValidation?: () => Promise<void>;
    }
  | { ok: false; errors: GraphQLError[] };

const refuse = (error: GraphQLError): DocumentResolution => ({ ok: false, errors: [error] });
const run = (query: string): DocumentResolution => ({ ok: true, query });

export type SubscribeDocumentResolver = (payload: SubscribePayload) => Promise<DocumentResolution>;

function hashMismatch(): BadUserInputError {
  return new BadUserInputError(APQ_MESSAGES.hashMismatch, {
    reason: 'PERSISTED_QUERY_HASH_MISMATCH',
  });
}

function sentText(query: string, hash: string): string | GraphQLError | undefined {
  if (query === '') return undefined;
  return documentHash(query) === hash ? query : hashMismatch();
}

/** No persisted queries: free text only, as Apollo with `persistedQueries: false`. */
export function freeTextOnly(): SubscribeDocumentResolver {
  return async ({ query, extensions }) => {
    const persisted = persistedQueryOf(extensions);
    if (persisted.kind === 'invalid') return refuse(persisted.error);
    if (persisted.kind === 'hash') {
      return refuse(
        new BadUserInputError(APQ_MESSAGES.notSupported, {
          reason: 'PERSISTED_QUERY_NOT_SUPPORTED',
        }),
      );
    }
    return run(query);
  };
}

/** Automatic persisted queries over graphql-ws, with Apollo's semantics and its store. */
export function automaticPersistedQueries(store: PersistedQueryStore): SubscribeDocumentResolver {
  return async ({ query, extensions }) => {
    const persisted: PersistedQueryRef = persistedQueryOf(extensions);
    if (persisted.kind === 'invalid') return refuse(persisted.error);
    if (persisted.kind === 'none') return run(query);
    const { hash } = persisted;
    const sent = sentText(query, hash);
    if (sent instanceof Error) return refuse(sent);
    if (sent === undefined) {
      const stored = await store.get(hash);
      return stored === undefined
        ? refuse(new PersistedQueryNotFoundError(APQ_MESSAGES.notFound))
        : run(stored);
    }
    return { ok: true, query: sent, afterValidation: () => store.register(hash, sent) };
  };
}

/** Allow-list mode over graphql-ws: the manifest's operations only. */
export function allowListOnly(list: TrustedDocumentList): SubscribeDocumentResolver {
  return async ({ query, extensions }) => {
    const persisted = persistedQueryOf(extensions);
    if (persisted.kind === 'invalid') return refuse(persisted.error);
    const refusal = allowListRefusal(query, persisted, list);
    if (refusal) return refuse(refusal);
    if (persisted.kind === 'none') return run(query);
    const sent = sentText(query, persisted.hash);
    if (sent instanceof Error) return refuse(sent);
    // allowListRefusal let the hash through, so the manifest has its text.
    return run(sent ?? (list.body(persisted.hash) as string));
  };
}
