import { LinkedServiceError, parseRetryAfter } from '../linked';

/** A status Zendesk should never send the gateway's reads (400, 404, 422): our request is wrong. */
export class ZendeskRequestError extends Error {
  constructor(
    readonly statusCode: number,
    detail: string,
  ) {
    super(`Zendesk refused the gateway's request (HTTP ${statusCode}): ${detail}`);
    this.name = 'ZendeskRequestError';
  }
}

/**
 * What an HTTP answer means for the caller. node-zendesk 6 *returns* a response carrying
 * `Retry-After` (as an Error result, whatever its status) and throws others by a table of
 * statuses, so the status is read here from the raw response instead
 * (https://github.com/blakmatrix/node-zendesk/blob/master/src/clients/helpers.js).
 */
export function failureOfResponse(
  status: number,
  retryAfter: string | null,
  body: unknown,
): Error | undefined {
  if (status >= 200 && status < 300) return undefined;
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const details = {
    statusCode: status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
  if (status === 429) {
    return new LinkedServiceError('zendesk', 'rate-limited', 'Zendesk rate limit reached', details);
  }
  if (status === 401 || status === 403) {
    return new LinkedServiceError(
      'zendesk',
      'rejected',
      'Zendesk refused the gateway credentials (check ZENDESK_EMAIL and ZENDESK_API_TOKEN)',
      details,
    );
  }
  if (status >= 500) {
    return new LinkedServiceError(
      'zendesk',
      'unavailable',
      `Zendesk is unavailable (HTTP ${status})`,
      details,
    );
  }
  return new ZendeskRequestError(status, describeBody(body));
}

/** A failure before any answer: refused connection, reset socket, DNS. */
export function failureOfTransport(error: unknown): LinkedServiceError {
  const reason = error instanceof Error ? error.message : String(error);
  return new LinkedServiceError(
    'zendesk',
    'unavailable',
    `Zendesk could not be reached: ${reason}`,
  );
}

/** The attempt's time ran out (ZENDESK_TIMEOUT_MS). */
export function failureOfTimeout(): LinkedServiceError {
  return new LinkedServiceError('zendesk', 'unavailable', 'Zendesk did not answer in time');
}

function describeBody(body: unknown): string {
  if (typeof body !== 'object' || body === null) return 'no details';
  const { error, description } = body as { error?: unknown; description?: unknown };
  if (typeof description === 'string') return description;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const { title, message } = error as { title?: unknown; message?: unknown };
    return [title, message].filter((part) => typeof part === 'string').join(': ') || 'no details';
  }
  return 'no details';
}
