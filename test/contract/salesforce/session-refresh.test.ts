import {
  describeSalesforceContract,
  emulatorOnly,
  tokenOnlyConnection,
} from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { authorizationCode, createPkce } from '../../helpers/salesforce-oauth';

const TTL_SECONDS = 1;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Access tokens that expire after one second, so that expiry happens inside a test; jsforce
// answers the 401 by refreshing (single-flight) and replaying the request.
describeSalesforceContract(
  'Salesforce session expiry and transparent refresh',
  (target) => {
    emulatorOnly(
      'an expired token is refreshed with the refresh_token and the query succeeds',
      async () => {
        const pkce = createPkce();
        const conn = target().newConnection();
        await conn.authorize(await authorizationCode(target(), 'admin', pkce), {
          code_verifier: pkce.verifier,
        });
        const firstToken = conn.accessToken;
        const refreshed: string[] = [];
        conn.on('refresh', (accessToken: string) => refreshed.push(accessToken));

        await sleep(TTL_SECONDS * 1000 + 300);
        const result = await conn.query('SELECT Id FROM Account LIMIT 1');

        expect(result.records).toHaveLength(1);
        expect(refreshed).toHaveLength(1);
        expect(conn.accessToken).toBe(refreshed[0]);
        expect(conn.accessToken).not.toBe(firstToken);
      },
    );

    emulatorOnly('concurrent calls on an expired token share one refresh', async () => {
      const pkce = createPkce();
      const conn = target().newConnection();
      await conn.authorize(await authorizationCode(target(), 'admin', pkce), {
        code_verifier: pkce.verifier,
      });
      let refreshes = 0;
      conn.on('refresh', () => {
        refreshes += 1;
      });

      await sleep(TTL_SECONDS * 1000 + 300);
      const results = await Promise.all([
        conn.query('SELECT Id FROM Account LIMIT 1'),
        conn.query('SELECT Id FROM Contact LIMIT 1'),
        conn.query('SELECT Id FROM Opportunity LIMIT 1'),
      ]);

      expect(results.map((r) => r.records.length)).toEqual([1, 1, 1]);
      expect(refreshes).toBe(1);
    });

    emulatorOnly('a password-grant connection logs in again when its token expires', async () => {
      const conn = await target().connect('rep2');
      const firstToken = conn.accessToken;
      await sleep(TTL_SECONDS * 1000 + 300);

      const result = await conn.query('SELECT Id FROM Account LIMIT 1');
      expect(result.records.length).toBeLessThanOrEqual(1);
      expect(conn.accessToken).not.toBe(firstToken);
    });

    emulatorOnly('without a way to refresh, an expired token is INVALID_SESSION_ID', async () => {
      const conn = await target().connect('admin');
      const stale = tokenOnlyConnection(target(), conn.accessToken ?? '');
      await sleep(TTL_SECONDS * 1000 + 300);

      await expectSalesforceError(
        stale.query('SELECT Id FROM Account LIMIT 1'),
        'INVALID_SESSION_ID',
        /Session expired or invalid/i,
      );
    });
  },
  { accessTokenTtlSeconds: TTL_SECONDS },
);
