import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Keyv } from 'keyv';
import { SessionEndedError, TokenRefreshError } from './auth-errors';
import { createAuthLogger } from './auth-logger';
import { createAuthStore, type AuthStore } from './auth-store';
import { parseEncryptionKeys } from './encryption-keys';
import { MemoryLeaseLock, type LeaseLock } from '../lib/lease-lock';
import { TokenRefresher } from './token-refresher';
import { TokenVault, type SalesforceTokens } from './token-vault';

const keyring = parseEncryptionKeys(`k1:${randomBytes(32).toString('base64')}`);
const silent = createAuthLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const KEY = 'sf:00Dxx0000001gPL:005xx000001Sv6e';
const initial: SalesforceTokens = {
  accessToken: 'access-0',
  refreshToken: 'refresh-0',
  instanceUrl: 'http://127.0.0.1:1',
  identityUrl: 'http://127.0.0.1:1/id/00Dxx0000001gPLEAY/005xx000001Sv6eAAC',
  issuedAt: 1,
};

class InvalidGrant extends Error {}

/** A fake token endpoint: counts calls, rotates the refresh token, can be told to reject. */
function fakeGrant(options: { delayMs?: number; reject?: 'invalid' | 'network' } = {}) {
  const calls: string[] = [];
  const grant = async (refreshToken: string): Promise<SalesforceTokens> => {
    calls.push(refreshToken);
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 20));
    if (options.reject === 'invalid') throw new InvalidGrant('invalid_grant');
    if (options.reject === 'network') throw new Error('ECONNRESET');
    return {
      ...initial,
      accessToken: `access-${calls.length}`,
      refreshToken: `refresh-${calls.length}`,
    };
  };
  return { calls, grant };
}

function refresherOn(
  vault: TokenVault,
  lock: LeaseLock,
  grant: (t: string) => Promise<SalesforceTokens>,
) {
  return new TokenRefresher({
    vault,
    lock,
    refreshGrant: grant,
    isInvalidGrant: (err) => err instanceof InvalidGrant,
    logger: silent,
    lockTtlMs: 2_000,
    pollIntervalMs: 10,
  });
}

describe('TokenRefresher in one process', () => {
  it('makes one token call for many concurrent callers and persists the rotated token', async () => {
    const vault = new TokenVault(new Keyv(), keyring);
    await vault.put(KEY, initial);
    const { calls, grant } = fakeGrant();
    const refresher = refresherOn(vault, new MemoryLeaseLock(), grant);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => refresher.refresh(KEY, 'access-0')),
    );
    expect(calls).toEqual(['refresh-0']);
    expect(new Set(results.map((r) => r.accessToken))).toEqual(new Set(['access-1']));
    expect(await vault.get(KEY)).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    });
  });

  it('does not refresh again for a caller holding a token that was already replaced', async () => {
    const vault = new TokenVault(new Keyv(), keyring);
    await vault.put(KEY, initial);
    const { calls, grant } = fakeGrant();
    const refresher = refresherOn(vault, new MemoryLeaseLock(), grant);
    await refresher.refresh(KEY, 'access-0');
    const late = await refresher.refresh(KEY, 'access-0');
    expect(late.accessToken).toBe('access-1');
    expect(calls).toHaveLength(1);
  });

  it('ends the session on invalid_grant, deletes the grant, and does not retry', async () => {
    const vault = new TokenVault(new Keyv(), keyring);
    await vault.put(KEY, initial);
    const { calls, grant } = fakeGrant({ reject: 'invalid' });
    const refresher = refresherOn(vault, new MemoryLeaseLock(), grant);
    const outcomes = await Promise.allSettled([
      refresher.refresh(KEY, 'access-0'),
      refresher.refresh(KEY, 'access-0'),
    ]);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(SessionEndedError);
    }
    expect(calls).toHaveLength(1);
    expect(await vault.get(KEY)).toBeUndefined();
    await expect(refresher.refresh(KEY, 'access-0')).rejects.toMatchObject({
      reason: 'tokens-missing',
    });
    expect(calls).toHaveLength(1);
  });

  it('keeps the grant on a transient failure and reports it as such', async () => {
    const vault = new TokenVault(new Keyv(), keyring);
    await vault.put(KEY, initial);
    const refresher = refresherOn(
      vault,
      new MemoryLeaseLock(),
      fakeGrant({ reject: 'network' }).grant,
    );
    await expect(refresher.refresh(KEY, 'access-0')).rejects.toBeInstanceOf(TokenRefreshError);
    expect(await vault.get(KEY)).toEqual(initial);
  });

  it('ends the session when there is no refresh token', async () => {
    const vault = new TokenVault(new Keyv(), keyring);
    const { refreshToken: _dropped, ...withoutRefresh } = initial;
    await vault.put(KEY, withoutRefresh);
    const { calls, grant } = fakeGrant();
    await expect(
      refresherOn(vault, new MemoryLeaseLock(), grant).refresh(KEY, 'access-0'),
    ).rejects.toBeInstanceOf(SessionEndedError);
    expect(calls).toHaveLength(0);
  });
});

describe('TokenRefresher across instances (Redis lock)', () => {
  let store: AuthStore;
  beforeAll(async () => {
    store = await createAuthStore({
      redisUrl: 'redis://127.0.0.1:6379',
      namespace: `test-refresh-${randomBytes(6).toString('hex')}`,
    });
  });
  afterAll(async () => {
    await store.clear();
    await store.close();
  });

  it('two gateway instances sharing Redis make one token call', async () => {
    const vault = new TokenVault(store.vault, keyring);
    await vault.put(KEY, initial);
    const { calls, grant } = fakeGrant({ delayMs: 100 });
    // Separate refreshers = separate in-process single-flight maps, as on two instances.
    const a = refresherOn(vault, store.lock, grant);
    const b = refresherOn(vault, store.lock, grant);
    const results = await Promise.all([
      a.refresh(KEY, 'access-0'),
      b.refresh(KEY, 'access-0'),
      b.refresh(KEY, 'access-0'),
    ]);
    expect(calls).toHaveLength(1);
    expect(results.map((r) => r.accessToken)).toEqual(['access-1', 'access-1', 'access-1']);
  });

  it('a lease is exclusive until released by its holder', async () => {
    const first = await store.lock.acquire('lease-test', 5_000);
    expect(first).toBeDefined();
    expect(await store.lock.acquire('lease-test', 5_000)).toBeUndefined();
    await store.lock.release('lease-test', 'not-the-holder');
    expect(await store.lock.acquire('lease-test', 5_000)).toBeUndefined();
    await store.lock.release('lease-test', first ?? '');
    expect(await store.lock.acquire('lease-test', 5_000)).toBeDefined();
  });
});
