import type { Connection } from 'jsforce';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { flushLeftovers, leftovers } from '../helpers/leftovers';
import { directConnection } from '../helpers/salesforce-direct';
import { connectWs, type TestWsClient } from '../helpers/subscriptions-client';

const PEPPER = 'reload-schema-test-pepper-0123456789abcdef';
const KEY = generateApiKey();

interface ReloadBody {
  data?: {
    reloadSchema: { changed: boolean; fields: string[]; added: string[]; removed: string[] };
  };
  errors?: Array<{ message: string; extensions: { code: string } }>;
}

async function reloadSchema(
  origin: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: ReloadBody }> {
  const response = await fetch(`${origin}/admin/reload-schema`, { method: 'POST', headers });
  return { status: response.status, body: (await response.json()) as ReloadBody };
}

/** Changes the emulated org's fields as an admin would in Setup. */
async function changeOrgField(emulatorUrl: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/metadata/fields`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`emulator metadata: ${response.status} ${await response.text()}`);
}

/** Each error's code; a refused document's `reason` (code BAD_USER_INPUT) instead. */
const codesOf = (errors: unknown): string[] =>
  ((errors ?? []) as Array<{ extensions?: { code?: string; reason?: string } }>).map(
    (e) => e.extensions?.reason ?? e.extensions?.code ?? 'none',
  );

// CUSTOM_FIELDS=auto, integration mode: a field added or removed in the org reaches the
// schema of both transports through POST /admin/reload-schema, without a restart.
describe('reloadSchema (POST /admin/reload-schema)', () => {
  let gw: TestGateway;
  let sf: Connection;
  let ws: TestWsClient;
  const apiKey = { 'x-api-key': KEY };

  beforeAll(async () => {
    gw = await startTestGateway({
      emulator: { scale: 0.1 },
      env: {
        CUSTOM_FIELDS: 'auto',
        AUTH_MODE: 'integration',
        API_KEYS: `admin:${hashApiKey(KEY, PEPPER)}`,
        API_KEY_PEPPER: PEPPER,
      },
    });
    sf = await directConnection(gw.emulatorUrl);
    ws = connectWs(gw.url, { connectionParams: { 'X-API-Key': KEY } });
    leftovers.push(() => ws.dispose());
  }, 60_000);
  afterAll(flushLeftovers);

  const overWs = async (query: string): Promise<{ data?: unknown; errors?: unknown }> => {
    try {
      const next = await ws.client.iterate({ query }).next();
      return next.value as { data?: unknown };
    } catch (errors) {
      return { errors };
    }
  };

  const TIER = '{ accounts(first: 5) { nodes { id Tier_Code__c } } }';
  const GOLD =
    '{ accounts(first: 5, where: { Tier_Code__c: { eq: "Gold" } }) { nodes { id Tier_Code__c } } }';

  it('answers unchanged, swapping nothing, while the org has not changed', async () => {
    const introspected = await gw.graphql<{ __type: { fields: Array<{ name: string }> } }>(
      '{ __type(name: "Account") { fields { name } } }',
      undefined,
      apiKey,
    );
    const before = introspected.data?.__type.fields.map((f) => f.name) ?? [];
    expect(before).toContain('Region__c');
    const reload = await reloadSchema(gw.origin, apiKey);
    expect(reload.status).toBe(200);
    expect(reload.body.data?.reloadSchema).toMatchObject({
      changed: false,
      added: [],
      removed: [],
    });
    expect(reload.body.data?.reloadSchema.fields).toContain('Account.Region__c');
  });

  it('exposes a field added in the org, queryable, filterable and writable on both transports', async () => {
    const missing = await gw.graphql(TIER, undefined, apiKey);
    expect(codesOf(missing.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    await changeOrgField(gw.emulatorUrl, {
      object: 'Account',
      name: 'Tier_Code__c',
      type: 'string',
    });
    const reload = await reloadSchema(gw.origin, apiKey);
    expect(reload.status).toBe(200);
    expect(reload.body.data?.reloadSchema).toMatchObject({
      changed: true,
      added: ['Account.Tier_Code__c'],
      removed: [],
    });

    const [first] = (await sf.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Name LIMIT 1'))
      .records;
    const id = String(first?.Id);
    await sf.sobject('Account').update({ Id: id, Tier_Code__c: 'Gold' });
    // Records that never had the field read null; the one written reads its value.
    const page = await gw.graphql<{
      accounts: { nodes: Array<{ id: string; Tier_Code__c: string | null }> };
    }>(TIER, undefined, apiKey);
    expect(page.errors).toBeUndefined();
    expect(page.data?.accounts.nodes.length).toBe(5);
    const read = await gw.graphql<{ account: { Tier_Code__c: string | null } }>(
      'query($id: ID!) { account(id: $id) { Tier_Code__c } }',
      { id },
      apiKey,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.account.Tier_Code__c).toBe('Gold');
    // The filter goes through the input metadata and the SOQL mappings, both replaced.
    const filtered = await gw.graphql<{ accounts: { nodes: Array<{ id: string }> } }>(
      GOLD,
      undefined,
      apiKey,
    );
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data?.accounts.nodes.map((n) => n.id)).toEqual([id]);
    const updated = await gw.graphql<{ updateAccount: { Tier_Code__c: string } }>(
      `mutation($id: ID!) { updateAccount(id: $id, input: { Tier_Code__c: "Silver" }) { Tier_Code__c } }`,
      { id },
      apiKey,
    );
    expect(updated.errors).toBeUndefined();
    expect(await sf.sobject('Account').retrieve(id)).toMatchObject({ Tier_Code__c: 'Silver' });
    // graphql-ws validates and executes against the same current schema.
    const overSocket = (await overWs(GOLD.replace('Gold', 'Silver'))) as {
      data?: { accounts: { nodes: Array<{ id: string }> } };
      errors?: unknown;
    };
    expect(overSocket.errors).toBeUndefined();
    expect(overSocket.data?.accounts.nodes.map((n) => n.id)).toEqual([id]);
  });

  it('takes a field removed from the org out of the schema and the filters', async () => {
    await changeOrgField(gw.emulatorUrl, { object: 'Account', name: 'Tier_Code__c', remove: true });
    await changeOrgField(gw.emulatorUrl, {
      object: 'Account',
      name: 'Is_Strategic__c',
      remove: true,
    });
    const reload = await reloadSchema(gw.origin, apiKey);
    expect(reload.body.data?.reloadSchema).toMatchObject({
      changed: true,
      added: [],
      removed: ['Account.Is_Strategic__c', 'Account.Tier_Code__c'].sort(),
    });
    for (const query of [TIER, GOLD, '{ accounts(first: 1) { nodes { Is_Strategic__c } } }']) {
      for (const errors of [
        (await gw.graphql(query, undefined, apiKey)).errors,
        (await overWs(query)).errors,
      ]) {
        expect(codesOf(errors).length).toBeGreaterThan(0);
        expect(new Set(codesOf(errors))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      }
    }
    // The fields still in the org work as before; the removed one is no longer selected.
    const rest = await gw.graphql<{ accounts: { nodes: Array<{ Region__c: string | null }> } }>(
      '{ accounts(first: 3, where: { Region__c: { isNull: false } }) { nodes { Region__c } } }',
      undefined,
      apiKey,
    );
    expect(rest.errors).toBeUndefined();
    expect(rest.data?.accounts.nodes.length).toBeGreaterThan(0);
    const again = await reloadSchema(gw.origin, apiKey);
    expect(again.body.data?.reloadSchema.changed).toBe(false);
  });

  it('refuses a caller without a valid API key with UNAUTHENTICATED, changing nothing', async () => {
    const anonymous = await reloadSchema(gw.origin);
    expect(anonymous.status).toBe(401);
    expect(codesOf(anonymous.body.errors)).toEqual(['UNAUTHENTICATED']);
    const wrong = await reloadSchema(gw.origin, { 'x-api-key': generateApiKey() });
    expect(codesOf(wrong.body.errors)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('reloadSchema in AUTH_MODE=user', () => {
  it('is FORBIDDEN to a signed-in rep', async () => {
    const gw = await startTestGateway({ emulator: { scale: 0.1 }, env: { AUTH_MODE: 'user' } });
    const token = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    const reload = await reloadSchema(gw.origin, { authorization: `Bearer ${token}` });
    expect(reload.status).toBe(403);
    expect(codesOf(reload.body.errors)).toEqual(['FORBIDDEN']);
    await gw.stop();
  }, 60_000);
});
