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

export class BadUserInputError extends GatewayError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.BAD_USER_INPUT, extensions);
  }
}

export class NotFoundError extends GatewayError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.NOT_FOUND, extensions);
  }
}

export class ForbiddenError extends GatewayError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.FORBIDDEN, extensions);
  }
}

export class UnauthenticatedError extends GatewayError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.UNAUTHENTICATED, extensions);
  }
}

export class ConflictError extends GatewayError {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.CONFLICT, extensions);
  }
}

export class UpstreamRateLimitedError extends GatewayError {
  readonly code = ErrorCode.UPSTREAM_RATE_LIMITED;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.UPSTREAM_RATE_LIMITED, extensions);
  }
}

export class UpstreamUnavailableError extends GatewayError {
  readonly code = ErrorCode.UPSTREAM_UNAVAILABLE;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.UPSTREAM_UNAVAILABLE, extensions);
  }
}

export class QueryTooComplexError extends GatewayError {
  readonly code = ErrorCode.QUERY_TOO_COMPLEX;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX, extensions);
  }
}

export class InternalServerError extends GatewayError {
  readonly code = ErrorCode.INTERNAL_SERVER_ERROR;
  constructor(message: string, extensions?: ErrorExtensions) {
    super(message, ErrorCode.INTERNAL_SERVER_ERROR, extensions);
  }
}
