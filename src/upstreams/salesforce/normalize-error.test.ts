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

  describe('non-JSON error bodies', () => {
    const PAGE_414 =
      '<html><head><title>414 URI Too Long</title></head><body><h1>URI Too Long</h1></body></html>';
    const PAGE_502 = '<!DOCTYPE html><html><body><p>Bad Gateway</p></body></html>';

    /** What jsforce throws when the body is no JSON error: code ERROR_HTTP_nnn, the page as message or data. */
    const unparsed = (status: number, page: string, htmlContentType: boolean): Error =>
      htmlContentType
        ? httpApiError(
            `HTTP response contains html content.\nHTTP status code: ${status}.`,
            `ERROR_HTTP_${status}`,
            page,
          )
        : httpApiError(page, `ERROR_HTTP_${status}`, { errorCode: `ERROR_HTTP_${status}` });

    it.each([true, false])(
      'names an HTML 414 REQUEST_URI_TOO_LONG with the limit, no HTML (text/html exactly: %s)',
      (htmlContentType) => {
        const err = normalizeSalesforceError(unparsed(414, PAGE_414, htmlContentType), 414);
        expect(err).toMatchObject({ errorCode: 'REQUEST_URI_TOO_LONG', statusCode: 414 });
        expect(err.message).toBe(
          'The query is too long for Salesforce: its request URL is over 16,384 bytes (HTTP 414); use fewer values in the filter',
        );
      },
    );

    it.each([
      [502, PAGE_502],
      [503, 'Service Unavailable'],
      [400, PAGE_502],
      [404, ''],
    ])('keeps HTTP %i as ERROR_HTTP_nnn with a message free of the body', (status, page) => {
      const err = normalizeSalesforceError(unparsed(status, page, false), status);
      expect(err).toMatchObject({ errorCode: `ERROR_HTTP_${status}`, statusCode: status });
      expect(err.message).toBe(
        `Salesforce answered HTTP ${status} without a Salesforce error body`,
      );
    });

    it('reads the status from the code when none was observed', () => {
      expect(normalizeSalesforceError(unparsed(414, PAGE_414, false))).toMatchObject({
        errorCode: 'REQUEST_URI_TOO_LONG',
        statusCode: 414,
      });
    });

    it('never passes markup through, whatever the code', () => {
      const coded = normalizeSalesforceError(httpApiError(PAGE_502, 'SERVER_UNAVAILABLE', {}), 503);
      expect(coded.message).not.toMatch(/</);
      const plain = normalizeSalesforceError(new Error(PAGE_502), 502);
      expect(plain).toMatchObject({ errorCode: 'ERROR_HTTP_502', statusCode: 502 });
      expect(plain.message).not.toMatch(/</);
      expect(normalizeSalesforceError(new Error(PAGE_502)).message).not.toMatch(/</);
    });
  });

  it('falls back to UNKNOWN_EXCEPTION', () => {
    expect(normalizeSalesforceError(new TypeError('x is undefined')).errorCode).toBe(
      'UNKNOWN_EXCEPTION',
    );
  });
});
