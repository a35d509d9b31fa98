import { SalesforceUpstreamError } from './client';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

function readString(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const field: unknown = Reflect.get(value, key);
  return typeof field === 'string' ? field : undefined;
}

function readFields(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  const data: unknown = Reflect.get(value, 'data');
  const fields: unknown =
    data !== null && typeof data === 'object'
      ? Reflect.get(data, 'fields')
      : Reflect.get(value, 'fields');
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

/** jsforce's code for an error body that was not a Salesforce error (an HTML page, empty, plain text). */
const UNPARSED_BODY = /^ERROR_HTTP_(\d{3})$/;

/** Markup in a message: an HTML error page that must not reach a client. */
const MARKUP = /<\s*(?:!doctype|html|head|body|title|h1|p)\b/i;

/** Salesforce's request-URI limit, as request-uri-limit.ts in soql/ checks it before sending. */
const MAX_URI_BYTES = '16,384';

/**
 * A failure whose body was not a Salesforce JSON error: a 414 from Salesforce's front end, a
 * proxy's 502 page. The body is never passed on (it is HTML meant for browsers); the status
 * says what happened.
 */
function unparsedBody(status: number, err: unknown): SalesforceUpstreamError {
  if (status === 414) {
    return new SalesforceUpstreamError(
      `The query is too long for Salesforce: its request URL is over ${MAX_URI_BYTES} bytes (HTTP 414); use fewer values in the filter`,
      'REQUEST_URI_TOO_LONG',
      { statusCode: 414, cause: err },
    );
  }
  return new SalesforceUpstreamError(
    `Salesforce answered HTTP ${status} without a Salesforce error body`,
    `ERROR_HTTP_${status}`,
    { statusCode: status, cause: err },
  );
}

/** Salesforce SOAP faults carry a namespace prefix (`sf:INVALID_SESSION_ID`). */
function stripNamespace(code: string): string {
  const colon = code.lastIndexOf(':');
  return colon >= 0 ? code.slice(colon + 1) : code;
}

/**
 * Any failure jsforce surfaces (HttpApiError with `errorCode`, node-fetch FetchError with a
 * socket `code`, AbortError on timeout, OAuth errors named after `error`, refresh-delegate
 * wrappers) as one SalesforceUpstreamError. `statusCode` is the HTTP status observed for the
 * call, when there was one.
 */
export function normalizeSalesforceError(
  err: unknown,
  statusCode?: number,
): SalesforceUpstreamError {
  if (err instanceof SalesforceUpstreamError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const name = err instanceof Error ? err.name : '';
  const socketCode = readString(err, 'code');
  const apiCode = readString(err, 'errorCode');

  if (socketCode !== undefined && NETWORK_CODES.has(socketCode)) {
    return new SalesforceUpstreamError(
      `Salesforce is unreachable (${socketCode})`,
      'NETWORK_ERROR',
      {
        cause: err,
      },
    );
  }
  const wrappedNetwork = [...NETWORK_CODES].find((code) => message.includes(code));
  if (wrappedNetwork !== undefined) {
    return new SalesforceUpstreamError(
      `Salesforce is unreachable (${wrappedNetwork})`,
      'NETWORK_ERROR',
      {
        cause: err,
      },
    );
  }
  if (name === 'AbortError' || /aborted due to timeout/i.test(message)) {
    return new SalesforceUpstreamError('Salesforce did not answer in time', 'TIMEOUT', {
      cause: err,
    });
  }
  const unparsed = UNPARSED_BODY.exec(apiCode ?? name);
  if (unparsed) return unparsedBody(statusCode ?? Number(unparsed[1]), err);
  if (apiCode !== undefined) {
    const code = stripNamespace(apiCode);
    return new SalesforceUpstreamError(
      MARKUP.test(message) ? `Salesforce answered ${code} with an HTML page` : message,
      code,
      { statusCode, fields: readFields(err), cause: err },
    );
  }
  // jsforce's session refresh wraps the grant's failure: "Unable to refresh session due to: ...".
  if (message.startsWith('Unable to refresh session')) {
    return new SalesforceUpstreamError(message, 'INVALID_SESSION_ID', {
      statusCode: 401,
      cause: err,
    });
  }
  // OAuth token endpoint errors are Errors named after the OAuth `error` (invalid_grant...).
  if (/^[a-z_]+$/.test(name) && name !== 'error') {
    return new SalesforceUpstreamError(message, 'INVALID_SESSION_ID', {
      statusCode: statusCode ?? 400,
      cause: err,
    });
  }
  if (statusCode !== undefined && MARKUP.test(message)) return unparsedBody(statusCode, err);
  return new SalesforceUpstreamError(
    MARKUP.test(message) ? 'Salesforce answered with an HTML page' : message,
    'UNKNOWN_EXCEPTION',
    { statusCode, cause: err },
  );
}
