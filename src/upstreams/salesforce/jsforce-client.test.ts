import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../emulators/salesforce';
import type { SalesforceClient } from './client';
import { createSalesforceSession } from './connection';
import { createJsforceClient } from './jsforce-client';

/** `queryAll` against the emulator: which endpoint answers, and how many calls it takes. */
describe('createJsforceClient queryAll', () => {
  let emulator: RunningSalesforceEmulator;
  let client: SalesforceClient;

  async function byEndpoint(): Promise<Record<string, number>> {
    const response = await fetch(`${emulator.url}/__emulator/stats`);
    return ((await response.json()) as { byEndpoint: Record<string, number> }).byEndpoint;
  }

  beforeAll(async () => {
    emulator = await startSalesforceEmulator({ scale: 3 });
    client = createJsforceClient(
      createSalesforceSession({
        loginUrl: emulator.url,
        apiVersion: '59.0',
        timeoutMs: 10_000,
        auth: {
          kind: 'client_credentials',
          clientId: DEMO_OAUTH_CLIENT.clientId,
          clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
        },
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await fetch(`${emulator.url}/__emulator/stats/reset`, { method: 'POST' });
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
    expect(await byEndpoint()).toEqual({ query: 1, queryAll: 1 });
  });

  it('follows the /queryAll locator past the first 2,000 rows in two calls', async () => {
    const rows = await client.queryAll('SELECT Id FROM Contact', { includeDeleted: true });
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(rows.map((row) => row.Id)).size).toBe(rows.length);
    expect(await byEndpoint()).toEqual({ queryAll: 1, queryMore: 1 });
  });
});
