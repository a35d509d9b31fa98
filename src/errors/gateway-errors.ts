import { GraphQLError } from 'graphql';
import { ErrorCode } from './codes';

export type ErrorExtensions = Record<string, unknown>;

/** A GraphQLError whose `extensions.code` is fixed by its class (type-graphql's error classes). */
export abstract class GatewayError extends GraphQLError {
  abstract readonly code: ErrorCode;

  protected constructor(message: string, code: ErrorCode, extensions?: ErrorExtensions) {
    super(message, { extensions: { ...extensions, code } });
    this.name = new.target.name;
  }
}

/** The base of one error class per contract code: `instanceof` and a literal `code` type. */
function errorWithCode<C extends ErrorCode>(code: C) {
  return class extends GatewayError {
    readonly code: C = code;
    constructor(message: string, extensions?: ErrorExtensions) {
      super(message, code, extensions);
    }
  };
}

export class BadUserInputError extends errorWithCode(ErrorCode.BAD_USER_INPUT) {}
export class NotFoundError extends errorWithCode(ErrorCode.NOT_FOUND) {}
export class ForbiddenError extends errorWithCode(ErrorCode.FORBIDDEN) {}
export class UnauthenticatedError extends errorWithCode(ErrorCode.UNAUTHENTICATED) {}
export class ConflictError extends errorWithCode(ErrorCode.CONFLICT) {}
export class UpstreamRateLimitedError extends errorWithCode(ErrorCode.UPSTREAM_RATE_LIMITED) {}
export class UpstreamUnavailableError extends errorWithCode(ErrorCode.UPSTREAM_UNAVAILABLE) {}
export class QueryTooComplexError extends errorWithCode(ErrorCode.QUERY_TOO_COMPLEX) {}
export class InternalServerError extends errorWithCode(ErrorCode.INTERNAL_SERVER_ERROR) {}
export class BadRequestError extends errorWithCode(ErrorCode.BAD_REQUEST) {}
export class RateLimitedError extends errorWithCode(ErrorCode.RATE_LIMITED) {}
export class PersistedQueryNotFoundError extends errorWithCode(
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
) {}
export class PersistedQueryRequiredError extends errorWithCode(
  ErrorCode.PERSISTED_QUERY_REQUIRED,
) {}
