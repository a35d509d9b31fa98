import { jsonReplyWith, type HttpReply } from '../../http-kit/http-io';

/** Zendesk answers JSON with this content type; node-zendesk parses a body only when it says JSON. */
export const ZENDESK_JSON = 'application/json; charset=utf-8';

export const zendeskJson = jsonReplyWith(ZENDESK_JSON);

/** A request the handler refuses; the listener answers with its reply. */
export class ZendeskApiError extends Error {
  constructor(readonly reply: HttpReply) {
    super(`Zendesk API error ${reply.status}`);
  }
}

/** Missing, malformed or wrong credentials. */
export const unauthorized = (): HttpReply =>
  zendeskJson(401, { error: "Couldn't authenticate you" });

export const recordNotFound = (): HttpReply =>
  zendeskJson(404, { error: 'RecordNotFound', description: 'Not found' });

/** A path (or method) the API does not serve, answered before credentials are looked at. */
export const invalidEndpoint = (): HttpReply =>
  zendeskJson(404, { error: 'InvalidEndpoint', description: 'Not found' });

/** Zendesk's parameter validation error, e.g. `page` on search or `page[size]` out of range. */
export function invalidAttribute(attribute: string, rule: string, action: string): ZendeskApiError {
  return new ZendeskApiError(
    zendeskJson(400, {
      error: {
        title: 'Invalid attribute',
        message: `You passed an invalid value for the ${attribute} attribute. Invalid parameter: ${rule} from api/v2/${action}`,
      },
    }),
  );
}

/** Search beyond its first 1,000 results. */
export const searchLimitExceeded = (): ZendeskApiError =>
  new ZendeskApiError(
    zendeskJson(422, {
      error: 'invalid',
      description:
        'Invalid search: Requested response size was greater than Search Response Limits',
    }),
  );

/**
 * Zendesk's 429 is plain text with `Retry-After` (seconds). node-zendesk keys on that header:
 * a response carrying it is *returned* as an Error with statusCode 429, not thrown.
 */
export function rateLimited(retryAfterSeconds: number, limit: number): HttpReply {
  return {
    status: 429,
    headers: {
      'Content-Type': 'text/plain',
      'Retry-After': String(retryAfterSeconds),
      'X-Rate-Limit': String(limit),
      'X-Rate-Limit-Remaining': '0',
    },
    body: 'Number of allowed API requests per minute exceeded',
  };
}

/** The 5xx burst: no `Retry-After`, so node-zendesk throws it like any other server error. */
export const serviceUnavailable = (): HttpReply =>
  zendeskJson(503, { error: 'ServiceUnavailable', description: 'Service temporarily unavailable' });

export const serverError = (): HttpReply =>
  zendeskJson(500, { error: 'InternalError', description: 'An unexpected error occurred' });
