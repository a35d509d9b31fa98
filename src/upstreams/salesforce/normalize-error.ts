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
  if (apiCode !== undefined) {
    const code = stripNamespace(apiCode);
    const httpFromCode = /^ERROR_HTTP_(\d{3})$/.exec(code);
    const status = statusCode ?? (httpFromCode ? Number(httpFromCode[1]) : undefined);
    return new SalesforceUpstreamError(message, code, {
      statusCode: status,
      fields: readFields(err),
      cause: err,
    });
  }
  const httpName = /^ERROR_HTTP_(\d{3})$/.exec(name);
  if (httpName) {
    return new SalesforceUpstreamError(message, name, {
      statusCode: Number(httpName[1]),
      cause: err,
    });
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
  return new SalesforceUpstreamError(message, 'UNKNOWN_EXCEPTION', { statusCode, cause: err });
}
