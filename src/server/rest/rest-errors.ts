import type { ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../errors';
import { WWW_AUTHENTICATE_CHALLENGE } from '../../errors/auth-errors-mapping';
import { isRecord } from '../../lib/is-record';
import { problems, type FieldProblems } from './rest-query-params';
import type { ErrorBody } from './rest-schemas';

/** The HTTP status of each GraphQL error code when a REST route answers with it. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  QUERY_TOO_COMPLEX: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UPSTREAM_RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  UPSTREAM_UNAVAILABLE: 503,
};

/** When a 429 names no wait of its own (an upstream that sent no Retry-After). */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

const CODES = new Set<string>(Object.values(ErrorCode));

export interface RestError {
  status: number;
  code: ErrorCode;
  message: string;
  fields?: FieldProblems;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A refusal of the REST layer itself (bad parameters, wrong method, …). */
export function restError(
  status: number,
  code: ErrorCode,
  message: string,
  extra: Pick<RestError, 'fields' | 'headers'> = {},
): RestError {
  return { status, code, message, ...extra };
}

/**
 * The REST error of a GraphQL answer's first error (already through formatError, so its
 * code is a contract code and internals are masked): the status of its code, its other
 * extensions as `details`, and `Retry-After` for a 429 or a 503 that says when to retry.
 */
export function fromGraphQLError(error: GraphQLFormattedError): RestError {
  const { code: rawCode, ...details } = error.extensions ?? {};
  const code =
    typeof rawCode === 'string' && CODES.has(rawCode)
      ? (rawCode as ErrorCode)
      : ErrorCode.INTERNAL_SERVER_ERROR;
  const status = STATUS_BY_CODE[code];
  const retryAfter = details.retryAfterSeconds;
  const headers: Record<string, string> = {};
  if (status === 429 || (status === 503 && typeof retryAfter === 'number')) {
    headers['retry-after'] = String(
      typeof retryAfter === 'number'
        ? Math.max(1, Math.ceil(retryAfter))
        : DEFAULT_RETRY_AFTER_SECONDS,
    );
  }
  if (status === 401) headers['www-authenticate'] = WWW_AUTHENTICATE_CHALLENGE;
  return {
    status,
    code,
    message: error.message,
    ...(Object.keys(details).length > 0 ? { details: { ...details } } : {}),
    headers,
  };
}

/** Problems of a zod validation, by JSON path of the body field (`billingAddress.city`). */
export function fieldProblems(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; keys?: string[] }>,
): FieldProblems {
  const fields = problems();
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    // An unknown key is reported on its object; name the key itself.
    const names =
      issue.keys && issue.keys.length > 0
        ? issue.keys.map((key) => (base === '' ? key : `${base}.${key}`))
        : [base === '' ? '(body)' : base];
    for (const name of names) fields[name] ??= issue.message;
  }
  return fields;
}

export function errorBody(error: RestError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      requestId,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details && isRecord(error.details) ? { details: error.details } : {}),
    },
  };
}

export function sendRestError(res: ServerResponse, error: RestError, requestId: string): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  sendJson(res, error.status, errorBody(error, requestId));
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  if (!res.hasHeader('cache-control')) res.setHeader('cache-control', 'no-store');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
