/** The contract's `enum ErrorCode`: every GraphQL error's `extensions.code` is one of these. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  UPSTREAM_RATE_LIMITED = 'UPSTREAM_RATE_LIMITED',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  BAD_REQUEST = 'BAD_REQUEST',
  RATE_LIMITED = 'RATE_LIMITED',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_REQUIRED = 'PERSISTED_QUERY_REQUIRED',
}

export const ERROR_CODE_DESCRIPTIONS: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'Invalid argument, unknown field or malformed filter.',
  UNAUTHENTICATED: 'No or expired gateway credentials.',
  FORBIDDEN: 'Salesforce says the user may not see or do this.',
  NOT_FOUND: 'The record does not exist or is not visible.',
  CONFLICT:
    'The record changed since it was read, is locked, or a duplicate rule fired; or a sync of the same service and scope is already running.',
  QUERY_TOO_COMPLEX: 'The operation exceeds the gateway depth, alias, cost or token limits.',
  UPSTREAM_RATE_LIMITED: 'An upstream rate limit or daily API allocation is exhausted.',
  UPSTREAM_UNAVAILABLE: 'An upstream answered 5xx or timed out after retries.',
  INTERNAL_SERVER_ERROR: 'An unexpected error; details are in the gateway log.',
  BAD_REQUEST:
    'The HTTP request itself is malformed (bad JSON, CSRF block, body too large); never a GraphQL error.',
  RATE_LIMITED:
    "The client spent its gateway rate limit (requests or operation cost); retry after the response's Retry-After.",
  PERSISTED_QUERY_NOT_FOUND:
    'Automatic persisted queries: the hash is not registered yet; send the query text with it.',
  PERSISTED_QUERY_REQUIRED:
    'Trusted-documents mode: only registered operations run; this document is not on the allow-list.',
};
