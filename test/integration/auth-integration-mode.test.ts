import { Writable } from 'node:stream';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import type { ApiUsageMaxQuery } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';

/** AUTH_MODE=integration: server-to-server callers with an API key act as the integration user. */

const PEPPER = 'integration-test-pepper-0123456789abcdef';
const KEY = generateApiKey();
const OTHER_KEY = generateApiKey();
const logLines: string[] = [];

describe('AUTH_MODE=integration', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        AUTH_MODE: 'integration',
        API_KEYS: `billing-sync:${hashApiKey(KEY, PEPPER)},reporting:${hashApiKey(OTHER_KEY, PEPPER)}`,
        API_KEY_PEPPER: PEPPER,
      },
      logDestination: new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    });
  });

  it('runs a request with a valid API key as the integration user', async () => {
    expect(gateway.authMode).toBe('integration');
    for (const key of [KEY, OTHER_KEY]) {
      const result = await gateway.post<ApiUsageMaxQuery>(operation('ApiUsageMax'), undefined, {
        'x-api-key': key,
      });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ data: { apiUsage: { max: 100000 } } });
    }
    const stats = await fetch(`${gateway.emulatorUrl}/__emulator/stats`);
    const { byUser } = (await stats.json()) as { byUser: Record<string, number> };
    expect(Object.keys(byUser)).toEqual(['integration@atom-demo.org']);
  });

  it.each([
    ['a missing key', {}, 'credentials-missing'],
    ['a wrong key', { 'x-api-key': generateApiKey() }, 'credentials-invalid'],
    ['an over-long key', { 'x-api-key': `${KEY}${'x'.repeat(300)}` }, 'credentials-invalid'],
    [
      'a gateway bearer token instead of a key',
      { authorization: `Bearer ${'a'.repeat(43)}` },
      'credentials-missing',
    ],
  ])(
    'answers %s with 401 UNAUTHENTICATED and no Salesforce call',
    async (_what, headers, reason) => {
      await gateway.resetEmulatorStats();
      const result = await gateway.post<ApiUsageMaxQuery>(
        operation('ApiUsageMax'),
        undefined,
        headers,
      );
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
      expect((await gateway.emulatorStats()).total).toBe(0);
    },
  );

  it('has no login routes and keeps health and readiness open', async () => {
    expect(
      (await fetch(`${gateway.origin}/auth/salesforce/login`, { redirect: 'manual' })).status,
    ).toBe(404);
    expect((await fetch(`${gateway.origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gateway.origin}/readyz`);
    expect(ready.status).toBe(200);
    // Org and user ids only for a caller with a valid key.
    expect(await ready.json()).toEqual({ status: 'ready' });
    const wrongKey = await fetch(`${gateway.origin}/readyz`, {
      headers: { 'x-api-key': generateApiKey() },
    });
    expect(await wrongKey.json()).toEqual({ status: 'ready' });
    const withKey = await fetch(`${gateway.origin}/readyz`, { headers: { 'x-api-key': KEY } });
    expect(withKey.status).toBe(200);
    expect(await withKey.json()).toMatchObject({
      status: 'ready',
      salesforce: { userId: expect.stringMatching(/^005/) },
    });
  });

  it('never logs an API key', () => {
    const output = logLines.join('');
    expect(output.includes(KEY)).toBe(false);
    expect(output.includes(OTHER_KEY)).toBe(false);
    expect(output.includes(PEPPER)).toBe(false);
  });
});
