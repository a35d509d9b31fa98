import type { Connection } from 'jsforce';
import { describeSalesforceContract } from '../../helpers/salesforce-target';
import { expectSalesforceError, recordErrorsOf } from '../../helpers/salesforce-errors';
import {
  RecordJanitor,
  numberField,
  runTag,
  savedId,
  stringField,
  unusedId,
  valueAt,
} from '../../helpers/salesforce-records';

const ID18 = /^[a-zA-Z0-9]{18}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describeSalesforceContract('DML through the REST API', (target) => {
  let conn: Connection;
  const tag = runTag();
  const janitor = new RecordJanitor();

  beforeAll(async () => {
    conn = await target().connect('admin');
  });
  afterAll(async () => {
    await janitor.flush(conn);
  });

  async function countTagged(objectName: string, suffix: string): Promise<number> {
    const field = objectName === 'Contact' || objectName === 'Lead' ? 'LastName' : 'Name';
    return (
      await conn.query(`SELECT COUNT() FROM ${objectName} WHERE ${field} LIKE '${tag}${suffix}%'`)
    ).totalSize;
  }

  describe('single records', () => {
    it('create → 001 Id of 18 chars, system fields set, owner and creator = caller', async () => {
      const result = await conn
        .sobject('Account')
        .create({ Name: `${tag} single`, Industry: 'Energy' });
      expect(result).toEqual({ id: expect.stringMatching(/^001/), success: true, errors: [] });
      const id = savedId(result);
      janitor.track('Account', id);
      expect(id).toMatch(ID18);

      const row = await conn.sobject('Account').retrieve(id);
      expect(row).toEqual(
        expect.objectContaining({
          attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${id}` },
          Id: id,
          Name: `${tag} single`,
          Industry: 'Energy',
          IsDeleted: false,
          OwnerId: conn.userInfo?.id,
          CreatedById: conn.userInfo?.id,
          LastModifiedById: conn.userInfo?.id,
          CreatedDate: expect.stringMatching(ISO_DATETIME),
          LastModifiedDate: expect.stringMatching(ISO_DATETIME),
          SystemModstamp: expect.stringMatching(ISO_DATETIME),
        }),
      );
    });

    it('retrieve with fields returns only those fields (plus attributes)', async () => {
      const id = savedId(
        await conn.sobject('Account').create({ Name: `${tag} fields`, Phone: '555-0100' }),
      );
      janitor.track('Account', id);
      const row = await conn.sobject('Account').retrieve(id, { fields: ['Name', 'Phone'] });
      expect(row).toEqual({
        attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${id}` },
        Name: `${tag} fields`,
        Phone: '555-0100',
        Id: id,
      });
    });

    it('update → success; LastModifiedDate advances, CreatedDate does not; null clears a field', async () => {
      const id = savedId(
        await conn.sobject('Account').create({ Name: `${tag} upd`, Phone: '555-0101' }),
      );
      janitor.track('Account', id);
      const before = await conn
        .sobject('Account')
        .retrieve(id, { fields: ['CreatedDate', 'LastModifiedDate'] });
      await sleep(1100);

      const result = await conn
        .sobject('Account')
        .update({ Id: id, Name: `${tag} upd2`, Phone: null });
      expect(result).toEqual({ id, success: true, errors: [] });

      const after = await conn.sobject('Account').retrieve(id, {
        fields: ['Name', 'Phone', 'CreatedDate', 'LastModifiedDate'],
      });
      expect(stringField(after, 'Name')).toBe(`${tag} upd2`);
      expect(stringField(after, 'Phone')).toBeNull();
      expect(stringField(after, 'CreatedDate')).toBe(stringField(before, 'CreatedDate'));
      expect(Date.parse(stringField(after, 'LastModifiedDate') ?? '')).toBeGreaterThan(
        Date.parse(stringField(before, 'LastModifiedDate') ?? ''),
      );
    });

    it('destroy → success; the row is gone from query; deleting again → ENTITY_IS_DELETED', async () => {
      const id = savedId(await conn.sobject('Account').create({ Name: `${tag} del` }));
      janitor.track('Account', id);
      expect(await conn.sobject('Account').destroy(id)).toEqual({ id, success: true, errors: [] });
      expect(await countTagged('Account', ' del')).toBe(0);
      await expectSalesforceError(conn.sobject('Account').destroy(id), 'ENTITY_IS_DELETED');
    });

    it('retrieve of an Id that does not exist → NOT_FOUND', async () => {
      await expectSalesforceError(
        conn.sobject('Account').retrieve(unusedId('001')),
        'NOT_FOUND',
        /The requested resource does not exist/,
      );
    });

    it('update of an Id that does not exist → NOT_FOUND or ENTITY_IS_DELETED', async () => {
      await expect(
        conn.sobject('Account').update({ Id: unusedId('001'), Name: 'x' }),
      ).rejects.toMatchObject({
        errorCode: expect.stringMatching(
          /^(NOT_FOUND|ENTITY_IS_DELETED|INVALID_CROSS_REFERENCE_KEY)$/,
        ),
      });
    });
  });

  describe('computed and system fields', () => {
    it('Contact: 003 Id, Name from FirstName + LastName', async () => {
      const id = savedId(
        await conn.sobject('Contact').create({ FirstName: 'Ada', LastName: `${tag} Lovelace` }),
      );
      janitor.track('Contact', id);
      expect(id).toMatch(/^003/);
      const row = await conn
        .sobject('Contact')
        .retrieve(id, { fields: ['Name', 'FirstName', 'LastName'] });
      expect(stringField(row, 'Name')).toBe(`Ada ${tag} Lovelace`);

      await conn.sobject('Contact').update({ Id: id, FirstName: 'Augusta' });
      const renamed = await conn.sobject('Contact').retrieve(id, { fields: ['Name'] });
      expect(stringField(renamed, 'Name')).toBe(`Augusta ${tag} Lovelace`);
    });

    it('Lead: 00Q Id, Name computed, IsConverted false', async () => {
      const id = savedId(
        await conn.sobject('Lead').create({
          FirstName: 'Grace',
          LastName: `${tag} Hopper`,
          Company: `${tag} Navy`,
          Status: 'Open - Not Contacted',
        }),
      );
      janitor.track('Lead', id);
      expect(id).toMatch(/^00Q/);
      const row = await conn
        .sobject('Lead')
        .retrieve(id, { fields: ['Name', 'IsConverted', 'Status'] });
      expect(row).toEqual(
        expect.objectContaining({
          Name: `Grace ${tag} Hopper`,
          IsConverted: false,
          Status: 'Open - Not Contacted',
        }),
      );
    });

    it.each<[string, boolean, boolean, number]>([
      ['Prospecting', false, false, 10],
      ['Negotiation/Review', false, false, 90],
      ['Closed Won', true, true, 100],
      ['Closed Lost', true, false, 0],
    ])(
      'Opportunity at %s: IsClosed=%s IsWon=%s Probability=%s',
      async (stage, isClosed, isWon, probability) => {
        const id = savedId(
          await conn
            .sobject('Opportunity')
            .create({ Name: `${tag} opp`, StageName: stage, CloseDate: '2030-06-30' }),
        );
        janitor.track('Opportunity', id);
        expect(id).toMatch(/^006/);
        const row = await conn
          .sobject('Opportunity')
          .retrieve(id, { fields: ['IsClosed', 'IsWon', 'Probability'] });
        expect(row).toEqual(
          expect.objectContaining({ IsClosed: isClosed, IsWon: isWon, Probability: probability }),
        );
      },
    );

    it('changing StageName recomputes IsClosed/IsWon/Probability', async () => {
      const id = savedId(
        await conn
          .sobject('Opportunity')
          .create({ Name: `${tag} move`, StageName: 'Prospecting', CloseDate: '2030-06-30' }),
      );
      janitor.track('Opportunity', id);
      await conn.sobject('Opportunity').update({ Id: id, StageName: 'Closed Won' });
      const row = await conn
        .sobject('Opportunity')
        .retrieve(id, { fields: ['IsClosed', 'IsWon', 'Probability'] });
      expect(row).toEqual(
        expect.objectContaining({ IsClosed: true, IsWon: true, Probability: 100 }),
      );
    });
  });

  describe('validation errors', () => {
    it('missing required field → REQUIRED_FIELD_MISSING with fields', async () => {
      const error = await expectSalesforceError(
        conn.sobject('Account').create({ Phone: '555-0199' }),
        'REQUIRED_FIELD_MISSING',
        /Required fields are missing: \[Name\]/,
      );
      expect(error.fields).toEqual(['Name']);
    });

    it('several missing required fields are all listed', async () => {
      const error = await expectSalesforceError(
        conn.sobject('Opportunity').create({ Amount: 5 }),
        'REQUIRED_FIELD_MISSING',
      );
      expect([...error.fields].sort()).toEqual(['CloseDate', 'Name', 'StageName']);
    });

    it('a value of the wrong JSON type → JSON_PARSER_ERROR', async () => {
      await expectSalesforceError(
        conn.sobject('Account').create({ Name: `${tag} bad`, NumberOfEmployees: 'many' }),
        'JSON_PARSER_ERROR',
      );
      expect(await countTagged('Account', ' bad')).toBe(0);
    });

    it('a malformed email → INVALID_EMAIL_ADDRESS with fields', async () => {
      const error = await expectSalesforceError(
        conn.sobject('Contact').create({ LastName: `${tag} mail`, Email: 'not-an-email' }),
        'INVALID_EMAIL_ADDRESS',
      );
      expect(error.fields).toEqual(['Email']);
    });

    it('a value outside a restricted picklist → INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST with fields', async () => {
      const error = await expectSalesforceError(
        conn
          .sobject('Opportunity')
          .create({ Name: `${tag} pick`, StageName: 'Daydreaming', CloseDate: '2030-01-01' }),
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        /Daydreaming/,
      );
      expect(error.fields).toEqual(['StageName']);
    });

    it('an unknown field → INVALID_FIELD', async () => {
      await expectSalesforceError(
        conn.sobject('Account').create({ Name: `${tag} unk`, Bogus__c: 1 }),
        'INVALID_FIELD',
        /No such column 'Bogus__c' on sobject of type Account/,
      );
    });

    it('writing a read-only field → INVALID_FIELD_FOR_INSERT_UPDATE with fields', async () => {
      const error = await expectSalesforceError(
        conn.sobject('Opportunity').create({
          Name: `${tag} ro`,
          StageName: 'Prospecting',
          CloseDate: '2030-01-01',
          IsWon: true,
        }),
        'INVALID_FIELD_FOR_INSERT_UPDATE',
      );
      expect(error.fields).toEqual(['IsWon']);
    });

    it('a reference to a record that does not exist → INVALID_CROSS_REFERENCE_KEY', async () => {
      await expectSalesforceError(
        conn.sobject('Contact').create({ LastName: `${tag} xref`, AccountId: unusedId('001') }),
        'INVALID_CROSS_REFERENCE_KEY',
      );
    });
  });

  describe('collections (composite/sobjects)', () => {
    it('create many without allOrNone: per-record results, failures carry statusCode and fields', async () => {
      const results = await conn
        .sobject('Account')
        .create([{ Name: `${tag} c1` }, { Phone: '555-0102' }, { Name: `${tag} c3` }], {
          allOrNone: false,
        });
      expect(results).toHaveLength(3);
      expect(results[0]).toEqual({ id: expect.stringMatching(/^001/), success: true, errors: [] });
      expect(results[2]).toEqual({ id: expect.stringMatching(/^001/), success: true, errors: [] });
      expect(results[1].success).toBe(false);
      expect(recordErrorsOf(results[1])).toEqual([
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: expect.stringMatching(/Name/),
          fields: ['Name'],
        },
      ]);
      janitor.track('Account', savedId(results[0]), savedId(results[2]));
      expect(await countTagged('Account', ' c')).toBe(2);
    });

    it('create many with allOrNone: one failure rolls everything back', async () => {
      const results = await conn
        .sobject('Account')
        .create([{ Name: `${tag} r1` }, { Phone: '555-0103' }, { Name: `${tag} r3` }], {
          allOrNone: true,
        });
      expect(results.map((r) => r.success)).toEqual([false, false, false]);
      expect(recordErrorsOf(results[1]).map((e) => e.statusCode)).toEqual([
        'REQUIRED_FIELD_MISSING',
      ]);
      expect(recordErrorsOf(results[0]).map((e) => e.statusCode)).toEqual([
        'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      ]);
      expect(recordErrorsOf(results[2]).map((e) => e.statusCode)).toEqual([
        'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      ]);
      expect(await countTagged('Account', ' r')).toBe(0);
    });

    it('update many with allOrNone: nothing changes when one record fails', async () => {
      const created = await conn
        .sobject('Account')
        .create([{ Name: `${tag} u1` }, { Name: `${tag} u2` }], { allOrNone: true });
      const ids = created.map(savedId);
      janitor.track('Account', ...ids);

      const results = await conn.sobject('Account').update(
        [
          { Id: ids[0], Name: `${tag} u1 changed` },
          { Id: ids[1], Name: null },
        ],
        { allOrNone: true },
      );
      expect(results.map((r) => r.success)).toEqual([false, false]);
      expect(recordErrorsOf(results[1]).map((e) => e.statusCode)).toEqual([
        'REQUIRED_FIELD_MISSING',
      ]);
      const rows = await conn.query(
        `SELECT Name FROM Account WHERE Id IN ('${ids[0]}', '${ids[1]}') ORDER BY Name`,
      );
      expect(rows.records.map((r) => stringField(r, 'Name'))).toEqual([`${tag} u1`, `${tag} u2`]);
    });

    it('update many without allOrNone applies the good ones', async () => {
      const created = await conn
        .sobject('Account')
        .create([{ Name: `${tag} p1` }], { allOrNone: true });
      const id = savedId(created[0]);
      janitor.track('Account', id);
      const results = await conn.sobject('Account').update(
        [
          { Id: id, Name: `${tag} p1 changed` },
          { Id: unusedId('001'), Name: 'ghost' },
        ],
        { allOrNone: false },
      );
      expect(results[0]).toEqual({ id, success: true, errors: [] });
      expect(results[1].success).toBe(false);
      const row = await conn.sobject('Account').retrieve(id, { fields: ['Name'] });
      expect(stringField(row, 'Name')).toBe(`${tag} p1 changed`);
    });

    it('delete many returns one result per id', async () => {
      const created = await conn
        .sobject('Account')
        .create([{ Name: `${tag} d1` }, { Name: `${tag} d2` }], { allOrNone: true });
      const ids = created.map(savedId);
      janitor.track('Account', ...ids);
      const results = await conn
        .sobject('Account')
        .destroy([...ids, unusedId('001')], { allOrNone: false });
      expect(results.slice(0, 2)).toEqual(ids.map((id) => ({ id, success: true, errors: [] })));
      expect(results[2].success).toBe(false);
      expect(await countTagged('Account', ' d')).toBe(0);
    });

    it('more than 200 records in one call → EXCEEDED_ID_LIMIT, nothing written', async () => {
      const records = Array.from({ length: 201 }, (_, i) => ({ Name: `${tag} big ${i}` }));
      await expectSalesforceError(conn.sobject('Account').create(records), 'EXCEEDED_ID_LIMIT');
      expect(await countTagged('Account', ' big')).toBe(0);
    });

    it('retrieve many (composite) aligns with the ids and answers null for a missing one', async () => {
      const created = await conn
        .sobject('Account')
        .create([{ Name: `${tag} g1` }, { Name: `${tag} g2` }], { allOrNone: true });
      const ids = created.map(savedId);
      janitor.track('Account', ...ids);

      const rows = await conn
        .sobject('Account')
        .retrieve([ids[1], unusedId('001'), ids[0].slice(0, 15)], {
          fields: ['Id', 'Name'],
        });
      expect(rows).toHaveLength(3);
      expect(rows[1]).toBeNull();
      expect(valueAt(rows[0], 'Name')).toBe(`${tag} g2`);
      expect(valueAt(rows[0], 'attributes.type')).toBe('Account');
      expect(valueAt(rows[2], 'Id')).toBe(ids[0]);
    });
  });

  describe('upsert by external Id (Stripe_Customer_Id__c)', () => {
    it('creates on the first call and updates the same record on the second', async () => {
      const extId = `cus_${tag}`;
      const first = await conn
        .sobject('Account')
        .upsert({ Name: `${tag} ups`, Stripe_Customer_Id__c: extId }, 'Stripe_Customer_Id__c');
      expect(first).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^001/),
          success: true,
          created: true,
          errors: [],
        }),
      );
      const id = savedId(first);
      janitor.track('Account', id);

      const second = await conn
        .sobject('Account')
        .upsert({ Name: `${tag} ups v2`, Stripe_Customer_Id__c: extId }, 'Stripe_Customer_Id__c');
      expect(second).toEqual(expect.objectContaining({ id, success: true, created: false }));

      const rows = await conn.query(
        `SELECT Id, Name FROM Account WHERE Stripe_Customer_Id__c = '${extId}'`,
      );
      expect(rows.records.map((r) => [stringField(r, 'Id'), stringField(r, 'Name')])).toEqual([
        [id, `${tag} ups v2`],
      ]);
    });

    it('upsert many reports created per record and never duplicates', async () => {
      const extIds = [`cus_${tag}_m1`, `cus_${tag}_m2`];
      const seeded = await conn
        .sobject('Account')
        .upsert({ Name: `${tag} um1`, Stripe_Customer_Id__c: extIds[0] }, 'Stripe_Customer_Id__c');
      janitor.track('Account', savedId(seeded));

      const results = await conn.sobject('Account').upsert(
        [
          { Name: `${tag} um1 v2`, Stripe_Customer_Id__c: extIds[0] },
          { Name: `${tag} um2`, Stripe_Customer_Id__c: extIds[1] },
        ],
        'Stripe_Customer_Id__c',
      );
      expect(results.map((r) => [r.success, r.created])).toEqual([
        [true, false],
        [true, true],
      ]);
      expect(results[0].id).toBe(savedId(seeded));
      janitor.track('Account', savedId(results[1]));
      const count = await conn.query(
        `SELECT COUNT() FROM Account WHERE Stripe_Customer_Id__c IN ('${extIds[0]}', '${extIds[1]}')`,
      );
      expect(count.totalSize).toBe(2);
    });

    it('upsert on a field that is not an external Id is rejected', async () => {
      await expect(
        conn.sobject('Account').upsert({ Name: `${tag} x`, Phone: '1' }, 'Phone'),
      ).rejects.toMatchObject({
        errorCode: expect.stringMatching(/^(NOT_FOUND|INVALID_FIELD)$/),
      });
      expect(await countTagged('Account', ' x')).toBe(0);
    });
  });

  it('numbers come back as JSON numbers (scale kept), booleans as booleans', async () => {
    const id = savedId(
      await conn.sobject('Opportunity').create({
        Name: `${tag} types`,
        StageName: 'Prospecting',
        CloseDate: '2030-01-01',
        Amount: 1234.56,
      }),
    );
    janitor.track('Opportunity', id);
    const row = await conn
      .sobject('Opportunity')
      .retrieve(id, { fields: ['Amount', 'Probability', 'IsDeleted', 'CloseDate'] });
    expect(numberField(row, 'Amount')).toBe(1234.56);
    expect(numberField(row, 'Probability')).toBe(10);
    expect(valueAt(row, 'IsDeleted')).toBe(false);
    expect(valueAt(row, 'CloseDate')).toBe('2030-01-01');
  });
});
