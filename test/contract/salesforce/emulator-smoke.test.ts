import { createHash, generateKeyPairSync, randomBytes, createSign } from 'node:crypto';
import jsforce from 'jsforce';
import 'jsforce/lib/api/soap';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../../src/emulators/salesforce';
import {
  connectToEmulator,
  emulatorTarget,
  type SalesforceUserKey,
} from '../../helpers/salesforce-target';

/** End-to-end wiring of the emulator with the unmodified jsforce (the full suite lives beside this file). */
describe('Salesforce emulator smoke (jsforce 3.10)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let emulator: RunningSalesforceEmulator;
  let url: string;

  /** A connection with the demo OAuth client and no session yet. */
  const connection = () => emulatorTarget({ url }).newConnection();
  const connect = (user: SalesforceUserKey) => connectToEmulator(url, user);
  const admin = (path: string, body?: unknown) =>
    fetch(`${url}/__emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const token = (form: Record<string, string>) =>
    fetch(`${url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });

  const tokenJson = async (form: Record<string, string>) =>
    (await (await token(form)).json()) as Record<string, string | undefined>;

  beforeAll(async () => {
    emulator = await startSalesforceEmulator({
      scale: 1,
      seed: 7,
      dailyApiLimit: 1000,
      jwtPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    url = emulator.url;
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await admin('reset?sessions=1', {});
  });

  it('logs in with the password grant, queries, creates, retrieves and reports limit info', async () => {
    const conn = connection();
    const userInfo = await conn.login('admin@atom-demo.org', 'demo-admin-pass');
    expect(userInfo.organizationId).toBe(emulator.store.orgId);
    expect(userInfo.id).toMatch(/^005/);

    const result = await conn.query<{ Id: string; Name: string }>(
      'SELECT Id, Name FROM Account LIMIT 5',
    );
    expect(result.done).toBe(true);
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.records[0]?.Id).toMatch(/^001/);

    const created = await conn.sobject('Account').create({ Name: 'Smoke Test Co' });
    expect(created).toMatchObject({ success: true, errors: [] });
    const fetched = await conn.sobject('Account').retrieve((created as { id: string }).id);
    expect(fetched).toMatchObject({ Name: 'Smoke Test Co' });
    expect(conn.limitInfo.apiUsage).toEqual({ used: 3, limit: 1000 });

    const stats = await admin('stats');
    expect(stats).toMatchObject({
      total: 3,
      byEndpoint: { query: 1, create: 1, retrieve: 1 },
      byUser: { 'admin@atom-demo.org': 3 },
      limit: { used: 3, max: 1000 },
    });
  });

  it('pages queries over 2,000 rows through queryMore', async () => {
    const conn = await connect('admin');
    const records = Array.from({ length: 200 }, (_, i) => ({ LastName: `Bulk${i}` }));
    const needed = 2100 - (await conn.query('SELECT COUNT() FROM Contact')).totalSize;
    for (let made = 0; made < needed; made += 200) {
      const results = await conn.sobject('Contact').create(records, { allOrNone: true });
      expect(results.every((r) => r.success)).toBe(true);
    }
    const first = await conn.query('SELECT Id FROM Contact');
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    // jsforce rewrites the locator into an absolute URL; the wire value is root-relative.
    const raw = await conn.request<{ nextRecordsUrl: string }>(
      `/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`,
    );
    expect(raw.nextRecordsUrl).toMatch(
      /^\/services\/data\/v59\.0\/query\/01g[A-Za-z0-9]{15}-2000$/,
    );
    const more = await conn.queryMore(first.nextRecordsUrl as string);
    expect(more.records.length).toBe(first.totalSize - 2000);
    await expect(conn.queryMore('01gAAAAAAAAAAAAAAA-2000')).rejects.toMatchObject({
      errorCode: 'INVALID_QUERY_LOCATOR',
    });
  });

  it('answers errors the way jsforce expects', async () => {
    const conn = await connect('rep1');
    await expect(conn.query('SELECT Nope FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
    await expect(conn.describe('NoSuchObject')).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
    await expect(conn.request({ method: 'PUT', url: '/limits', body: '{}' })).rejects.toMatchObject(
      {
        errorCode: 'METHOD_NOT_ALLOWED',
      },
    );
    await expect(
      conn.requestPost('/sobjects/Account', 'not json' as unknown as object),
    ).rejects.toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
    });
    const longUri = `/query?q=${encodeURIComponent(`SELECT Id FROM Account WHERE Name = '${'x'.repeat(17000)}'`)}`;
    await expect(conn.request(longUri)).rejects.toMatchObject({ errorCode: 'ERROR_HTTP_414' });
  });

  it('hides records the user cannot see from retrieve and retrieve-many', async () => {
    const adminConn = await connect('admin');
    const rep = await connect('rep1');
    const { id } = (await adminConn.sobject('Account').create({ Name: 'Admin Only' })) as {
      id: string;
    };
    await expect(rep.sobject('Account').retrieve(id)).rejects.toMatchObject({
      errorCode: 'NOT_FOUND',
    });
    const many = await rep.retrieve('Account', [id], { fields: ['Name'] });
    expect(many).toEqual([null]);
  });

  it('refreshes a code-grant session transparently after the emulator expires all sessions', async () => {
    const verifier = randomBytes(48).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = new URL(`${url}/services/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: DEMO_OAUTH_CLIENT.clientId,
      redirect_uri: DEMO_OAUTH_CLIENT.redirectUris[0],
      scope: 'api refresh_token openid',
      state: 'st-1',
      nonce: 'n-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      emulator_auto_approve: '1',
      username: 'rep2@atom-demo.org',
      password: 'demo-rep-pass',
    }).toString();
    const redirect = await fetch(authorize, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location') as string);
    expect(location.searchParams.get('state')).toBe('st-1');
    const code = location.searchParams.get('code') as string;

    const conn = connection();
    const userInfo = await conn.authorize(code, { code_verifier: verifier });
    expect(conn.refreshToken).toBeTruthy();
    expect(userInfo.organizationId).toBe(emulator.store.orgId);

    await admin('faults', { expireSessions: true });
    const before = conn.accessToken;
    const res = await conn.query('SELECT Id FROM Account LIMIT 1');
    expect(res.done).toBe(true);
    expect(conn.accessToken).not.toBe(before);

    const replay = await token({
      grant_type: 'authorization_code',
      code,
      client_id: DEMO_OAUTH_CLIENT.clientId,
      client_secret: DEMO_OAUTH_CLIENT.clientSecret,
      redirect_uri: DEMO_OAUTH_CLIENT.redirectUris[0],
      code_verifier: verifier,
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid authorization code',
    });
  });

  it('rejects bad credentials with Salesforce OAuth errors', async () => {
    const bad = async (form: Record<string, string>) => {
      const res = await token(form);
      expect(res.status).toBe(400);
      return res.json();
    };
    const client = {
      client_id: DEMO_OAUTH_CLIENT.clientId,
      client_secret: DEMO_OAUTH_CLIENT.clientSecret,
    };
    expect(
      await bad({
        ...client,
        grant_type: 'password',
        username: 'admin@atom-demo.org',
        password: 'x',
      }),
    ).toEqual({
      error: 'invalid_grant',
      error_description: 'authentication failure',
    });
    expect(
      await bad({ ...client, client_secret: 'nope', grant_type: 'client_credentials' }),
    ).toMatchObject({
      error: 'invalid_client',
    });
    expect(
      await bad({ ...client, client_id: 'nope', grant_type: 'client_credentials' }),
    ).toMatchObject({
      error: 'invalid_client_id',
    });
    expect(await bad({ ...client, grant_type: 'refresh_token', refresh_token: 'nope' })).toEqual({
      error: 'invalid_grant',
      error_description: 'expired access/refresh token',
    });
    expect(await bad({ ...client, grant_type: 'magic' })).toMatchObject({
      error: 'unsupported_grant_type',
    });
  });

  it('issues tokens for client_credentials and JWT bearer with the mandatory id and a valid signature', async () => {
    const cc = await tokenJson({
      grant_type: 'client_credentials',
      client_id: DEMO_OAUTH_CLIENT.clientId,
      client_secret: DEMO_OAUTH_CLIENT.clientSecret,
    });
    expect(cc).toMatchObject({ instance_url: url, token_type: 'Bearer', scope: 'api' });
    expect(cc.refresh_token).toBeUndefined();
    const integration = emulator.store.userByUsername('integration@atom-demo.org');
    expect(cc.id).toBe(`${url}/id/${emulator.store.orgId}/${integration?.Id}`);

    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${b64({ alg: 'RS256' })}.${b64({ iss: DEMO_OAUTH_CLIENT.clientId, sub: 'rep3@atom-demo.org', aud: url, exp: Math.floor(Date.now() / 1000) + 60 })}`;
    const assertion = `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    const jwt = await tokenJson({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion,
    });
    const conn = new jsforce.Connection({
      instanceUrl: jwt.instance_url,
      accessToken: jwt.access_token,
      version: '59.0',
    });
    const identity = await conn.identity();
    expect(identity.username).toBe('rep3@atom-demo.org');
  });

  it('serves 503 bursts and REQUEST_LIMIT_EXCEEDED from the fault knobs', async () => {
    const conn = await connect('admin');
    await admin('faults', { serverUnavailable: 1 });
    // POST is never retried by jsforce, so the 503 surfaces at once.
    await expect(conn.sobject('Account').create({ Name: 'x' })).rejects.toMatchObject({
      errorCode: 'SERVER_UNAVAILABLE',
    });
    await admin('faults', { exhaustLimit: true });
    await expect(conn.query('SELECT Id FROM Account LIMIT 1')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
  });

  it('converts a lead over SOAP', async () => {
    const conn = await connect('admin');
    const { id } = (await conn
      .sobject('Lead')
      .create({ LastName: 'Soap', Company: 'Soap Inc' })) as { id: string };
    const result = await conn.soap.convertLead({
      leadId: id,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
    });
    expect(result).toMatchObject({ success: true, leadId: id, opportunityId: null, errors: [] });
    expect(result.accountId).toMatch(/^001/);
    const failed = await conn.soap.convertLead({
      leadId: id,
      convertedStatus: 'Closed - Converted',
    });
    expect(failed.success).toBe(false);
    expect(failed.errors.length).toBe(1);
  });
});
