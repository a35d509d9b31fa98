/**
 * syncQuickBooksInvoices over HTTP against the emulators: QBO invoices into
 * QuickBooks_Invoice__c by QuickBooks_Invoice_Id__c (`<realm>:<Id>`). Expected rows come from
 * node-quickbooks' own reads and the seed's documented links.
 */
import type { Connection } from 'jsforce';
import { DEMO_QUICKBOOKS } from '../../src/emulators/quickbooks';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewayQuickBooks, sdkInvoicesOf, seedLinks } from '../helpers/linked-quickbooks';
import { directConnection, queryAll } from '../helpers/salesforce-direct';

interface SyncResultView {
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: string[];
}

const SYNC = `mutation Sync($accountId: ID) {
  syncQuickBooksInvoices(accountId: $accountId) { source created updated unchanged failed errors }
}`;

let gw: TestGateway;
let sf: Connection;

async function sync(variables: Record<string, unknown>) {
  const res = await gw.graphql<{ syncQuickBooksInvoices: SyncResultView }>(SYNC, variables);
  return { result: res.data?.syncQuickBooksInvoices, errors: res.errors };
}

const key = (id: string): string => `${DEMO_QUICKBOOKS.realmId}:${id}`;

beforeAll(async () => {
  gw = await startTestGateway({ linked: {} });
  sf = await directConnection(gw.emulatorUrl);
}, 60_000);

describe('syncQuickBooksInvoices', () => {
  const links = seedLinks();

  for (const kind of ['id', 'displayName'] as const) {
    it(`one Account linked by ${kind}: its customer's invoices, once; a second run sends nothing`, async () => {
      const qbo = await gatewayQuickBooks(gw).sdk();
      let chosen:
        { accountId: string; invoices: Awaited<ReturnType<typeof sdkInvoicesOf>> } | undefined;
      for (const [accountId, link] of links) {
        if (link.kind !== kind || link.customerId === null) continue;
        const invoices = await sdkInvoicesOf(qbo, link.customerId);
        if (invoices.length > 0) {
          chosen = { accountId, invoices };
          break;
        }
      }
      if (!chosen) throw new Error(`no account linked by ${kind} with invoices`);
      await gw.resetEmulatorStats();
      const { result, errors } = await sync({ accountId: chosen.accountId });
      expect(errors).toBeUndefined();
      expect(result).toMatchObject({
        source: 'quickbooks',
        created: chosen.invoices.length,
        updated: 0,
        unchanged: 0,
        failed: 0,
      });
      expect((await gw.emulatorStats()).byEndpoint).toEqual({ query: 1, upsertMany: 1 });
      const rows = await queryAll(
        sf,
        `SELECT QuickBooks_Invoice_Id__c, Total__c, Balance__c, Txn_Date__c FROM QuickBooks_Invoice__c WHERE Account__c = '${chosen.accountId}'`,
      );
      expect(rows.map((r) => r.QuickBooks_Invoice_Id__c).sort()).toEqual(
        chosen.invoices.map((i) => key(i.Id)).sort(),
      );
      const sample = chosen.invoices[0];
      expect(rows.find((r) => r.QuickBooks_Invoice_Id__c === key(sample?.Id ?? ''))).toMatchObject({
        Total__c: sample?.TotalAmt,
        Balance__c: sample?.Balance,
        Txn_Date__c: sample?.TxnDate,
      });
      const again = await sync({ accountId: chosen.accountId });
      expect(again.result).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: chosen.invoices.length,
      });
    });
  }

  it('every Account: each invoice whose customer links to an Account, once', async () => {
    const qbo = await gatewayQuickBooks(gw).sdk();
    const expected = new Map<string, string>();
    for (const [accountId, link] of links) {
      if (link.customerId === null || link.kind === 'none') continue;
      for (const invoice of await sdkInvoicesOf(qbo, link.customerId)) {
        expected.set(key(invoice.Id), accountId);
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    const { result, errors } = await sync({});
    expect(errors).toBeUndefined();
    expect(result ? result.created + result.unchanged : -1).toBe(expected.size);
    expect(result).toMatchObject({ updated: 0, failed: 0 });
    const rows = await queryAll(
      sf,
      'SELECT QuickBooks_Invoice_Id__c, Account__c FROM QuickBooks_Invoice__c',
    );
    expect(new Map(rows.map((r) => [r.QuickBooks_Invoice_Id__c, r.Account__c]))).toEqual(expected);
    const again = await sync({});
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: expected.size });
  }, 60_000);
});
