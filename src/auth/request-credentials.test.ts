import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Keyv } from 'keyv';
import { ApiKeyVerifier, generateApiKey, hashApiKey, parseApiKeys } from './api-keys';
import { InvalidCredentialsError, SessionEndedError, asSessionEndedError } from './auth-errors';
import { createAuthLogger } from './auth-logger';
import { parseEncryptionKeys } from './encryption-keys';
import { MemoryLeaseLock } from '../lib/lease-lock';
import { CredentialResolver, type UserCredentials } from './request-credentials';
import { SessionStore } from './sessions';
import { TokenRefresher } from './token-refresher';
import { TokenVault, vaultKeyFor } from './token-vault';

const silent = createAuthLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const vaultKey = vaultKeyFor('00Dxx0000001gPLEAY', '005xx000001Sv6eAAC');

async function setup() {
  const vault = new TokenVault(
    new Keyv(),
    parseEncryptionKeys(`k1:${randomBytes(32).toString('base64')}`),
  );
  const sessions = new SessionStore(new Keyv(), 60_000);
  let grants = 0;
  const refresher = new TokenRefresher({
    vault,
    lock: new MemoryLeaseLock(),
    refreshGrant: async (refreshToken) => {
      grants += 1;
      return { ...tokens, accessToken: `access-${grants}`, refreshToken };
    },
    isInvalidGrant: () => false,
    logger: silent,
  });
  const tokens = {
    accessToken: 'access-0',
    refreshToken: 'refresh-0',
    instanceUrl: 'http://127.0.0.1:1',
    identityUrl: 'http://127.0.0.1:1/id/00Dxx0000001gPLEAY/005xx000001Sv6eAAC',
    issuedAt: 1,
  };
  await vault.put(vaultKey, tokens);
  const session = await sessions.create({
    userId: '005xx000001Sv6eAAC',
    orgId: '00Dxx0000001gPLEAY',
    username: 'rep1@atom-demo.org',
    instanceUrl: tokens.instanceUrl,
    vaultKey,
  });
  const resolver = new CredentialResolver({ mode: 'user', sessions, vault, refresher });
  return { vault, sessions, session, resolver, grantCount: () => grants };
}

describe('CredentialResolver (user mode)', () => {
  it('resolves a bearer token and a session cookie to the same user', async () => {
    const { session, resolver } = await setup();
    const viaBearer = await resolver.resolveCredentialsFromRequest({
      authorization: `Bearer ${session.id}`,
    });
    const viaCookie = await resolver.resolveCredentialsFromRequest({
      cookie: `other=1; atom_session=${session.id}`,
    });
    for (const credentials of [viaBearer, viaCookie]) {
      expect(credentials).toMatchObject({
        kind: 'user',
        userId: '005xx000001Sv6eAAC',
        username: 'rep1@atom-demo.org',
        accessToken: 'access-0',
        instanceUrl: 'http://127.0.0.1:1',
      });
    }
  });

  it('returns undefined when nothing is presented', async () => {
    const { resolver } = await setup();
    expect(await resolver.resolveCredentialsFromRequest({})).toBeUndefined();
  });

  it('rejects an unknown token and a session whose grant is gone', async () => {
    const { resolver, vault, session, sessions } = await setup();
    await expect(
      resolver.resolveCredentialsFromRequest({
        authorization: `Bearer ${randomBytes(32).toString('base64url')}`,
      }),
    ).rejects.toMatchObject({ name: 'SessionEndedError', reason: 'session-expired' });
    await vault.delete(vaultKey);
    await expect(
      resolver.resolveCredentialsFromRequest({ authorization: `Bearer ${session.id}` }),
    ).rejects.toMatchObject({
      reason: 'tokens-missing',
    });
    expect(await sessions.get(session.id)).toBeUndefined();
  });

  it('refreshes once, then refuses to loop on a token rejected right after its refresh', async () => {
    const { session, resolver, grantCount } = await setup();
    const credentials = (await resolver.resolveCredentialsFromRequest({
      authorization: `Bearer ${session.id}`,
    })) as UserCredentials;
    expect(await credentials.refreshAccessToken()).toBe('access-1');
    expect(credentials.accessToken).toBe('access-1');
    await expect(credentials.refreshAccessToken()).rejects.toMatchObject({
      reason: 'refreshed-token-rejected',
    });
    expect(grantCount()).toBe(1);
  });

  it('feeds jsforce through its refreshFn callback, and the typed error survives jsforce wrapping', async () => {
    const { session, resolver } = await setup();
    const credentials = (await resolver.resolveCredentialsFromRequest({
      authorization: `Bearer ${session.id}`,
    })) as UserCredentials;
    const token = await new Promise<string | undefined>((resolve, reject) =>
      credentials.jsforceRefreshFn({}, (err, accessToken) =>
        err ? reject(err) : resolve(accessToken),
      ),
    );
    expect(token).toBe('access-1');
    const failure = await new Promise<Error | null | undefined>((resolve) =>
      credentials.jsforceRefreshFn({}, (err) => resolve(err)),
    );
    // jsforce's SessionRefreshDelegate re-wraps: `Unable to refresh session due to: <message>`.
    const wrapped = new Error(`Unable to refresh session due to: ${failure?.message}`);
    expect(asSessionEndedError(wrapped)).toBeInstanceOf(SessionEndedError);
    expect(asSessionEndedError(wrapped)?.reason).toBe('refreshed-token-rejected');
    expect(asSessionEndedError(new Error('INVALID_FIELD'))).toBeUndefined();
  });
});

describe('CredentialResolver (integration mode)', () => {
  const pepper = 'x'.repeat(32);
  const key = generateApiKey();

  it('accepts a valid X-API-Key, rejects a wrong one, ignores session tokens', async () => {
    const { session, vault, sessions } = await setup();
    const resolver = new CredentialResolver({
      mode: 'integration',
      sessions,
      vault,
      refresher: {} as TokenRefresher,
      apiKeys: new ApiKeyVerifier(parseApiKeys(`sync:${hashApiKey(key, pepper)}`), pepper),
    });
    expect(await resolver.resolveCredentialsFromRequest({ 'x-api-key': key })).toEqual({
      kind: 'integration',
      apiKeyName: 'sync',
    });
    await expect(
      resolver.resolveCredentialsFromRequest({ 'x-api-key': generateApiKey() }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(
      await resolver.resolveCredentialsFromRequest({ authorization: `Bearer ${session.id}` }),
    ).toBeUndefined();
  });
});
