import { OAuth2 } from 'jsforce';
import {
  describeSalesforceContract,
  emulatorOnly,
  tokenOnlyConnection,
} from '../../helpers/salesforce-target';
import { catchSalesforceError, expectSalesforceError } from '../../helpers/salesforce-errors';
import {
  authorizationCode,
  autoApprove,
  createPkce,
  oauthClient,
} from '../../helpers/salesforce-oauth';

const ID18 = /^[a-zA-Z0-9]{18}$/;

interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  instance_url: string;
  id: string;
  token_type: string;
  issued_at: string;
  signature: string;
}

function asTokenResponse(value: unknown): TokenResponse {
  expect(value).toEqual(
    expect.objectContaining({
      access_token: expect.any(String),
      instance_url: expect.any(String),
      id: expect.stringMatching(/\/id\/00D[a-zA-Z0-9]{15}\/005[a-zA-Z0-9]{15}$/),
      token_type: 'Bearer',
      issued_at: expect.stringMatching(/^\d+$/),
      signature: expect.any(String),
    }),
  );
  return value as TokenResponse;
}

describeSalesforceContract('Salesforce OAuth flows through jsforce', (target) => {
  describe('username-password grant (conn.login)', () => {
    it('logs in, fills userInfo from the id URL and can query', async () => {
      const conn = target().newConnection();
      const userInfo = await conn.login(
        target().credentials('admin').username,
        target().credentials('admin').password,
      );

      expect(userInfo.id).toMatch(/^005/);
      expect(userInfo.id).toMatch(ID18);
      expect(userInfo.organizationId).toMatch(/^00D/);
      expect(userInfo.organizationId).toMatch(ID18);
      expect(userInfo.url.endsWith(`/id/${userInfo.organizationId}/${userInfo.id}`)).toBe(true);
      expect(conn.accessToken).toEqual(expect.any(String));
      expect(conn.instanceUrl).toBe(target().instanceUrl);

      const result = await conn.query('SELECT Id FROM User LIMIT 1');
      expect(result.records).toHaveLength(1);
    });

    it('rejects a wrong password with invalid_grant', async () => {
      const conn = target().newConnection();
      const error = await catchSalesforceError(
        conn.login(target().credentials('admin').username, 'wrong-password'),
      );
      expect(error.errorCode).toBe('invalid_grant');
      expect(error.message).toMatch(/authentication failure/i);
      expect(conn.accessToken).toBeFalsy();
    });

    it('rejects an unknown username with invalid_grant', async () => {
      const conn = target().newConnection();
      const error = await catchSalesforceError(
        conn.login('nobody-here@atom-demo.invalid', 'whatever'),
      );
      expect(error.errorCode).toBe('invalid_grant');
    });

    it('rejects a wrong client secret with invalid_client', async () => {
      const conn = target().newConnection({
        oauth2: { ...target().client, clientSecret: 'not-the-secret', loginUrl: target().loginUrl },
      });
      const { username, password } = target().credentials('admin');
      const error = await catchSalesforceError(conn.login(username, password));
      expect(error.errorCode).toBe('invalid_client');
    });

    it('rejects an unknown client id with invalid_client_id', async () => {
      const conn = target().newConnection({
        oauth2: { ...target().client, clientId: 'no-such-client', loginUrl: target().loginUrl },
      });
      const { username, password } = target().credentials('admin');
      const error = await catchSalesforceError(conn.login(username, password));
      expect(error.errorCode).toBe('invalid_client_id');
    });
  });

  describe('identity', () => {
    it('conn.identity() describes the logged-in user and matches userInfo', async () => {
      const conn = await target().connect('admin');
      const identity = await conn.identity();
      expect(identity.user_id).toBe(conn.userInfo?.id);
      expect(identity.organization_id).toBe(conn.userInfo?.organizationId);
      expect(identity.username.toLowerCase()).toBe(
        target().credentials('admin').username.toLowerCase(),
      );
      expect(identity.display_name).toEqual(expect.any(String));
      expect(identity.email).toEqual(expect.stringContaining('@'));
      expect(identity.id).toBe(conn.userInfo?.url);
    });

    it('the userInfo id matches the User row the org returns for that user', async () => {
      const conn = await target().connect('admin');
      const { username } = target().credentials('admin');
      const result = await conn.query<{ Id: string; Username: string }>(
        `SELECT Id, Username FROM User WHERE Username = '${username}'`,
      );
      expect(result.records.map((r) => r.Id)).toEqual([conn.userInfo?.id]);
    });
  });

  describe('client_credentials grant', () => {
    it('issues a token for the execution user, without a refresh token', async () => {
      const token = asTokenResponse(
        await oauthClient(target()).requestToken({ grant_type: 'client_credentials' }),
      );
      expect(token.refresh_token).toBeUndefined();

      const conn = tokenOnlyConnection(target(), token.access_token);
      const result = await conn.query('SELECT Id FROM Account LIMIT 1');
      expect(result.records.length).toBeLessThanOrEqual(1);
    });

    emulatorOnly('runs as the integration user', async () => {
      const token = asTokenResponse(
        await oauthClient(target()).requestToken({ grant_type: 'client_credentials' }),
      );
      const conn = tokenOnlyConnection(target(), token.access_token);
      const [, userId] = token.id.split('/').slice(-2);
      const users = await conn.query<{ Username: string }>(
        `SELECT Username FROM User WHERE Id = '${userId}'`,
      );
      expect(users.records.map((u) => u.Username)).toEqual(['integration@atom-demo.org']);
    });

    it('rejects a wrong client secret with invalid_client', async () => {
      const client = new OAuth2({
        ...target().client,
        clientSecret: 'nope',
        loginUrl: target().loginUrl,
      });
      const error = await catchSalesforceError(
        client.requestToken({ grant_type: 'client_credentials' }),
      );
      expect(error.errorCode).toBe('invalid_client');
    });
  });

  describe('authorization code + PKCE', () => {
    emulatorOnly('redirects back with code and state, and the code buys tokens once', async () => {
      const pkce = createPkce();
      const redirect = await autoApprove(target(), 'rep1', {
        state: 'opaque-42',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      });
      expect(redirect.status).toBe(302);
      expect(`${redirect.location.origin}${redirect.location.pathname}`).toBe(
        target().client.redirectUri,
      );
      expect(redirect.state).toBe('opaque-42');
      expect(redirect.code).toEqual(expect.any(String));

      const client = oauthClient(target());
      const token = asTokenResponse(
        await client.requestToken(redirect.code ?? '', { code_verifier: pkce.verifier }),
      );
      expect(token.refresh_token).toEqual(expect.any(String));

      const conn = tokenOnlyConnection(target(), token.access_token);
      const identity = await conn.identity();
      expect(identity.username).toBe('rep1@atom-demo.org');

      // An authorization code is single-use (RFC 6749 §4.1.2).
      const reuse = await catchSalesforceError(
        client.requestToken(redirect.code ?? '', { code_verifier: pkce.verifier }),
      );
      expect(reuse.errorCode).toBe('invalid_grant');
    });

    emulatorOnly('rejects a wrong code_verifier with invalid_grant', async () => {
      const pkce = createPkce();
      const code = await authorizationCode(target(), 'admin', pkce);
      const error = await catchSalesforceError(
        oauthClient(target()).requestToken(code, { code_verifier: createPkce().verifier }),
      );
      expect(error.errorCode).toBe('invalid_grant');
    });

    emulatorOnly('rejects a missing code_verifier when a challenge was sent', async () => {
      const code = await authorizationCode(target(), 'admin', createPkce());
      const error = await catchSalesforceError(oauthClient(target()).requestToken(code));
      expect(error.errorCode).toBe('invalid_grant');
    });

    emulatorOnly(
      'conn.authorize() keeps the refresh token, and refreshing issues a working token',
      async () => {
        const pkce = createPkce();
        const code = await authorizationCode(target(), 'admin', pkce);
        const conn = target().newConnection();
        const userInfo = await conn.authorize(code, { code_verifier: pkce.verifier });
        expect(userInfo.id).toMatch(/^005/);
        expect(conn.refreshToken).toEqual(expect.any(String));

        const refreshed = asTokenResponse(await conn.oauth2.refreshToken(conn.refreshToken ?? ''));
        expect(refreshed.access_token).not.toBe(conn.accessToken);
        const fresh = tokenOnlyConnection(target(), refreshed.access_token);
        expect((await fresh.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);
      },
    );

    emulatorOnly('a bad refresh token is invalid_grant', async () => {
      const error = await catchSalesforceError(
        oauthClient(target()).refreshToken('not-a-refresh-token'),
      );
      expect(error.errorCode).toBe('invalid_grant');
    });
  });

  describe('revoke', () => {
    it('conn.logout() revokes the access token: the next call is INVALID_SESSION_ID', async () => {
      const conn = await target().connect('admin');
      const token = conn.accessToken ?? '';
      await conn.query('SELECT Id FROM User LIMIT 1');
      await conn.logout();
      expect(conn.accessToken).toBeNull();

      await expectSalesforceError(
        tokenOnlyConnection(target(), token).query('SELECT Id FROM User LIMIT 1'),
        'INVALID_SESSION_ID',
        /Session expired or invalid/i,
      );
    });

    emulatorOnly('revoking the refresh token (logout(true)) makes it unusable', async () => {
      const pkce = createPkce();
      const conn = target().newConnection();
      await conn.authorize(await authorizationCode(target(), 'admin', pkce), {
        code_verifier: pkce.verifier,
      });
      const refreshToken = conn.refreshToken ?? '';
      await conn.logout(true);

      const error = await catchSalesforceError(oauthClient(target()).refreshToken(refreshToken));
      expect(error.errorCode).toBe('invalid_grant');
    });

    it('a made-up access token is INVALID_SESSION_ID (401)', async () => {
      await expectSalesforceError(
        tokenOnlyConnection(target(), '00Dfake!notatoken').query('SELECT Id FROM User LIMIT 1'),
        'INVALID_SESSION_ID',
      );
    });
  });
});
