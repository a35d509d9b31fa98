import { SalesforceUpstreamError } from './client';
import { DEFAULT_READ_RETRY, NO_RETRY, withRetry, type RetryPolicy } from './retry-policy';

const fast: RetryPolicy = { ...DEFAULT_READ_RETRY, delaysMs: [1, 1] };
const unavailable = () =>
  new SalesforceUpstreamError('down', 'SERVER_UNAVAILABLE', { statusCode: 503 });

describe('withRetry', () => {
  it('retries transient failures up to the policy and then gives up', async () => {
    const attempt = jest.fn().mockRejectedValue(unavailable());
    await expect(withRetry(fast, attempt)).rejects.toMatchObject({
      errorCode: 'SERVER_UNAVAILABLE',
    });
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('returns the first success', async () => {
    const attempt = jest.fn().mockRejectedValueOnce(unavailable()).mockResolvedValue('ok');
    await expect(withRetry(fast, attempt)).resolves.toBe('ok');
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('never retries client errors or rate limits', async () => {
    for (const error of [
      new SalesforceUpstreamError('bad', 'MALFORMED_QUERY', { statusCode: 400 }),
      new SalesforceUpstreamError('limit', 'REQUEST_LIMIT_EXCEEDED', { statusCode: 403 }),
    ]) {
      const attempt = jest.fn().mockRejectedValue(error);
      await expect(withRetry(fast, attempt)).rejects.toBe(error);
      expect(attempt).toHaveBeenCalledTimes(1);
    }
  });

  it('does not retry writes', async () => {
    const attempt = jest.fn().mockRejectedValue(unavailable());
    await expect(withRetry(NO_RETRY, attempt)).rejects.toMatchObject({
      errorCode: 'SERVER_UNAVAILABLE',
    });
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
