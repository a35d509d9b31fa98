import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_QUICKBOOKS } from '../../src/emulators/quickbooks';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewayQuickBooks, type GatewayQuickBooks } from '../helpers/linked-quickbooks';

interface Page {
  accounts: { nodes: Array<{ name: string; invoices: { nodes: Array<{ id: string }> } }> };
}
const QUERY = '{ accounts(first: 10) { nodes { name invoices { nodes { id } } } } }';

function invoiceCount(data: Page | undefined): number {
  return (data?.accounts.nodes ?? []).reduce((n, a) => n + a.invoices.nodes.length, 0);
}

// Intuit access tokens live 3600 s and are renewed with the refresh token, which Intuit
// rotates: the gateway must keep the newest, renew once for concurrent requests, and replay a
// call QBO answered 401.
describe('QuickBooks Online access tokens (intuit-oauth refresh through the gateway)', () => {
  describe('short-lived access tokens and rotating refresh tokens', () => {
    let gw: TestGateway;
    let qb: GatewayQuickBooks;

    beforeAll(async () => {
      gw = await startTestGateway({
        linked: { quickbooks: { accessTokenTtlSeconds: 1, rotateRefreshTokens: true } },
      });
      qb = gatewayQuickBooks(gw);
    });

    it('an expired access token is renewed with the rotated refresh token, and the query succeeds', async () => {
      const first = await gw.graphql<Page>(QUERY);
      expect(first.errors).toBeUndefined();
      const invoices = invoiceCount(first.data);
      expect(invoices).toBeGreaterThan(0);
      expect((await qb.stats()).oauth).toEqual({ refresh_token: 1 });

      // The emulator retired the initial refresh token when it issued the first grant, so
      // each later grant succeeds only with the refresh token that grant returned.
      for (let round = 2; round <= 3; round++) {
        await sleep(1100);
        const again = await gw.graphql<Page>(QUERY);
        expect(again.errors).toBeUndefined();
        expect(invoiceCount(again.data)).toBe(invoices);
        expect((await qb.stats()).oauth).toEqual({ refresh_token: round });
      }
    });

    it('concurrent requests that find the token expired share one grant (single flight)', async () => {
      await sleep(1100);
      await qb.resetStats();
      const answers = await Promise.all(Array.from({ length: 5 }, () => gw.graphql<Page>(QUERY)));
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      const stats = await qb.stats();
      expect(stats.oauth).toEqual({ refresh_token: 1 });
      expect(stats.byEndpoint.query).toBeGreaterThanOrEqual(5);
    });
  });

  describe('tokens revoked or expired early', () => {
    let gw: TestGateway;
    let qb: GatewayQuickBooks;

    beforeAll(async () => {
      gw = await startTestGateway({ linked: {} });
      qb = gatewayQuickBooks(gw);
      expect((await gw.graphql<Page>(QUERY)).errors).toBeUndefined();
    });

    it('a 401 on a token the gateway still thought valid renews it once and replays the call', async () => {
      await qb.faults({ expireTokens: true });
      await qb.resetStats();
      const res = await gw.graphql<Page>(QUERY);
      expect(res.errors).toBeUndefined();
      expect(invoiceCount(res.data)).toBeGreaterThan(0);
      const stats = await qb.stats();
      expect(stats.oauth).toEqual({ refresh_token: 1 });
      // The 401 is answered before the company and is not counted: the customer query
      // (replayed) and the invoice query (already with the new token) are.
      expect(stats.byEndpoint).toEqual({ query: 2 });
    });

    it('a revoked refresh token: the invoices answer empty with UPSTREAM_UNAVAILABLE (reason rejected), the rest of the query answers', async () => {
      const revoke = await fetch(`${qb.origin}/oauth2/v1/tokens/revoke`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${DEMO_QUICKBOOKS.clientId}:${DEMO_QUICKBOOKS.clientSecret}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ token: DEMO_QUICKBOOKS.refreshToken }),
      });
      expect(revoke.status).toBe(200);
      for (let round = 0; round < 2; round++) {
        const res = await gw.graphql<Page>(QUERY);
        expect(res.data!.accounts.nodes).toHaveLength(10);
        for (const account of res.data!.accounts.nodes) {
          expect(account.name).toEqual(expect.any(String));
          expect(account.invoices.nodes).toEqual([]);
        }
        expect(res.errors).toHaveLength(10);
        for (const error of res.errors!) {
          expect(error.extensions).toMatchObject({
            code: 'UPSTREAM_UNAVAILABLE',
            service: 'quickbooks',
            reason: 'rejected',
          });
          expect(error.message).toMatch(/refresh token \(invalid_grant\)/);
          expect(error.message).not.toContain(DEMO_QUICKBOOKS.refreshToken);
        }
      }
      // Still serving: Salesforce-only queries answer as before.
      expect((await gw.graphql('{ accounts(first: 1) { nodes { id } } }')).errors).toBeUndefined();
    });
  });
});
