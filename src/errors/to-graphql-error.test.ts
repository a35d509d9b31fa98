import { GraphQLError } from 'graphql';
import { SessionEndedError } from '../auth/auth-errors';
import { SalesforceUpstreamError } from '../upstreams/salesforce/client';
import { SoqlInputError } from '../upstreams/salesforce/soql';
import { ErrorCode } from './codes';
import { NotFoundError } from './gateway-errors';
import { toGraphQLError } from './to-graphql-error';

const sf = (errorCode: string, statusCode?: number, fields: string[] = []) =>
  new SalesforceUpstreamError(`${errorCode} happened`, errorCode, { statusCode, fields });

describe('toGraphQLError', () => {
  it.each([
    ['INVALID_FIELD', ErrorCode.BAD_USER_INPUT],
    ['MALFORMED_QUERY', ErrorCode.BAD_USER_INPUT],
    ['INVALID_TYPE', ErrorCode.BAD_USER_INPUT],
    ['REQUIRED_FIELD_MISSING', ErrorCode.BAD_USER_INPUT],
    ['STRING_TOO_LONG', ErrorCode.BAD_USER_INPUT],
    ['INVALID_EMAIL_ADDRESS', ErrorCode.BAD_USER_INPUT],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', ErrorCode.BAD_USER_INPUT],
    ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ErrorCode.BAD_USER_INPUT],
    ['MALFORMED_ID', ErrorCode.BAD_USER_INPUT],
    ['INVALID_CROSS_REFERENCE_KEY', ErrorCode.BAD_USER_INPUT],
    ['NOT_FOUND', ErrorCode.NOT_FOUND],
    ['ENTITY_IS_DELETED', ErrorCode.NOT_FOUND],
    ['INSUFFICIENT_ACCESS_OR_READONLY', ErrorCode.FORBIDDEN],
    ['INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', ErrorCode.FORBIDDEN],
    ['DUPLICATE_VALUE', ErrorCode.CONFLICT],
    ['DUPLICATES_DETECTED', ErrorCode.CONFLICT],
    ['UNABLE_TO_LOCK_ROW', ErrorCode.CONFLICT],
    ['ENTITY_IS_LOCKED', ErrorCode.CONFLICT],
    ['REQUEST_LIMIT_EXCEEDED', ErrorCode.UPSTREAM_RATE_LIMITED],
    ['SERVER_UNAVAILABLE', ErrorCode.UPSTREAM_UNAVAILABLE],
    ['TIMEOUT', ErrorCode.UPSTREAM_UNAVAILABLE],
    ['NETWORK_ERROR', ErrorCode.UPSTREAM_UNAVAILABLE],
    ['INVALID_SESSION_ID', ErrorCode.UPSTREAM_UNAVAILABLE],
    ['INVALID_AUTH_HEADER', ErrorCode.UPSTREAM_UNAVAILABLE],
  ])('maps Salesforce %s to %s', (errorCode, code) => {
    const mapped = toGraphQLError(sf(errorCode));
    expect(mapped.extensions.code).toBe(code);
    expect(mapped.extensions.upstream).toEqual({ service: 'salesforce', errorCode, fields: [] });
  });

  it("reports the org refusing the gateway's own login as a 503 configuration fault", () => {
    const refused = new SalesforceUpstreamError('invalid assertion', 'INVALID_SESSION_ID', {
      statusCode: 400,
    });
    const mapped = toGraphQLError(refused);
    expect(mapped.extensions).toMatchObject({
      code: ErrorCode.UPSTREAM_UNAVAILABLE,
      reason: 'gateway-credentials-rejected',
      http: { status: 503 },
      upstream: { service: 'salesforce', errorCode: 'INVALID_SESSION_ID' },
    });
    expect(mapped.message).toMatch(/refused the gateway's own credentials.*invalid assertion/);
    // Not the client's credentials: nothing that would send a client to log in again.
    expect(mapped.extensions.login).toBeUndefined();
    // jsforce's refresh delegate wraps the failed re-login of the integration user alike.
    const relogin = new SalesforceUpstreamError(
      'Unable to refresh session due to: invalid client credentials',
      'INVALID_SESSION_ID',
      {
        statusCode: 401,
        cause: new Error('Unable to refresh session due to: invalid client credentials'),
      },
    );
    expect(toGraphQLError(relogin).extensions.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
  });

  it("keeps UNAUTHENTICATED for a user's session that ended, even wrapped as INVALID_SESSION_ID", () => {
    const ended = new SalesforceUpstreamError(
      'Unable to refresh session due to: Salesforce session ended (refresh-token-rejected); log in again at /auth/salesforce/login',
      'INVALID_SESSION_ID',
      {
        statusCode: 401,
        cause: new SessionEndedError('refresh-token-rejected'),
      },
    );
    const mapped = toGraphQLError(ended);
    expect(mapped.extensions).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      reason: 'refresh-token-rejected',
      http: { status: 401 },
    });
  });

  it('maps a Salesforce 414 to BAD_USER_INPUT and other bodies that were no Salesforce error to UPSTREAM_UNAVAILABLE', () => {
    expect(toGraphQLError(sf('REQUEST_URI_TOO_LONG', 414)).extensions.code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(toGraphQLError(sf('ERROR_HTTP_400', 400)).extensions.code).toBe(
      ErrorCode.UPSTREAM_UNAVAILABLE,
    );
    expect(toGraphQLError(sf('ERROR_HTTP_404', 404)).extensions.code).toBe(
      ErrorCode.UPSTREAM_UNAVAILABLE,
    );
    expect(toGraphQLError(sf('ERROR_HTTP_429', 429)).extensions.code).toBe(
      ErrorCode.UPSTREAM_RATE_LIMITED,
    );
  });

  it('uses the HTTP status for codes it does not know', () => {
    expect(toGraphQLError(sf('ERROR_HTTP_502', 502)).extensions.code).toBe(
      ErrorCode.UPSTREAM_UNAVAILABLE,
    );
    expect(toGraphQLError(sf('WHATEVER', 429)).extensions.code).toBe(
      ErrorCode.UPSTREAM_RATE_LIMITED,
    );
    expect(toGraphQLError(sf('WHATEVER', 400)).extensions.code).toBe(
      ErrorCode.INTERNAL_SERVER_ERROR,
    );
  });

  it("carries Salesforce's fields", () => {
    const mapped = toGraphQLError(sf('REQUIRED_FIELD_MISSING', 400, ['LastName']));
    expect(mapped.message).toBe('REQUIRED_FIELD_MISSING happened');
    expect(mapped.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['LastName'],
      upstream: {
        service: 'salesforce',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['LastName'],
      },
    });
  });

  it('names the fields in the graph when the caller knows the object, keeping Salesforce names under upstream', () => {
    const rename = (field: string): string | undefined =>
      ({ StageName: 'stageName', CloseDate: 'closeDate' })[field];
    const mapped = toGraphQLError(
      sf('REQUIRED_FIELD_MISSING', 400, ['StageName', 'CloseDate', 'Custom__c']),
      { graphFieldName: rename },
    );
    expect(mapped.extensions).toMatchObject({
      fields: ['stageName', 'closeDate', 'Custom__c'],
      upstream: { fields: ['StageName', 'CloseDate', 'Custom__c'] },
    });
  });

  it('maps SOQL input errors to BAD_USER_INPUT naming the argument', () => {
    const mapped = toGraphQLError(new SoqlInputError('first must be between 0 and 200', 'first'));
    expect(mapped.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(mapped.message).toBe('first must be between 0 and 200');
  });

  it('keeps errors that already carry a contract code', () => {
    const error = new NotFoundError('gone');
    expect(toGraphQLError(error)).toBe(error);
  });

  it('unwraps errors graphql-js located around a resolver failure', () => {
    const located = new GraphQLError('x', { originalError: sf('NOT_FOUND', 404) });
    expect(toGraphQLError(located).extensions.code).toBe(ErrorCode.NOT_FOUND);
  });

  it('turns anything else into INTERNAL_SERVER_ERROR', () => {
    expect(toGraphQLError(new TypeError('boom')).extensions.code).toBe(
      ErrorCode.INTERNAL_SERVER_ERROR,
    );
    expect(toGraphQLError('a string').extensions.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  });
});
