import {
  startSalesforceEmulator,
  DEMO_OAUTH_CLIENT,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import type { SalesforceClient } from '../../src/upstreams/salesforce/client';
import { createSalesforceSession } from '../../src/upstreams/salesforce/connection';
import { createJsforceClient } from '../../src/upstreams/salesforce/jsforce-client';

/**
 * The gateway's own Salesforce client (not a test-only jsforce connection) paging past
 * Salesforce's 2,000-row batch: loaders rely on `client.queryAll` following `nextRecordsUrl`.
 */
describe("the gateway's Salesforce client over more than 2,000 rows", () => {
  let emulator: RunningSalesforceEmulator;
  let client: SalesforceClient;

  async function stats(): Promise<{ total: number; byEndpoint: Record<string, number> }> {
    const response = await fetch(`${emulator.url}/__emulator/stats`);
    return (await response.json()) as { total: number; byEndpoint: Record<string, number> };
  }

  beforeAll(async () => {
    emulator = await startSalesforceEmulator({ scale: 3 });
    const session = createSalesforceSession({
      loginUrl: emulator.url,
      apiVersion: '59.0',
      timeoutMs: 10_000,
      auth: {
        kind: 'client_credentials',
        clientId: DEMO_OAUTH_CLIENT.clientId,
        clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
      },
    });
    client = createJsforceClient(session);
  }, 60_000);

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await fetch(`${emulator.url}/__emulator/stats/reset`, { method: 'POST' });
  });

  it('answers the first batch with a locator, and queryMore the rest', async () => {
    const first = await client.query('SELECT Id FROM Contact ORDER BY Id');
    expect(first.totalSize).toBe(3000);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v59\.0\/query\/01g\w+-2000$/);

    const rest = await client.queryMore(first.nextRecordsUrl ?? '');
    expect(rest.done).toBe(true);
    expect(rest.records).toHaveLength(1000);
    const ids = [...first.records, ...rest.records].map((r) => r.Id);
    expect(new Set(ids).size).toBe(3000);
    expect([...ids].sort()).toEqual(ids);
    expect((await stats()).byEndpoint).toEqual({ query: 1, queryMore: 1 });
  });

  it('queryAll follows every locator in two API calls for 3,000 rows', async () => {
    const rows = await client.queryAll('SELECT Id, LastName FROM Contact');
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r.Id)).size).toBe(3000);
    expect(rows.every((r) => typeof r.LastName === 'string')).toBe(true);
    const calls = await stats();
    expect(calls.total).toBe(2);
    expect(calls.byEndpoint).toEqual({ query: 1, queryMore: 1 });
  });

  it('maps an unknown locator to the Salesforce error code', async () => {
    await expect(
      client.queryMore('/services/data/v59.0/query/01gZZZZZZZZZZZZZZZ-2000'),
    ).rejects.toMatchObject({ errorCode: 'INVALID_QUERY_LOCATOR' });
  });

  it('reads a deleted row only with includeDeleted, through /queryAll', async () => {
    const [created] = await client.create('Contact', [{ LastName: 'Deleted Soon' }]);
    const id = created?.id ?? '';
    await client.destroy('Contact', [id]);
    await fetch(`${emulator.url}/__emulator/stats/reset`, { method: 'POST' });

    const soql = `SELECT Id FROM Contact WHERE Id = '${id}'`;
    await expect(client.queryAll(soql)).resolves.toEqual([]);
    const rows = await client.queryAll(soql, { includeDeleted: true });
    expect(rows.map((row) => row.Id)).toEqual([id]);
    expect((await stats()).byEndpoint).toEqual({ query: 1, queryAll: 1 });
  });

  it('follows the /queryAll locator past the first 2,000 rows in two calls', async () => {
    const rows = await client.queryAll('SELECT Id FROM Contact', { includeDeleted: true });
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(rows.map((row) => row.Id)).size).toBe(rows.length);
    expect((await stats()).byEndpoint).toEqual({ queryAll: 1, queryMore: 1 });
  });
});
