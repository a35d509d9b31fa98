import { LinkedServiceError } from '../linked';
import { normaliseQuickBooksError } from './qbo-errors';

/** What axios (inside node-quickbooks) rejects with when QBO answered. */
function answered(status: number, data: unknown, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`Request failed with status code ${status}`), {
    response: { status, headers, data },
  });
}

const systemFault = {
  Fault: {
    Error: [
      {
        Message: 'An application error has occurred',
        Detail: 'System Failure Error',
        code: '10000',
      },
    ],
    type: 'SystemFault',
  },
};

describe('normaliseQuickBooksError', () => {
  it('5xx and 408 are unavailable, with the Fault in the message', () => {
    for (const status of [500, 503, 408]) {
      const err = normaliseQuickBooksError(answered(status, systemFault));
      expect(err).toBeInstanceOf(LinkedServiceError);
      expect(err).toMatchObject({ kind: 'unavailable', statusCode: status, service: 'quickbooks' });
      expect(err.message).toContain('SystemFault 10000');
    }
  });

  it('no answer (reset, refused, timeout) is unavailable', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(normaliseQuickBooksError(reset)).toMatchObject({ kind: 'unavailable' });
    expect(normaliseQuickBooksError(reset).message).toContain('ECONNRESET');
  });

  it('429 is rate-limited with Retry-After', () => {
    const err = normaliseQuickBooksError(
      answered(
        429,
        { fault: { error: [{ message: 'ThrottleExceeded', code: '3001' }], type: 'SERVICE' } },
        { 'retry-after': '12' },
      ),
    );
    expect(err).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 12, statusCode: 429 });
  });

  it('401 and 403 are rejected (our credentials)', () => {
    expect(normaliseQuickBooksError(answered(401, {}))).toMatchObject({ kind: 'rejected' });
    expect(normaliseQuickBooksError(answered(403, {}))).toMatchObject({ kind: 'rejected' });
  });

  it('a ValidationFault on a statement we built is our bug: a plain Error', () => {
    const err = normaliseQuickBooksError(
      answered(400, {
        Fault: {
          Error: [{ Message: 'Error parsing query', Detail: 'QueryParserError', code: '4000' }],
          type: 'ValidationFault',
        },
      }),
    );
    expect(err).not.toBeInstanceOf(LinkedServiceError);
    expect(err.message).toContain('ValidationFault 4000: Error parsing query');
  });

  it('a Fault in a 200 body (node-quickbooks passes the body as the error) is a plain Error', () => {
    const err = normaliseQuickBooksError(systemFault);
    expect(err).not.toBeInstanceOf(LinkedServiceError);
    expect(err.message).toContain('SystemFault');
  });
});
