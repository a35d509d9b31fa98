import { LinkedServiceError } from '../linked';
import {
  failureOfResponse,
  failureOfTimeout,
  failureOfTransport,
  ZendeskRequestError,
} from './zendesk-failure';

describe('Zendesk answers as failures', () => {
  it('2xx is no failure', () => {
    expect(failureOfResponse(200, null, {})).toBeUndefined();
  });

  it('429 is rate-limited with Retry-After; 5xx unavailable (keeping a Retry-After); 401/403 rejected', () => {
    expect(
      failureOfResponse(429, '7', 'Number of allowed API requests per minute exceeded'),
    ).toMatchObject({
      service: 'zendesk',
      kind: 'rate-limited',
      retryAfterSeconds: 7,
      statusCode: 429,
    });
    // node-zendesk takes any response with Retry-After for a 429; the status decides here.
    expect(failureOfResponse(503, '30', {})).toMatchObject({
      kind: 'unavailable',
      retryAfterSeconds: 30,
      statusCode: 503,
    });
    expect(failureOfResponse(502, null, '<html>')).toMatchObject({ kind: 'unavailable' });
    expect(failureOfResponse(401, null, { error: "Couldn't authenticate you" })).toMatchObject({
      kind: 'rejected',
      statusCode: 401,
    });
    expect(failureOfResponse(403, null, {})).toMatchObject({ kind: 'rejected' });
  });

  it('other 4xx are our bug: a plain error with the reason Zendesk gave', () => {
    const error = failureOfResponse(422, null, {
      error: 'invalid',
      description:
        'Invalid search: Requested response size was greater than Search Response Limits',
    });
    expect(error).toBeInstanceOf(ZendeskRequestError);
    expect(error).not.toBeInstanceOf(LinkedServiceError);
    expect(error?.message).toMatch(/HTTP 422.*Search Response Limits/);
    expect(
      failureOfResponse(400, null, {
        error: { title: 'Invalid attribute', message: 'page must be an integer' },
      })?.message,
    ).toMatch(/Invalid attribute: page must be an integer/);
  });

  it('no answer at all (connection refused, timeout) is unavailable', () => {
    expect(failureOfTransport(new TypeError('fetch failed'))).toMatchObject({
      kind: 'unavailable',
      message: 'Zendesk could not be reached: fetch failed',
    });
    expect(failureOfTimeout()).toMatchObject({ kind: 'unavailable' });
  });
});
