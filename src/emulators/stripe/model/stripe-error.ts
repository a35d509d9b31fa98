/** The `type` values of Stripe's v1 error object (spec3.json `components.schemas.api_errors`). */
export type StripeErrorType =
  'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
}

/** A Stripe API failure: answered as `{"error": {...}}` with its HTTP status. */
export class StripeApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: StripeErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

const docUrl = (code: string): string =>
  `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

function invalid(status: number, message: string, code?: string, param?: string): StripeApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (code) {
    body.code = code;
    body.doc_url = docUrl(code);
  }
  if (param) body.param = param;
  return new StripeApiError(status, body);
}

export const stripeErrors = {
  noApiKey: (): StripeApiError =>
    invalid(
      401,
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    ),
  invalidApiKey: (key: string): StripeApiError =>
    invalid(401, `Invalid API Key provided: ${redactKey(key)}`, 'api_key_invalid'),
  unrecognizedUrl: (method: string, path: string): StripeApiError =>
    invalid(
      404,
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    ),
  /** 404 for the object a path names; 400 for an id passed as a parameter. */
  noSuchObject: (objectName: string, id: string, param = 'id'): StripeApiError =>
    invalid(
      param === 'id' ? 404 : 400,
      `No such ${objectName}: '${id}'`,
      'resource_missing',
      param,
    ),
  unknownParameter: (param: string): StripeApiError =>
    invalid(400, `Received unknown parameter: ${param}`, 'parameter_unknown', param),
  missingParameter: (param: string): StripeApiError =>
    invalid(400, `Missing required param: ${param}.`, 'parameter_missing', param),
  invalidInteger: (param: string, value: string): StripeApiError =>
    invalid(400, `Invalid integer: ${value}`, 'parameter_invalid_integer', param),
  invalidParameter: (param: string, message: string): StripeApiError =>
    invalid(400, message, 'parameter_invalid_empty', param),
  invalidValue: (param: string, message: string, code = 'invalid_request'): StripeApiError =>
    invalid(400, message, code === 'invalid_request' ? undefined : code, param),
  invalidLimit: (): StripeApiError =>
    invalid(400, 'Invalid limit: must be between 1 and 100', undefined, 'limit'),
  searchQuery: (message: string): StripeApiError =>
    invalid(400, message, 'parameter_invalid_string', 'query'),
  idempotencyMismatch: (key: string): StripeApiError =>
    new StripeApiError(400, {
      type: 'idempotency_error',
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    }),
  rateLimited: (retryAfterSeconds: number): StripeApiError =>
    new StripeApiError(
      429,
      {
        type: 'invalid_request_error',
        code: 'rate_limit',
        doc_url: docUrl('rate_limit'),
        message:
          'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  serverUnavailable: (): StripeApiError =>
    new StripeApiError(503, {
      type: 'api_error',
      message:
        'Stripe is temporarily unavailable. Please try again later, or contact us at https://support.stripe.com/.',
    }),
  internal: (): StripeApiError =>
    new StripeApiError(500, {
      type: 'api_error',
      message:
        'An unknown error occurred. Please try again later, or contact us at https://support.stripe.com/.',
    }),
};

/** Stripe echoes only the key's prefix and its last four characters. */
export function redactKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(Math.max(4, key.length - prefix.length - 4))}${key.slice(-4)}`;
}
