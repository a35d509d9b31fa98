import type { GraphQLError } from 'graphql';
import { BadUserInputError, PersistedQueryRequiredError } from '../../errors';
import { isRecord } from '../../lib/is-record';
import { documentHash } from './document-hash';
import type { TrustedDocumentList } from './manifest';

/** `extensions.persistedQuery` of a request: absent, a hash, or malformed. */
export type PersistedQueryRef =
  { kind: 'none' } | { kind: 'hash'; hash: string } | { kind: 'invalid'; error: GraphQLError };

/** Apollo's messages, so APQ clients (which match on them) behave the same on every transport. */
export const APQ_MESSAGES = {
  notFound: 'PersistedQueryNotFound',
  notSupported: 'PersistedQueryNotSupported',
  hashMismatch: 'provided sha does not match query',
  badVersion: 'Unsupported persisted query version',
} as const;

export function persistedQueryOf(extensions: unknown): PersistedQueryRef {
  if (!isRecord(extensions) || extensions.persistedQuery === undefined) return { kind: 'none' };
  const persisted = extensions.persistedQuery;
  if (!isRecord(persisted) || persisted.version !== 1) {
    return {
      kind: 'invalid',
      error: new BadUserInputError(APQ_MESSAGES.badVersion, {
        reason: 'PERSISTED_QUERY_VERSION',
      }),
    };
  }
  if (typeof persisted.sha256Hash !== 'string' || persisted.sha256Hash === '') {
    return {
      kind: 'invalid',
      error: new BadUserInputError('extensions.persistedQuery.sha256Hash must be a string', {
        reason: 'PERSISTED_QUERY_HASH',
      }),
    };
  }
  return { kind: 'hash', hash: persisted.sha256Hash };
}

export function persistedQueryRequired(): PersistedQueryRequiredError {
  return new PersistedQueryRequiredError(
    'Only registered operations run on this gateway: send the id (extensions.persistedQuery.sha256Hash) of an operation in its trusted documents manifest',
  );
}

/**
 * Allow-list mode: the refusal for a request whose hash, or whose text's hash, is not in the
 * manifest; undefined when it may run (or is malformed in a way the normal path reports).
 */
export function allowListRefusal(
  query: string | undefined,
  persisted: PersistedQueryRef,
  list: TrustedDocumentList,
): PersistedQueryRequiredError | undefined {
  if (persisted.kind === 'hash')
    return list.has(persisted.hash) ? undefined : persistedQueryRequired();
  if (persisted.kind === 'invalid' || query === undefined || query === '') return undefined;
  return list.has(documentHash(query)) ? undefined : persistedQueryRequired();
}

interface AcceptPriority {
  q: number;
  /** 2: the exact type, 1: application/ wildcard, 0: the any-type wildcard. */
  s: number;
  /** Position in the Accept header. */
  o: number;
}

/** The Accept entry that governs `type`: the most specific match, as `negotiator` picks it. */
function priorityOf(type: string, accept: string): AcceptPriority | undefined {
  let best: AcceptPriority | undefined;
  accept.split(',').forEach((range, o) => {
    const [name = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const s = name === type ? 2 : name === 'application/*' ? 1 : name === '*/*' ? 0 : -1;
    if (s < 0) return;
    const qParameter = parameters.find((p) => p.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (!Number.isFinite(q)) return;
    if (!best || s > best.s || (s === best.s && (q > best.q || (q === best.q && o < best.o)))) {
      best = { q, s, o };
    }
  });
  return best !== undefined && best.q > 0 ? best : undefined;
}

/**
 * GraphQL over HTTP: a request error is 200 when the response is `application/json` and 4xx
 * when it is `application/graphql-response+json`; the media type is the one Apollo
 * negotiates (q, then specificity, then the Accept header's order; JSON on a tie or without
 * an Accept header).
 */
export function requestErrorStatus(accept: string | undefined): 200 | 400 {
  if (accept === undefined || accept.trim() === '') return 200;
  const json = priorityOf('application/json', accept);
  const graphqlResponse = priorityOf('application/graphql-response+json', accept);
  if (graphqlResponse === undefined) return 200;
  if (json === undefined) return 400;
  const preferred =
    graphqlResponse.q - json.q || graphqlResponse.s - json.s || json.o - graphqlResponse.o;
  return preferred > 0 ? 400 : 200;
}
