import { SessionStore } from './session-store';

describe('SessionStore', () => {
  let now = 1_700_000_000_000;
  const make = () =>
    new SessionStore({
      clock: () => new Date(now),
      accessTokenTtlSeconds: 60,
      tokenPrefix: '00D000000000001',
    });
  const grant = { userId: '005A', clientId: 'c', scope: 'api' };

  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  it('issues opaque org-prefixed access tokens that expire after the TTL', () => {
    const s = make();
    const session = s.issueAccessToken({ ...grant, refreshToken: null });
    expect(session.token).toMatch(/^00D000000000001![A-Za-z0-9_-]+$/);
    expect(s.findSession(session.token)?.userId).toBe('005A');
    now += 60_000;
    expect(s.findSession(session.token)).toBeUndefined();
  });

  it('revokes a refresh token together with the access tokens minted from it', () => {
    const s = make();
    const refresh = s.issueRefreshToken(grant);
    const child = s.issueAccessToken({ ...grant, refreshToken: refresh.token });
    const other = s.issueAccessToken({ ...grant, refreshToken: null });
    expect(s.revoke(refresh.token)).toBe('refresh');
    expect(s.findRefreshGrant(refresh.token)).toBeUndefined();
    expect(s.findSession(child.token)).toBeUndefined();
    expect(s.findSession(other.token)).toBeDefined();
    expect(s.revoke(other.token)).toBe('access');
    expect(s.revoke('unknown')).toBeUndefined();
  });

  it('rotates refresh tokens: the old one stops working', () => {
    const s = make();
    const old = s.issueRefreshToken(grant);
    const next = s.rotateRefreshToken(old);
    expect(next.token).not.toBe(old.token);
    expect(s.findRefreshGrant(old.token)).toBeUndefined();
    expect(s.findRefreshGrant(next.token)).toMatchObject(grant);
  });

  it('hands out authorization codes once, for ten minutes', () => {
    const s = make();
    const codeGrant = {
      ...grant,
      redirectUri: 'http://x/cb',
      codeChallenge: undefined,
      nonce: 'n',
    };
    const code = s.issueCode(codeGrant);
    expect(s.consumeCode(code)).toMatchObject({ status: 'ok', code: { nonce: 'n' } });
    expect(s.consumeCode(code)).toEqual({ status: 'invalid' });
    const late = s.issueCode(codeGrant);
    now += 10 * 60 * 1000;
    expect(s.consumeCode(late)).toEqual({ status: 'expired' });
  });

  it('expires every access token on demand but keeps refresh tokens', () => {
    const s = make();
    const refresh = s.issueRefreshToken(grant);
    const session = s.issueAccessToken({ ...grant, refreshToken: refresh.token });
    s.expireAllSessions();
    expect(s.findSession(session.token)).toBeUndefined();
    expect(s.findRefreshGrant(refresh.token)).toBeDefined();
  });
});
