import { HeaderMap } from '@apollo/server';
import {
  InvalidCredentialsError,
  SessionEndedError,
  TokenRefreshError,
  TokenVaultError,
} from '../auth/auth-errors';
import { SalesforceUpstreamError } from '../upstreams/salesforce/client';
import { normalizeSalesforceError } from '../upstreams/salesforce/normalize-error';
import { ErrorCode } from './codes';
import { createFormatError } from './format-error';
import { toGraphQLError } from './to-graphql-error';

describe('auth failures as GraphQL errors', () => {
  it('maps a session end to UNAUTHENTICATED with the login hint and HTTP 401', () => {
    const mapped = toGraphQLError(new SessionEndedError('refresh-token-rejected'));
    expect(mapped.extensions).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      reason: 'refresh-token-rejected',
      login: '/auth/salesforce/login',
      http: { status: 401 },
    });
    const http = mapped.extensions.http as { headers: HeaderMap };
    expect(http.headers.get('www-authenticate')).toBe('Bearer realm="atom-crm-gateway"');
  });

  it('recovers the session end after jsforce and the Salesforce client re-wrapped it', () => {
    // jsforce's refresh delegate keeps only the message; normalize turns it into INVALID_SESSION_ID.
    const jsforce = new Error(
      `Unable to refresh session due to: ${new SessionEndedError('refreshed-token-rejected').message}`,
    );
    const upstream = normalizeSalesforceError(jsforce, 401);
    expect(upstream).toBeInstanceOf(SalesforceUpstreamError);
    expect(upstream.errorCode).toBe('INVALID_SESSION_ID');
    expect(toGraphQLError(upstream).extensions).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      reason: 'refreshed-token-rejected',
      login: '/auth/salesforce/login',
    });
  });

  it('maps invalid credentials without a login hint, and an unreadable vault fail-closed', () => {
    const invalid = toGraphQLError(new InvalidCredentialsError('the API key is not valid'));
    expect(invalid.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'credentials-invalid',
    });
    expect(invalid.extensions.login).toBeUndefined();
    const tampered = toGraphQLError(new TokenVaultError('tampered', 'authentication tag mismatch'));
    expect(tampered.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'session-unreadable',
    });
    expect(tampered.message).not.toContain('authentication tag');
  });

  it('reports a transient refresh failure as UPSTREAM_UNAVAILABLE, the session intact', () => {
    const wrapped = normalizeSalesforceError(
      new Error(
        `Unable to refresh session due to: ${new TokenRefreshError('the Salesforce token refresh failed').message}`,
      ),
      401,
    );
    expect(toGraphQLError(wrapped).extensions).toMatchObject({
      code: ErrorCode.UPSTREAM_UNAVAILABLE,
      upstream: { errorCode: 'TOKEN_REFRESH_FAILED' },
    });
    expect(toGraphQLError(new TokenRefreshError('x')).extensions.code).toBe(
      ErrorCode.UPSTREAM_UNAVAILABLE,
    );
  });

  it("reports a plain INVALID_SESSION_ID (the integration user's) as the gateway's fault", () => {
    const mapped = toGraphQLError(
      new SalesforceUpstreamError('Session expired', 'INVALID_SESSION_ID'),
    );
    expect(mapped.extensions.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(mapped.extensions.login).toBeUndefined();
  });

  it('never echoes the http status of a refused gateway login in a formatted error', () => {
    const format = createFormatError({ exposeInternals: false });
    const formatted = format(
      { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new SalesforceUpstreamError('invalid client credentials', 'INVALID_SESSION_ID', {
        statusCode: 400,
      }),
    );
    expect(formatted.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'gateway-credentials-rejected',
      upstream: { service: 'salesforce', errorCode: 'INVALID_SESSION_ID', fields: [] },
    });
    expect(formatted.message).toMatch(/gateway's own credentials/);
  });

  it('never echoes the http extension in a formatted error', () => {
    const format = createFormatError({ exposeInternals: false });
    const formatted = format(
      { message: 'x', path: ['apiUsage'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new SessionEndedError('session-expired'),
    );
    expect(formatted.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'session-expired',
      login: '/auth/salesforce/login',
    });
  });
});
