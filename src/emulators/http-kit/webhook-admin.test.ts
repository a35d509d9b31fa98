import { createAdminHandler } from './admin-routes';
import { jsonReply } from './http-io';
import { parseWebhookTarget, WebhookSender } from './webhook-sender';

describe('parseWebhookTarget', () => {
  it('takes an http(s) url with a secret, or url null to stop', () => {
    expect(
      parseWebhookTarget({ url: 'http://127.0.0.1:4000/webhooks/stripe', secret: 's' }),
    ).toEqual({ url: 'http://127.0.0.1:4000/webhooks/stripe', secret: 's' });
    expect(parseWebhookTarget({ url: null })).toBeUndefined();
  });

  it('says why a target is refused', () => {
    expect(parseWebhookTarget([])).toBe('body must be a JSON object');
    expect(parseWebhookTarget({ secret: 's' })).toBe('url must be an http(s) URL or null');
    expect(parseWebhookTarget({ url: 'not a url', secret: 's' })).toBe(
      'url must be an http(s) URL or null',
    );
    expect(parseWebhookTarget({ url: 'file:///etc/passwd', secret: 's' })).toBe(
      'url must be an http(s) URL or null',
    );
    expect(parseWebhookTarget({ url: 'https://x.test/h', secret: '' })).toBe(
      'secret must be a non-empty string',
    );
  });
});

describe('createAdminHandler with webhooks', () => {
  const sender = new WebhookSender({ sign: () => ({}), userAgent: 'test' });
  const triggered: Array<Record<string, unknown>> = [];
  const handle = createAdminHandler({
    json: jsonReply,
    counters: { stats: () => ({}), resetStats: () => undefined },
    reset: () => undefined,
    faultKnobs: { integers: ['latencyMs'] },
    applyFaults: () => ({}),
    webhooks: {
      sender,
      trigger: (body) => {
        triggered.push(body);
        return body.id === 'missing'
          ? { status: 404, body: { error: 'no such object' } }
          : { status: 200, body: { id: 'obj_1', eventId: null } };
      },
    },
  });
  const call = (method: string, path: string, body = '') => {
    const reply = handle(method, path, Buffer.from(body));
    return [reply.status, JSON.parse(reply.body ?? '')] as const;
  };

  afterAll(() => sender.close());

  it('sets, shows (without the secret) and clears the target', () => {
    expect(call('GET', '/__emulator/webhooks')).toEqual([
      200,
      { url: null, sent: 0, failed: 0, retried: 0, lastStatus: null, pending: 0 },
    ]);
    const [status, shown] = call(
      'POST',
      '/__emulator/webhooks',
      '{"url":"http://127.0.0.1:9/h","secret":"top-secret"}',
    );
    expect([status, shown.url]).toEqual([200, 'http://127.0.0.1:9/h']);
    expect(sender.target()).toEqual({ url: 'http://127.0.0.1:9/h', secret: 'top-secret' });
    expect(JSON.stringify(call('GET', '/__emulator/webhooks/'))).not.toContain('top-secret');
    expect(call('POST', '/__emulator/webhooks', '{"url":null}')[1].url).toBeNull();
    expect(sender.target()).toBeUndefined();
  });

  it('refuses a bad target and keeps the current one', () => {
    sender.configure({ url: 'http://127.0.0.1:9/h', secret: 'kept' });
    expect(call('POST', '/__emulator/webhooks', '{')).toEqual([
      400,
      { error: 'body must be JSON' },
    ]);
    expect(call('POST', '/__emulator/webhooks', '{"url":"ftp://x","secret":"s"}')[0]).toBe(400);
    expect(sender.target()?.secret).toBe('kept');
    sender.configure(undefined);
  });

  it('passes the trigger body through and answers its reply', () => {
    expect(call('POST', '/__emulator/webhooks/trigger')).toEqual([
      200,
      { id: 'obj_1', eventId: null },
    ]);
    expect(call('POST', '/__emulator/webhooks/trigger', '{"id":"missing"}')[0]).toBe(404);
    expect(call('POST', '/__emulator/webhooks/trigger', '"x"')).toEqual([
      400,
      { error: 'body must be a JSON object' },
    ]);
    expect(triggered).toEqual([{}, { id: 'missing' }]);
    expect(call('GET', '/__emulator/webhooks/trigger')[0]).toBe(405);
    expect(call('DELETE', '/__emulator/webhooks')[0]).toBe(405);
  });

  it('is absent from an emulator without webhooks', () => {
    const plain = createAdminHandler({
      json: jsonReply,
      counters: { stats: () => ({}), resetStats: () => undefined },
      reset: () => undefined,
      faultKnobs: { integers: [] },
      applyFaults: () => ({}),
    });
    expect(plain('GET', '/__emulator/webhooks', Buffer.from('')).status).toBe(404);
  });
});
