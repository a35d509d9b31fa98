import type { Connection } from 'jsforce';
import {
  describeSalesforceContract,
  emulatorOnly,
  tokenOnlyConnection,
  type EmulatorAdmin,
} from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { runTag } from '../../helpers/salesforce-records';

// Fault injection and call accounting exist only on the emulator (`/__emulator/*`).
// jsforce retries GET/DELETE on 5xx after 0.5 s, 1 s, 2 s ... and never POST/PATCH, so
// bursts stay at one or two failures to keep this file fast.
describeSalesforceContract('faults, retries and call accounting', (target) => {
  let conn: Connection;
  const admin = (): EmulatorAdmin => {
    const knobs = target().admin;
    if (!knobs) throw new Error('no emulator admin API on this target');
    return knobs;
  };

  beforeAll(async () => {
    conn = await target().connect('admin');
  });

  emulatorOnly('/__emulator/stats counts exactly the API calls made', async () => {
    const before = await admin().stats();
    await conn.query('SELECT Id FROM Account LIMIT 1');
    await conn.sobject('Account').describe();
    await conn.limits();
    await conn.query('SELECT COUNT() FROM Contact');
    const after = await admin().stats();
    expect(after.total - before.total).toBe(4);
    const delta = Object.entries(after.byEndpoint).reduce(
      (sum, [endpoint, count]) => sum + count - (before.byEndpoint[endpoint] ?? 0),
      0,
    );
    expect(delta).toBe(4);
  });

  emulatorOnly(
    'a 503 burst on a GET is retried by jsforce until it succeeds',
    async () => {
      await admin().faults({ serverUnavailable: 2 });
      const started = Date.now();
      const result = await conn.query('SELECT Id FROM Account LIMIT 1');
      expect(result.records).toHaveLength(1);
      // Two 503s mean two back-off sleeps (0.5 s + 1 s) before the third attempt.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    },
    20_000,
  );

  emulatorOnly('a 503 on a POST surfaces SERVER_UNAVAILABLE and nothing is written', async () => {
    const tag = runTag();
    await admin().faults({ serverUnavailable: 1 });
    await expectSalesforceError(
      conn.sobject('Account').create({ Name: `${tag} 503` }),
      'SERVER_UNAVAILABLE',
    );
    const written = await conn.query(`SELECT COUNT() FROM Account WHERE Name = '${tag} 503'`);
    expect(written.totalSize).toBe(0);
  });

  emulatorOnly(
    'expired sessions: a password-login connection logs in again and succeeds',
    async () => {
      const fresh = await target().connect('rep3');
      const oldToken = fresh.accessToken;
      await admin().faults({ expireSessions: true });
      const result = await fresh.query('SELECT Id FROM Account LIMIT 1');
      expect(result.records.length).toBeLessThanOrEqual(1);
      expect(fresh.accessToken).not.toBe(oldToken);
    },
  );

  emulatorOnly(
    'expired sessions: a token-only connection fails with INVALID_SESSION_ID',
    async () => {
      const session = await target().connect('admin');
      const stale = tokenOnlyConnection(target(), session.accessToken ?? '');
      await admin().faults({ expireSessions: true });
      await expectSalesforceError(
        stale.query('SELECT Id FROM Account LIMIT 1'),
        'INVALID_SESSION_ID',
      );
    },
  );

  emulatorOnly('latency is injected on API calls', async () => {
    await admin().faults({ latencyMs: 300 });
    try {
      const started = Date.now();
      await conn.query('SELECT Id FROM Account LIMIT 1');
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    } finally {
      await admin().faults({ latencyMs: 0 });
    }
  });

  emulatorOnly(
    'an exhausted allocation → REQUEST_LIMIT_EXCEEDED; reset restores the org',
    async () => {
      await admin().faults({ exhaustLimit: true });
      await expectSalesforceError(
        conn.query('SELECT Id FROM Account LIMIT 1'),
        'REQUEST_LIMIT_EXCEEDED',
        /TotalRequests Limit exceeded/,
      );
      await admin().reset();
      const again = await target().connect('admin');
      expect((await again.query('SELECT Id FROM Account LIMIT 1')).records).toHaveLength(1);
    },
  );
});
