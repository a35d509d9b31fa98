import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from './codes';
import { QueryTooComplexError } from './gateway-errors';
import { hasErrorCode, toGraphQLError } from './to-graphql-error';

export const MASKED_MESSAGE = 'Internal server error';

export interface FormatErrorOptions {
  /** Unmasked messages and stack traces (NODE_ENV=development only). */
  exposeInternals: boolean;
  onInternalError?: (error: unknown) => void;
}

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

/** Apollo's `formatError`: contract codes for everything, internals masked outside development. */
export function createFormatError(options: FormatErrorOptions) {
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
      return {
        ...formatted,
        extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT, reason: apolloCode },
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
    const { stacktrace, ...restExtensions } = formatted.extensions ?? {};
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
      extensions: {
        ...restExtensions,
        ...mappedExtensions,
        ...(options.exposeInternals && stacktrace !== undefined ? { stacktrace } : {}),
      },
    };
  };
}
