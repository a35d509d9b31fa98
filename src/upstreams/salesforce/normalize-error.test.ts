import { SalesforceUpstreamError } from './client';
import { normalizeSalesforceError } from './normalize-error';

function httpApiError(message: string, errorCode: string, data: unknown): Error {
  return Object.assign(new Error(message), { name: errorCode, errorCode, data });
}

describe('normalizeSalesforceError', () => {
  it('keeps errorCode, fields and the observed status of REST errors', () => {
    const err = normalizeSalesforceError(
      httpApiError('Required fields are missing: [LastName]', 'REQUIRED_FIELD_MISSING', {
        message: 'Required fields are missing: [LastName]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['LastName'],
      }),
      400,
    );
    expect(err).toBeInstanceOf(SalesforceUpstreamError);
    expect(err).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      statusCode: 400,
      fields: ['LastName'],
    });
  });

  it('strips the namespace of SOAP fault codes', () => {
    expect(
      normalizeSalesforceError(httpApiError('bad', 'sf:INVALID_SESSION_ID', {})).errorCode,
    ).toBe('INVALID_SESSION_ID');
  });

  it('reads the status out of ERROR_HTTP_nnn', () => {
    expect(normalizeSalesforceError(httpApiError('<html>', 'ERROR_HTTP_502', {}))).toMatchObject({
      errorCode: 'ERROR_HTTP_502',
      statusCode: 502,
    });
  });

  it('recognises refused connections, also when jsforce wrapped them', () => {
    const refused = Object.assign(new Error('request failed, reason: connect ECONNREFUSED'), {
      name: 'FetchError',
      code: 'ECONNREFUSED',
    });
    expect(normalizeSalesforceError(refused).errorCode).toBe('NETWORK_ERROR');
    expect(
      normalizeSalesforceError(
        new Error('Unable to refresh session due to: connect ECONNREFUSED 127.0.0.1:1'),
      ).errorCode,
    ).toBe('NETWORK_ERROR');
  });

  it('recognises timeouts', () => {
    const abort = Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    expect(normalizeSalesforceError(abort).errorCode).toBe('TIMEOUT');
  });

  it('treats a failed session refresh as an invalid session', () => {
    expect(
      normalizeSalesforceError(
        new Error('Unable to refresh session due to: expired access/refresh token'),
      ),
    ).toMatchObject({ errorCode: 'INVALID_SESSION_ID', statusCode: 401 });
  });

  it('falls back to UNKNOWN_EXCEPTION', () => {
    expect(normalizeSalesforceError(new TypeError('x is undefined')).errorCode).toBe(
      'UNKNOWN_EXCEPTION',
    );
  });
});
