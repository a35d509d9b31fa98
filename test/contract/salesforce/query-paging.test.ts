import type { Connection } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { RecordJanitor, idOf, runTag, savedId, valueAt } from '../../helpers/salesforce-records';

const PAGE = 2000;

// Scale 3 seeds more than 2,000 Contacts, so the REST API must page the result.
describeSalesforceContract(
  'Salesforce query, queryMore and queryAll',
  (target) => {
    let conn: Connection;
    let contactCount = 0;
    const janitor = new RecordJanitor();

    beforeAll(async () => {
      conn = await target().connect('admin');
      contactCount = (await conn.query('SELECT COUNT() FROM Contact')).totalSize;
    });
    afterAll(async () => {
      await janitor.flush(conn);
    });

    emulatorOnly('the seeded org holds more than one page of Contacts', async () => {
      expect(contactCount).toBeGreaterThan(PAGE);
    });

    emulatorOnly('the first page has 2,000 rows, done:false and a nextRecordsUrl', async () => {
      const first = await conn.query<{ Id: string }>('SELECT Id, Name FROM Contact');
      expect(first.totalSize).toBe(contactCount);
      expect(first.done).toBe(false);
      expect(first.records).toHaveLength(PAGE);
      // jsforce rebuilds nextRecordsUrl from the locator as an absolute URL.
      expect(first.nextRecordsUrl).toBe(
        `${target().instanceUrl}/services/data/v59.0/query/${first.nextRecordsUrl?.split('/').pop()}`,
      );
      expect(valueAt(first.records[0], 'attributes')).toEqual({
        type: 'Contact',
        url: `/services/data/v59.0/sobjects/Contact/${first.records[0].Id}`,
      });
    });

    emulatorOnly('on the wire, nextRecordsUrl is a path ending in the locator', async () => {
      const raw: unknown = await conn.request(
        `/services/data/v59.0/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`,
      );
      expect(raw).toEqual(
        expect.objectContaining({
          totalSize: contactCount,
          done: false,
          nextRecordsUrl: expect.stringMatching(
            /^\/services\/data\/v59\.0\/query\/[A-Za-z0-9]+-2000$/,
          ),
        }),
      );
    });

    emulatorOnly('conn.queryMore follows the locator until done, without duplicates', async () => {
      const seen = new Set<string>();
      let page = await conn.query<{ Id: string }>('SELECT Id FROM Contact');
      let pages = 1;
      for (const r of page.records) seen.add(r.Id);
      while (!page.done) {
        expect(page.nextRecordsUrl).toEqual(expect.any(String));
        page = await conn.queryMore<{ Id: string }>(page.nextRecordsUrl ?? '');
        pages += 1;
        expect(page.totalSize).toBe(contactCount);
        expect(page.records.length).toBeLessThanOrEqual(PAGE);
        for (const r of page.records) seen.add(r.Id);
      }
      expect(page.nextRecordsUrl).toBeUndefined();
      expect(pages).toBe(Math.ceil(contactCount / PAGE));
      expect(seen.size).toBe(contactCount);
    });

    emulatorOnly(
      'autoFetch with a large maxFetch returns every row once, in ORDER BY order',
      async () => {
        const all = await conn.query<{ Id: string }>('SELECT Id FROM Contact ORDER BY Id', {
          autoFetch: true,
          maxFetch: 100_000,
        });
        const ids = all.records.map((r) => r.Id);
        expect(all.totalSize).toBe(contactCount);
        expect(ids).toHaveLength(contactCount);
        expect(new Set(ids).size).toBe(contactCount);
        expect(ids).toEqual([...ids].sort());
      },
    );

    emulatorOnly('autoFetch stops at maxFetch', async () => {
      const capped = await conn.query<{ Id: string }>('SELECT Id FROM Contact', {
        autoFetch: true,
        maxFetch: PAGE + 10,
      });
      expect(capped.records).toHaveLength(PAGE + 10);
      expect(capped.totalSize).toBe(contactCount);
    });

    emulatorOnly('LIMIT caps totalSize and the rows, even across a page boundary', async () => {
      const limited = await conn.query<{ Id: string }>(`SELECT Id FROM Contact LIMIT ${PAGE + 5}`, {
        autoFetch: true,
        maxFetch: 100_000,
      });
      expect(limited.totalSize).toBe(PAGE + 5);
      expect(limited.records).toHaveLength(PAGE + 5);
    });

    it('an unknown query locator is rejected', async () => {
      await expectSalesforceError(
        conn.queryMore('01gZZZZZZZZZZZZZZZ-2000'),
        'INVALID_QUERY_LOCATOR',
      );
    });

    it('queryAll (scanAll) sees a deleted row that query does not', async () => {
      const tag = runTag();
      const id = savedId(await conn.sobject('Contact').create({ LastName: tag }));
      janitor.track('Contact', id);
      await conn.sobject('Contact').destroy(id);

      const soql = `SELECT Id, IsDeleted FROM Contact WHERE LastName = '${tag}'`;
      const live = await conn.query(soql);
      expect(live.totalSize).toBe(0);
      const all = await conn.query<{ Id: string; IsDeleted: boolean }>(soql, { scanAll: true });
      expect(all.records.map((r) => [idOf(r), r.IsDeleted])).toEqual([[id, true]]);
    });
  },
  { scale: 3 },
);
