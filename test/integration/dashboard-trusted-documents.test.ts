/**
 * TRUSTED_DOCUMENTS=allow-list with a manifest that lists none of the dashboard's operations:
 * the page's own documents (served in /dashboard/config.json) still run, over HTTP and
 * graphql-ws, because the server lists them itself; anything else is still refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DashboardConfig } from '../../src/server/dashboard/dashboard-routes';
import { documentHash } from '../../src/server/trusted-documents/document-hash';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { leftovers } from '../helpers/leftovers';
import { directConnection } from '../helpers/salesforce-direct';
import { connectWs, subscribe } from '../helpers/subscriptions-client';

let gateway: TestGateway;

beforeAll(async () => {
  const listed = '{ viewer { id } }';
  const manifest = join(mkdtempSync(join(tmpdir(), 'dashboard-trusted-')), 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ [documentHash(listed)]: listed }));
  gateway = await startTestGateway({
    env: { TRUSTED_DOCUMENTS: 'allow-list', TRUSTED_DOCUMENTS_MANIFEST: manifest },
    linked: {},
  });
});

async function dashboardConfig(): Promise<DashboardConfig> {
  return (await (await fetch(`${gateway.origin}/dashboard/config.json`)).json()) as DashboardConfig;
}

describe('the dashboard under TRUSTED_DOCUMENTS=allow-list', () => {
  it('runs every query of the page exactly as config.json serves it, and refuses a changed one', async () => {
    const { operations } = await dashboardConfig();
    for (const [panel, query] of Object.entries(operations.queries)) {
      const answer = await gateway.graphql<Record<string, unknown>>(query);
      expect({ panel, errors: answer.errors }).toEqual({ panel, errors: undefined });
      expect(Object.keys(answer.data ?? {}).length).toBeGreaterThan(0);
    }
    // One space more is another document: the list holds exact texts only.
    const changed = await gateway.graphql(`${operations.queries.pipeline} `);
    expect(changed.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('opens every subscription of the page over graphql-ws and delivers a change to it', async () => {
    const { operations } = await dashboardConfig();
    const ws = connectWs(gateway.url);
    leftovers.push(() => ws.dispose());
    const open = Object.entries(operations.subscriptions).map(([name, query]) => ({
      name,
      received: subscribe<Record<string, unknown>>(ws, query),
    }));
    const refused = subscribe(ws, 'subscription { pipelineChanged { amount } }');
    await expect(refused.take(1)).rejects.toThrow(/PERSISTED_QUERY_REQUIRED/);

    const sf = await directConnection(gateway.emulatorUrl);
    const [deal] = (
      await sf.query<{ Id: string; Amount: number }>(
        'SELECT Id, Amount FROM Opportunity WHERE IsClosed = false ORDER BY Name LIMIT 1',
      )
    ).records;
    await sf.sobject('Opportunity').update({ Id: deal!.Id, Amount: (deal!.Amount ?? 0) + 1000 });

    const byName = new Map(open.map((o) => [o.name, o.received]));
    const [pipeline] = await byName.get('pipeline')!.take(1, 10_000);
    expect(pipeline).toHaveProperty('pipelineChanged.amount');
    const [record] = await byName.get('records')!.take(1, 10_000);
    expect(record).toEqual({ recordChanged: { type: 'OPPORTUNITY', changeType: 'UPDATE' } });
    for (const { name, received } of open) {
      expect({ name, errors: received.errors }).toEqual({ name, errors: [] });
    }
  });
});
