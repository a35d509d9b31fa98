import { LinkedServiceError, parseRetryAfter } from '../linked';

/** What node-quickbooks rejects with: axios' error (with `response` when QBO answered) or a Fault body. */
interface SdkFailure {
  code?: unknown;
  message?: unknown;
  response?: { status?: unknown; headers?: unknown; data?: unknown };
  Fault?: unknown;
}

/** `{"Fault":{"Error":[{Message, Detail, code}], type}}`, or the API gateway's lower-case `fault`. */
function faultText(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const body = data as {
    Fault?: {
      type?: unknown;
      Error?: Array<{ Message?: unknown; Detail?: unknown; code?: unknown }>;
    };
    fault?: {
      type?: unknown;
      error?: Array<{ message?: unknown; detail?: unknown; code?: unknown }>;
    };
  };
  const upper = body.Fault?.Error?.[0];
  if (upper) {
    return `${String(body.Fault?.type ?? 'Fault')} ${String(upper.code ?? '')}: ${String(upper.Message ?? '')}${upper.Detail ? ` (${String(upper.Detail)})` : ''}`;
  }
  const lower = body.fault?.error?.[0];
  if (lower)
    return `${String(body.fault?.type ?? 'fault')} ${String(lower.code ?? '')}: ${String(lower.message ?? '')}`;
  return undefined;
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, name);
    if (typeof value === 'string') return value;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The HTTP status QBO answered a failed call with; undefined when it never answered. */
export function failureStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as SdkFailure).response?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * One failure of a node-quickbooks call as the gateway reports it: 5xx, timeouts and broken
 * connections → `unavailable` (retried, counted by the breaker); 429 → `rate-limited` with
 * `Retry-After`; 401/403 → `rejected` (our credentials: a configuration problem). Anything else
 * (a 400 ValidationFault on a statement we built) is our bug and stays a plain Error.
 */
export function normaliseQuickBooksError(err: unknown): Error {
  if (err instanceof LinkedServiceError) return err;
  const failure = (typeof err === 'object' && err !== null ? err : {}) as SdkFailure;
  const status = failureStatus(err);
  const fault = faultText(failure.response?.data ?? failure);
  if (status === undefined) {
    if (failure.Fault !== undefined) {
      return new Error(`QuickBooks Online answered with a Fault: ${fault ?? 'unknown'}`);
    }
    const code = typeof failure.code === 'string' ? ` (${failure.code})` : '';
    const message = typeof failure.message === 'string' ? failure.message : String(err);
    return new LinkedServiceError(
      'quickbooks',
      'unavailable',
      `QuickBooks Online could not be reached${code}: ${message}`,
    );
  }
  const detail = fault ? `: ${fault}` : '';
  if (status === 429) {
    const retryAfter = parseRetryAfter(header(failure.response?.headers, 'retry-after'));
    return new LinkedServiceError(
      'quickbooks',
      'rate-limited',
      `QuickBooks Online throttled the gateway${detail}`,
      {
        statusCode: status,
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
      },
    );
  }
  if (status === 401 || status === 403) {
    return new LinkedServiceError(
      'quickbooks',
      'rejected',
      `QuickBooks Online refused the gateway's credentials (HTTP ${status})${detail}`,
      { statusCode: status },
    );
  }
  if (status >= 500 || status === 408) {
    return new LinkedServiceError(
      'quickbooks',
      'unavailable',
      `QuickBooks Online is unavailable (HTTP ${status})${detail}`,
      { statusCode: status },
    );
  }
  return new Error(`QuickBooks Online refused a request of the gateway (HTTP ${status})${detail}`);
}
