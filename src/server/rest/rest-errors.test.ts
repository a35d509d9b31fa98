import { ErrorCode } from '../../errors';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  fieldProblems,
  fromGraphQLError,
  STATUS_BY_CODE,
} from './rest-errors';

describe('REST errors from GraphQL errors', () => {
  it('gives every contract code a status', () => {
    for (const code of Object.values(ErrorCode))
      expect(STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
  });

  it('keeps the code, the message and the other extensions as details', () => {
    expect(
      fromGraphQLError({
        message: 'Nope',
        extensions: { code: 'CONFLICT', reason: 'sync-running' },
      }),
    ).toEqual({
      status: 409,
      code: 'CONFLICT',
      message: 'Nope',
      details: { reason: 'sync-running' },
      headers: {},
    });
  });

  it('adds Retry-After to a 429 (its own wait, else the default) and to a 503 that names one', () => {
    expect(
      fromGraphQLError({
        message: 'x',
        extensions: { code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 2.2 },
      }).headers,
    ).toEqual({ 'retry-after': '3' });
    expect(
      fromGraphQLError({ message: 'x', extensions: { code: 'UPSTREAM_RATE_LIMITED' } }).headers,
    ).toEqual({
      'retry-after': String(DEFAULT_RETRY_AFTER_SECONDS),
    });
    expect(
      fromGraphQLError({
        message: 'x',
        extensions: { code: 'UPSTREAM_UNAVAILABLE', retryAfterSeconds: 5 },
      }).headers,
    ).toEqual({ 'retry-after': '5' });
    expect(
      fromGraphQLError({ message: 'x', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }).status,
    ).toBe(503);
  });

  it('answers an unknown or missing code as 500 INTERNAL_SERVER_ERROR', () => {
    expect(
      fromGraphQLError({ message: 'x', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ).toMatchObject({
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
    });
    expect(fromGraphQLError({ message: 'x' })).toMatchObject({ status: 500 });
  });

  it('names body problems by JSON path, unknown keys by their own name', () => {
    expect(
      fieldProblems([
        { path: ['billingAddress', 'city'], message: 'Expected string' },
        { path: [], message: 'Unrecognized key', keys: ['color', 'size'] },
        { path: ['services', 2], message: 'Invalid option' },
        { path: [], message: 'Expected object' },
      ]),
    ).toEqual({
      'billingAddress.city': 'Expected string',
      color: 'Unrecognized key',
      size: 'Unrecognized key',
      'services.2': 'Invalid option',
      '(body)': 'Expected object',
    });
  });
});
