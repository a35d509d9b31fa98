import { GraphQLError } from 'graphql';
import { SalesforceUpstreamError } from '../upstreams/salesforce/client';
import { SoqlInputError } from '../upstreams/salesforce/soql';
import { OperationAbortedError, RowBudgetExceededError } from '../upstreams/operation-scope';
import { UpstreamRejectedError } from '../upstreams/resilience';
import { ApiBudgetExceededError } from '../upstreams/salesforce/api-budget';
import { LinkedServiceError } from '../upstreams/linked';
import { fromAuthError } from './auth-errors-mapping';
import { ErrorCode } from './codes';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InternalServerError,
  NotFoundError,
  QueryTooComplexError,
  UnauthenticatedError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
  type ErrorExtensions,
  type GatewayError,
} from './gateway-errors';
import { GATEWAY_CREDENTIALS_REJECTED, errorCodeForSalesforce } from './salesforce-error-codes';

const CODES = new Set<string>(Object.values(ErrorCode));

export function hasErrorCode(err: unknown): err is GraphQLError & { extensions: { code: string } } {
  return err instanceof GraphQLError && typeof err.extensions.code === 'string';
}

function messageFor(code: ErrorCode, err: SalesforceUpstreamError): string {
  if (GATEWAY_CREDENTIALS_REJECTED.has(err.errorCode)) {
    return `Salesforce refused the gateway's own credentials (its integration login); the gateway's Salesforce configuration needs fixing: ${err.message}`;
  }
  switch (code) {
    case ErrorCode.UPSTREAM_UNAVAILABLE:
      return `Salesforce is unavailable: ${err.message}`;
    case ErrorCode.UPSTREAM_RATE_LIMITED:
      return `Salesforce API limit reached: ${err.message}`;
    default:
      return err.message;
  }
}

const CONSTRUCTORS: Record<
  ErrorCode,
  new (message: string, extensions?: ErrorExtensions) => GatewayError
> = {
  BAD_USER_INPUT: BadUserInputError,
  NOT_FOUND: NotFoundError,
  FORBIDDEN: ForbiddenError,
  UNAUTHENTICATED: UnauthenticatedError,
  CONFLICT: ConflictError,
  UPSTREAM_RATE_LIMITED: UpstreamRateLimitedError,
  UPSTREAM_UNAVAILABLE: UpstreamUnavailableError,
  INTERNAL_SERVER_ERROR: InternalServerError,
  // Limits are enforced before execution; a Salesforce error never means this.
  QUERY_TOO_COMPLEX: InternalServerError,
  // Gateway-side refusals: a Salesforce error code never maps to these either.
  BAD_REQUEST: InternalServerError,
  RATE_LIMITED: InternalServerError,
  PERSISTED_QUERY_NOT_FOUND: InternalServerError,
  PERSISTED_QUERY_REQUIRED: InternalServerError,
};

/** How a resolver names the Salesforce fields of its object in the graph (`StageName` → `stageName`). */
export interface ErrorMappingOptions {
  graphFieldName?: (salesforceField: string) => string | undefined;
}

/** `extensions.fields` speaks the graph's names; a field the graph does not expose keeps Salesforce's. */
function graphFields(fields: string[], options: ErrorMappingOptions): string[] {
  const rename = options.graphFieldName;
  return rename ? fields.map((field) => rename(field) ?? field) : fields;
}

export function fromSalesforceError(
  err: SalesforceUpstreamError,
  options: ErrorMappingOptions = {},
): GraphQLError {
  const code =
    errorCodeForSalesforce(err.errorCode, err.statusCode) ?? ErrorCode.INTERNAL_SERVER_ERROR;
  const extensions: ErrorExtensions = {
    // `upstream.fields` keeps Salesforce's own names, for whoever reads Salesforce's logs.
    upstream: { service: 'salesforce', errorCode: err.errorCode, fields: err.fields },
    ...(err.fields.length > 0 ? { fields: graphFields(err.fields, options) } : {}),
    // Apollo lifts `http` into the response head (a context failure would otherwise be 500).
    ...(GATEWAY_CREDENTIALS_REJECTED.has(err.errorCode)
      ? { reason: 'gateway-credentials-rejected', http: { status: 503 } }
      : {}),
  };
  const Constructor = CONSTRUCTORS[code];
  const mapped = new Constructor(messageFor(code, err), extensions);
  return Object.assign(mapped, { originalError: err });
}

/**
 * A linked service (Stripe, Zendesk, QuickBooks) failing: its field alone becomes null with
 * this error on its path. `extensions.service` names the service; a 429 carries
 * `retryAfterSeconds`; an unconfigured service names the variables to set (`missing`).
 */
export function fromLinkedServiceError(err: LinkedServiceError): GraphQLError {
  const extensions: ErrorExtensions = {
    service: err.service,
    upstream: { service: err.service, ...(err.statusCode ? { status: err.statusCode } : {}) },
    reason: err.kind,
    ...(err.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
    ...(err.missing.length > 0 ? { missing: [...err.missing] } : {}),
  };
  const mapped =
    err.kind === 'rate-limited'
      ? new UpstreamRateLimitedError(err.message, extensions)
      : new UpstreamUnavailableError(err.message, extensions);
  return Object.assign(mapped, { originalError: err });
}

/** The gateway's own refusals to call an upstream: resilience, rows budget, abandoned operations. */
function fromGatewayRefusal(err: unknown): GraphQLError | undefined {
  if (err instanceof UpstreamRejectedError) {
    return Object.assign(
      new UpstreamUnavailableError(err.message, {
        reason: err.reason,
        retryAfterSeconds: err.retryAfterSeconds,
        upstream: { service: err.service },
      }),
      { originalError: err },
    );
  }
  if (err instanceof ApiBudgetExceededError) {
    return Object.assign(
      new UpstreamRateLimitedError(err.message, {
        reason: err.reason,
        used: err.used,
        max: err.max,
        freesBy: err.freesBy.toISOString(),
        retryAfterSeconds: err.retryAfterSeconds,
        // Spent: what Salesforce itself would answer, without asking it again.
        upstream:
          err.reason === 'allocation-spent'
            ? { service: 'salesforce', errorCode: 'REQUEST_LIMIT_EXCEEDED' }
            : { service: 'salesforce' },
      }),
      { originalError: err },
    );
  }
  if (err instanceof RowBudgetExceededError) {
    return Object.assign(
      new QueryTooComplexError(err.message, {
        reason: 'max-rows',
        maxRows: err.maxRows,
        rowsRead: err.rowsRead,
      }),
      { originalError: err },
    );
  }
  if (err instanceof OperationAbortedError) {
    // Nobody reads it (the client left); not an internal error worth logging as one.
    return Object.assign(
      new UpstreamUnavailableError(err.message, { reason: 'operation-aborted' }),
      { originalError: err },
    );
  }
  return undefined;
}

/**
 * The GraphQL error to report for anything a resolver throws: our own errors as they are,
 * Salesforce failures by their errorCode, SOQL compilation input errors as BAD_USER_INPUT
 * naming the argument, anything else INTERNAL_SERVER_ERROR (formatError masks its message).
 */
export function toGraphQLError(err: unknown, options: ErrorMappingOptions = {}): GraphQLError {
  if (hasErrorCode(err) && CODES.has(err.extensions.code)) return err;
  if (err instanceof GraphQLError && err.originalError !== undefined && err.originalError !== err) {
    return toGraphQLError(err.originalError, options);
  }
  const authFailure = fromAuthError(err);
  if (authFailure) return authFailure;
  if (err instanceof SalesforceUpstreamError) return fromSalesforceError(err, options);
  if (err instanceof LinkedServiceError) return fromLinkedServiceError(err);
  const gatewayRefusal = fromGatewayRefusal(err);
  if (gatewayRefusal) return gatewayRefusal;
  if (err instanceof SoqlInputError) {
    return new BadUserInputError(
      err.message,
      err.argument === undefined ? {} : { argument: err.argument },
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  const internal = new InternalServerError(message);
  return Object.assign(internal, { originalError: err instanceof Error ? err : undefined });
}
