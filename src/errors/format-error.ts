import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from './codes';
import { QueryTooComplexError } from './gateway-errors';
import { hasErrorCode, toGraphQLError } from './to-graphql-error';

export const MASKED_MESSAGE = 'Internal server error';

export interface FormatErrorOptions {
  /** Unmasked messages and stack traces: DEBUG_ERRORS=true only, never in production. */
  exposeInternals: boolean;
  /** Drops graphql-js's "Did you mean …?" (outside NODE_ENV=development): no schema probing. */
  hideSuggestions?: boolean;
  onInternalError?: (error: unknown) => void;
}

/**
 * graphql-js suggestions (` Did you mean "a", "b", or "c"?`, ` Did you mean the enum value
 * "X"?`) and the marker graphql-armor's Apollo plugin leaves in their place.
 */
const SUGGESTION = /\s*(?:Did you mean [^?]*\?|\[Suggestion hidden\]\??)/g;

/**
 * Apollo's persisted-query errors that carry no contract code (or Apollo's own): the
 * client's request is at fault, so BAD_USER_INPUT with Apollo's wording kept as `reason`.
 */
const PERSISTED_QUERY_REASONS: Record<string, string> = {
  PersistedQueryNotSupported: 'PERSISTED_QUERY_NOT_SUPPORTED',
  'provided sha does not match query': 'PERSISTED_QUERY_HASH_MISMATCH',
  'Unsupported persisted query version': 'PERSISTED_QUERY_VERSION',
};

/** graphql-js 16's message for `parse(source, { maxTokens })` (Apollo's `parseOptions`), typo included. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/;

/** graphql-armor reports through ValidationContext, and Apollo re-codes those errors. */
function tooComplex(error: unknown): QueryTooComplexError | undefined {
  if (error instanceof QueryTooComplexError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof QueryTooComplexError) {
    return error.originalError;
  }
  const maxTokens =
    error instanceof GraphQLError ? TOKEN_LIMIT.exec(error.message)?.[1] : undefined;
  if (maxTokens !== undefined) {
    // A limit, not a syntax error: the parser stops counting at the limit.
    return new QueryTooComplexError(
      `The document has more than ${maxTokens} tokens (limit ${maxTokens})`,
      { maxTokens: Number(maxTokens) },
    );
  }
  return undefined;
}

/** Apollo's `formatError`: contract codes for everything, internals masked unless debugging. */
export function createFormatError(options: FormatErrorOptions) {
  const toContract = contractFormatter(options);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = toContract(formatted, error);
    const { stacktrace, ...extensions } = result.extensions ?? {};
    const exposed = options.exposeInternals
      ? { ...extensions, ...debugStack(result, error, stacktrace) }
      : extensions;
    return {
      ...result,
      message: options.hideSuggestions ? result.message.replace(SUGGESTION, '') : result.message,
      ...(result.extensions ? { extensions: exposed } : {}),
    };
  };
}

/** The error at the bottom of `originalError` links: where an internal failure happened. */
function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError && cause.originalError !== cause) {
    cause = cause.originalError;
  }
  return cause;
}

/** DEBUG_ERRORS: an internal error's stack is its root cause's, not our wrapper's. */
function debugStack(
  result: GraphQLFormattedError,
  error: unknown,
  stacktrace: unknown,
): { stacktrace?: unknown } {
  const cause = rootCause(error);
  if (result.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && cause instanceof Error) {
    return { stacktrace: cause.stack?.split('\n') };
  }
  return stacktrace === undefined ? {} : { stacktrace };
}

function contractFormatter(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limit = tooComplex(error);
    if (limit !== undefined) {
      return {
        ...formatted,
        message: limit.message,
        extensions: { ...limit.extensions, code: ErrorCode.QUERY_TOO_COMPLEX },
      };
    }
    const original = unwrapResolverError(error);
    // Parse and validation failures are bad input too: the contract's ErrorCode has no
    // GRAPHQL_* codes, so clients see BAD_USER_INPUT and Apollo's code stays as `reason`.
    const apolloCode = formatted.extensions?.code;
    if (apolloCode === 'GRAPHQL_PARSE_FAILED' || apolloCode === 'GRAPHQL_VALIDATION_FAILED') {
      // A rule's own reason (introspection disabled) says more than Apollo's code.
      const reason = formatted.extensions?.reason ?? apolloCode;
      return {
        ...formatted,
        extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT, reason },
      };
    }
    const persistedQueryReason = PERSISTED_QUERY_REASONS[formatted.message];
    if (persistedQueryReason !== undefined && original === error) {
      return {
        message: formatted.message,
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: persistedQueryReason },
      };
    }
    // Variable and other request errors already carry Apollo's codes; keep them.
    if (
      original === error &&
      hasErrorCode(error) &&
      error.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR
    ) {
      return formatted;
    }
    const mapped = toGraphQLError(original);
    const restExtensions = formatted.extensions ?? {};
    // Apollo already moved `http` (status, headers) into the response head; never echo it.
    const { http: _http, ...mappedExtensions } = mapped.extensions;
    if (mapped.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) {
      options.onInternalError?.(original);
      if (!options.exposeInternals) {
        return {
          message: MASKED_MESSAGE,
          ...(formatted.locations ? { locations: formatted.locations } : {}),
          ...(formatted.path ? { path: formatted.path } : {}),
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        };
      }
    }
    return {
      ...formatted,
      message: mapped.message,
      extensions: { ...restExtensions, ...mappedExtensions },
    };
  };
}
