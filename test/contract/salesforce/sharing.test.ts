import type { Connection } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { RecordJanitor, runTag, savedId, stringField } from '../../helpers/salesforce-records';

// Private sharing model: a sales rep sees the records they own; View All Data sees all.
// Needs a second, non-admin user, so the whole file is emulator-only.
describeSalesforceContract('Record visibility under private sharing', (target) => {
  let admin: Connection;
  let rep: Connection;
  let repId = '';
  let foreignAccountId = '';
  const janitor = new RecordJanitor();

  beforeAll(async () => {
    admin = await target().connect('admin');
    if (target().kind === 'live') return;
    rep = await target().connect('rep1');
    repId = rep.userInfo?.id ?? '';
    const foreign = await admin.query(`SELECT Id FROM Account WHERE OwnerId != '${repId}' LIMIT 1`);
    foreignAccountId = stringField(foreign.records[0], 'Id') ?? '';
  });
  afterAll(async () => {
    await janitor.flush(admin);
  });

  for (const objectName of ['Account', 'Contact', 'Opportunity', 'Lead']) {
    emulatorOnly(`a rep sees exactly the ${objectName} rows they own`, async () => {
      const everything = await admin.query(`SELECT COUNT() FROM ${objectName}`);
      const owned = await admin.query(
        `SELECT COUNT() FROM ${objectName} WHERE OwnerId = '${repId}'`,
      );
      const visible = await rep.query(`SELECT Id, OwnerId FROM ${objectName}`, {
        autoFetch: true,
        maxFetch: 100_000,
      });

      expect(owned.totalSize).toBeGreaterThan(0);
      expect(visible.totalSize).toBe(owned.totalSize);
      expect(visible.totalSize).toBeLessThan(everything.totalSize);
      expect(new Set(visible.records.map((r) => stringField(r, 'OwnerId')))).toEqual(
        new Set([repId]),
      );
    });
  }

  emulatorOnly('COUNT() and aggregates only count visible rows', async () => {
    const count = await rep.query('SELECT COUNT() FROM Opportunity');
    const grouped = await rep.query('SELECT COUNT(Id) FROM Opportunity');
    const owned = await admin.query(`SELECT COUNT() FROM Opportunity WHERE OwnerId = '${repId}'`);
    expect(count.totalSize).toBe(owned.totalSize);
    expect(grouped.records[0]).toEqual(expect.objectContaining({ expr0: owned.totalSize }));
  });

  emulatorOnly("another owner's record is invisible to a query by Id", async () => {
    const result = await rep.query(`SELECT Id FROM Account WHERE Id = '${foreignAccountId}'`);
    expect(result.totalSize).toBe(0);
  });

  emulatorOnly("retrieving another owner's record → NOT_FOUND", async () => {
    await expectSalesforceError(rep.sobject('Account').retrieve(foreignAccountId), 'NOT_FOUND');
  });

  emulatorOnly(
    "updating another owner's record → INSUFFICIENT_ACCESS_OR_READONLY, nothing changes",
    async () => {
      const before = await admin
        .sobject('Account')
        .retrieve(foreignAccountId, { fields: ['Name'] });
      await expectSalesforceError(
        rep.sobject('Account').update({ Id: foreignAccountId, Name: 'hijacked' }),
        'INSUFFICIENT_ACCESS_OR_READONLY',
      );
      const after = await admin.sobject('Account').retrieve(foreignAccountId, { fields: ['Name'] });
      expect(stringField(after, 'Name')).toBe(stringField(before, 'Name'));
    },
  );

  emulatorOnly("deleting another owner's record fails and the record stays", async () => {
    await expect(rep.sobject('Account').destroy(foreignAccountId)).rejects.toMatchObject({
      errorCode: expect.stringMatching(
        /^(INSUFFICIENT_ACCESS_OR_READONLY|NOT_FOUND|ENTITY_IS_DELETED)$/,
      ),
    });
    const still = await admin.query(`SELECT Id FROM Account WHERE Id = '${foreignAccountId}'`);
    expect(still.totalSize).toBe(1);
  });

  emulatorOnly("retrieve many returns null for another owner's record", async () => {
    const own = await rep.query('SELECT Id FROM Account LIMIT 1');
    const ownId = stringField(own.records[0], 'Id') ?? '';
    const records = await rep
      .sobject('Account')
      .retrieve([ownId, foreignAccountId], { fields: ['Id', 'Name'] });
    expect(records.map((r) => (r ? stringField(r, 'Id') : null))).toEqual([ownId, null]);
  });

  emulatorOnly('a record a rep creates is owned by the rep and visible to the admin', async () => {
    const tag = runTag();
    const id = savedId(await rep.sobject('Account').create({ Name: `${tag} rep-made` }));
    janitor.track('Account', id);
    const mine = await rep.query(`SELECT Id, OwnerId, CreatedById FROM Account WHERE Id = '${id}'`);
    expect(mine.records[0]).toEqual(
      expect.objectContaining({ OwnerId: repId, CreatedById: repId }),
    );
    const seen = await admin.query(`SELECT Id FROM Account WHERE Id = '${id}'`);
    expect(seen.totalSize).toBe(1);
  });

  emulatorOnly("a rep's child subquery only lists children the rep can see", async () => {
    const tag = runTag();
    const accountId = savedId(
      await rep.sobject('Account').create({ Name: `${tag} shared parent` }),
    );
    janitor.track('Account', accountId);
    const adminContact = savedId(
      await admin.sobject('Contact').create({ LastName: `${tag} admin`, AccountId: accountId }),
    );
    const repContact = savedId(
      await rep.sobject('Contact').create({ LastName: `${tag} rep`, AccountId: accountId }),
    );
    janitor.track('Contact', adminContact, repContact);

    const result = await rep.query(
      `SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Id = '${accountId}'`,
    );
    const children = result.records[0] as { Contacts: { records: Array<{ Id: string }> } | null };
    expect(children.Contacts?.records.map((c) => c.Id)).toEqual([repContact]);
  });
});
