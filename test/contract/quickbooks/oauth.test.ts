import QuickBooks from 'node-quickbooks';
import type { RunningQuickBooksEmulator } from '../../../src/emulators/quickbooks';
import { DEMO_QUICKBOOKS } from '../../../src/emulators/quickbooks';
import {
  accessToken,
  admin,
  call,
  failure,
  gatewayFaultOf,
  oauthClient,
  qboClient,
  startQuickBooks,
  stats,
} from '../../helpers/quickbooks-target';

interface RefreshReply {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  token_type: string;
}

// OAuth 2 as intuit-oauth and node-quickbooks speak it: Basic client auth on the token
// endpoint, bearer access tokens that expire, QBO's gateway faults for bad tokens.
describe('QuickBooks OAuth 2 (intuit-oauth 4, node-quickbooks 2.0)', () => {
  let emulator: RunningQuickBooksEmulator;
  let now = Date.parse('2025-06-30T12:00:00.000Z');

  beforeAll(async () => {
    emulator = await startQuickBooks({ accessTokenTtlSeconds: 3600, clock: () => new Date(now) });
  });

  afterEach(async () => {
    await admin(emulator, 'reset', {});
  });

  it('refreshUsingToken returns a usable access token (the full refresh round trip)', async () => {
    const response = await oauthClient(emulator).refreshUsingToken(DEMO_QUICKBOOKS.refreshToken);
    const token = response.getJson() as RefreshReply;
    expect(token).toEqual({
      token_type: 'bearer',
      access_token: expect.any(String),
      refresh_token: DEMO_QUICKBOOKS.refreshToken,
      expires_in: 3600,
      x_refresh_token_expires_in: 100 * 86_400,
    });
    expect(response.headers().intuit_tid).toEqual(expect.any(String));
    const qbo = qboClient(emulator, token.access_token);
    const customer = await call<{ Id: string }>((cb) => qbo.getCustomer('1000', cb as never));
    expect(customer.Id).toBe('1000');
    expect((await stats(emulator)).oauth).toEqual({ refresh_token: 1 });
  });

  it('node-quickbooks refreshAccessToken swaps in the new token and the next call uses it', async () => {
    const qbo = qboClient(emulator, 'stale-token');
    const before = await failure(call((cb) => qbo.getInvoice('1', cb as never)));
    expect(before.response?.status).toBe(401);
    const refreshed = await call<RefreshReply>((cb) => qbo.refreshAccessToken(cb as never));
    expect(qbo.token).toBe(refreshed.access_token);
    expect(qbo.refreshToken).toBe(refreshed.refresh_token);
    const invoice = await call<{ Id: string }>((cb) => qbo.getInvoice('1', cb as never));
    expect(invoice.Id).toBe('1');
  });

  it('no credentials: 401 with the AuthenticationFailed fault (3200)', async () => {
    const qbo = qboClient(emulator, '');
    const err = await failure(call((cb) => qbo.findInvoices(cb as never)));
    const fault = gatewayFaultOf(err);
    expect(fault).toMatchObject({ status: 401, type: 'AUTHENTICATION' });
    expect(fault.error).toMatchObject({
      message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
      code: '3200',
    });
    expect(err.response?.headers.intuit_tid).toEqual(expect.any(String));
    expect((await stats(emulator)).total).toBe(0);
  });

  it('an access token expires after its TTL; a refresh brings a working one', async () => {
    const token = await accessToken(emulator);
    const qbo = qboClient(emulator, token);
    await call((cb) => qbo.getCustomer('1000', cb as never));
    now += 3600 * 1000;
    try {
      const fault = gatewayFaultOf(
        await failure(call((cb) => qbo.getCustomer('1000', cb as never))),
      );
      expect(fault.status).toBe(401);
      expect(fault.error.detail).toMatch(/^Token expired/);
      await call((cb) => qbo.refreshAccessToken(cb as never));
      expect(qbo.token).not.toBe(token);
      expect((await call<{ Id: string }>((cb) => qbo.getCustomer('1000', cb as never))).Id).toBe(
        '1000',
      );
    } finally {
      now -= 3600 * 1000;
    }
  });

  it('the expireTokens knob kills every access token but not the refresh token', async () => {
    const qbo = qboClient(emulator, await accessToken(emulator));
    await admin(emulator, 'faults', { expireTokens: true });
    expect((await failure(call((cb) => qbo.getInvoice('1', cb as never)))).response?.status).toBe(
      401,
    );
    await call((cb) => qbo.refreshAccessToken(cb as never));
    expect((await call<{ Id: string }>((cb) => qbo.getInvoice('1', cb as never))).Id).toBe('1');
  });

  it('rotateRefreshTokens: each grant returns a new refresh token and retires the one presented', async () => {
    const rotating = await startQuickBooks({ rotateRefreshTokens: true });
    const client = oauthClient(rotating);
    const first = (
      await client.refreshUsingToken(DEMO_QUICKBOOKS.refreshToken)
    ).getJson() as RefreshReply;
    expect(first.refresh_token).not.toBe(DEMO_QUICKBOOKS.refreshToken);
    const reused = (await failure(client.refreshUsingToken(DEMO_QUICKBOOKS.refreshToken))) as {
      error?: string;
    };
    expect(reused.error).toBe('invalid_grant');
    const second = (await client.refreshUsingToken(first.refresh_token)).getJson() as RefreshReply;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const qbo = qboClient(rotating, second.access_token);
    expect((await call<{ Id: string }>((cb) => qbo.getInvoice('1', cb as never))).Id).toBe('1');
    // A reset brings the initial token back.
    await admin(rotating, 'reset', {});
    await client.refreshUsingToken(DEMO_QUICKBOOKS.refreshToken);
  });

  it('an unknown refresh token is invalid_grant (400)', async () => {
    const err = (await failure(oauthClient(emulator).refreshUsingToken('not-a-refresh-token'))) as {
      error?: string;
    };
    expect(err.error).toBe('invalid_grant');
    const raw = await fetch(emulator.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${DEMO_QUICKBOOKS.clientId}:${DEMO_QUICKBOOKS.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=refresh_token&refresh_token=nope',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: 'invalid_grant' });
  });

  it('wrong client credentials are invalid_client (401); other grants are unsupported', async () => {
    const err = (await failure(
      oauthClient(emulator, { clientSecret: 'wrong' }).refreshUsingToken(
        DEMO_QUICKBOOKS.refreshToken,
      ),
    )) as { error?: string };
    expect(err.error).toBe('invalid_client');
    const basic = (secret: string) =>
      `Basic ${Buffer.from(`${DEMO_QUICKBOOKS.clientId}:${secret}`).toString('base64')}`;
    const post = (authorization: string, body: string) =>
      fetch(emulator.tokenUrl, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const wrong = await post(
      basic('wrong'),
      `grant_type=refresh_token&refresh_token=${DEMO_QUICKBOOKS.refreshToken}`,
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client' });
    const password = await post(
      basic(DEMO_QUICKBOOKS.clientSecret),
      'grant_type=password&username=a',
    );
    expect(password.status).toBe(400);
    expect(await password.json()).toEqual({ error: 'unsupported_grant_type' });
  });

  it('a token used on another realm is 403 AuthorizationFailed (3100)', async () => {
    const qbo = qboClient(emulator, await accessToken(emulator), { realmId: '123145000000000' });
    const fault = gatewayFaultOf(await failure(call((cb) => qbo.getInvoice('1', cb as never))));
    expect(fault).toMatchObject({ status: 403, type: 'SERVICE' });
    expect(fault.error).toMatchObject({
      message: 'message=AuthorizationFailed; errorCode=003100; statusCode=403',
      code: '3100',
    });
  });

  it('revokeAccess kills the refresh token and its access tokens', async () => {
    const qbo = qboClient(emulator, await accessToken(emulator));
    QuickBooks.REVOKE_URL = emulator.revokeUrl;
    await call((cb) => qbo.revokeAccess(true, cb as never));
    const err = (await failure(
      oauthClient(emulator).refreshUsingToken(DEMO_QUICKBOOKS.refreshToken),
    )) as {
      error?: string;
    };
    expect(err.error).toBe('invalid_grant');
  });
});
