import { RequestLog } from './request-log';

describe('RequestLog', () => {
  it('keeps the last requests with their X-Request-Id and Sforce-Call-Options', () => {
    const log = new RequestLog(2);
    log.record('GET', '/a', { 'x-request-id': 'r1', 'sforce-call-options': 'client=x' });
    log.record('POST', '/b', {});
    log.record('GET', '/c', { 'x-request-id': 'r3' });
    expect(log.list()).toEqual([
      { method: 'POST', path: '/b', requestId: null, callOptions: null },
      { method: 'GET', path: '/c', requestId: 'r3', callOptions: null },
    ]);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
