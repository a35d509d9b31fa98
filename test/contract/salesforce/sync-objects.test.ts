import type { Connection } from 'jsforce';
import { apiCalls, emulatorRequests } from '../../helpers/emulator-requests';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { RecordJanitor, runTag, stringField, valueAt } from '../../helpers/salesforce-records';

/*
 * The objects the sync mutations write (issue 10): Stripe_Payment__c, QuickBooks_Invoice__c
 * and Case, each upserted by an external Id through the composite sObject collections upsert
 * (`PATCH /composite/sobjects/{T}/{field}`), driven by unmodified jsforce.
 */
describeSalesforceContract('Sync objects: describe, SOQL and upsert by external Id', (target) => {
  let conn: Connection;
  let accountId = '';
  const tag = runTag('ZZSY');
  const janitor = new RecordJanitor();

  beforeAll(async () => {
    conn = await target().connect('admin');
    const account = await conn.query('SELECT Id FROM Account ORDER BY Id LIMIT 1');
    accountId = stringField(account.records[0], 'Id') ?? '';
  });
  afterAll(async () => {
    await janitor.flush(conn);
  });

  it('describe lists the custom objects and their external Id and lookup fields', async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['Stripe_Payment__c', 'QuickBooks_Invoice__c', 'Case']),
    );
    const payment = await conn.sobject('Stripe_Payment__c').describe();
    expect(payment.custom).toBe(true);
    const field = (name: string) => payment.fields.find((f) => f.name === name);
    expect(field('Stripe_Payment_Id__c')).toMatchObject({
      type: 'string',
      externalId: true,
      unique: true,
    });
    expect(field('Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
    });
    expect(field('Amount__c')).toMatchObject({ type: 'currency', scale: 2 });
    expect(field('Description__c')).toMatchObject({ type: 'string', length: 255 });

    const invoice = await conn.sobject('QuickBooks_Invoice__c').describe();
    expect(invoice.fields.find((f) => f.name === 'QuickBooks_Invoice_Id__c')).toMatchObject({
      externalId: true,
    });
    const ticket = await conn.sobject('Case').describe();
    expect(ticket.fields.find((f) => f.name === 'Zendesk_Ticket_Id__c')).toMatchObject({
      externalId: true,
    });
    expect(ticket.fields.find((f) => f.name === 'Subject')).toMatchObject({ length: 255 });
    const account = await conn.sobject('Account').describe();
    expect(account.childRelationships.map((r) => r.relationshipName)).toEqual(
      expect.arrayContaining(['Cases', 'Stripe_Payments__r', 'QuickBooks_Invoices__r']),
    );
  });

  it('upsert many: created per record (true, then false), queryable with the parent path', async () => {
    const rows = [1, 2, 3].map((n) => ({
      Name: `${tag}_pi_${n}`,
      Stripe_Payment_Id__c: `${tag}_pi_${n}`,
      Account__c: accountId,
      Amount__c: 10.5 * n,
      Currency_Code__c: 'USD',
      Stripe_Created__c: '2026-01-02T03:04:05.000Z',
    }));
    const first = await conn
      .sobject('Stripe_Payment__c')
      .upsert(rows, 'Stripe_Payment_Id__c', { allOrNone: false });
    expect(first.map((r) => [r.success, r.created])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    for (const r of first) janitor.track('Stripe_Payment__c', r.id ?? '');

    const second = await conn.sobject('Stripe_Payment__c').upsert(
      rows.map((r) => ({ ...r, Amount__c: r.Amount__c + 1 })),
      'Stripe_Payment_Id__c',
      { allOrNone: false },
    );
    expect(second.map((r) => [r.success, r.created, r.id])).toEqual(
      first.map((r) => [true, false, r.id]),
    );
    const read = await conn.query(
      `SELECT Stripe_Payment_Id__c, Amount__c, Account__r.Id FROM Stripe_Payment__c WHERE Stripe_Payment_Id__c LIKE '${tag}_pi_%' ORDER BY Stripe_Payment_Id__c`,
    );
    expect(read.records.map((r) => [valueAt(r, 'Amount__c'), valueAt(r, 'Account__r.Id')])).toEqual(
      [
        [11.5, accountId],
        [22, accountId],
        [32.5, accountId],
      ],
    );
    const child = await conn.query(
      `SELECT Id, (SELECT Stripe_Payment_Id__c FROM Stripe_Payments__r WHERE Stripe_Payment_Id__c LIKE '${tag}_pi_%') FROM Account WHERE Id = '${accountId}'`,
    );
    expect(valueAt(child.records[0], 'Stripe_Payments__r.totalSize')).toBe(3);
  });

  // Salesforce answers a key repeated inside one request with DUPLICATE_VALUE "Duplicate
  // external id specified" on every such row (DUPLICATE_EXTERNAL_ID, 300, is for a key that
  // matches several stored rows): https://salesforce.stackexchange.com/questions/104048
  it('two rows with one external Id in a request: both fail (duplicate external id), the rest saved', async () => {
    const key = `${tag}_dup`;
    const results = await conn.sobject('Stripe_Payment__c').upsert(
      [
        { Name: key, Stripe_Payment_Id__c: key, Amount__c: 1 },
        { Name: key, Stripe_Payment_Id__c: key, Amount__c: 2 },
        { Name: `${tag}_single`, Stripe_Payment_Id__c: `${tag}_single`, Amount__c: 3 },
      ],
      'Stripe_Payment_Id__c',
      { allOrNone: false },
    );
    expect(results.map((r) => r.success)).toEqual([false, false, true]);
    for (const failed of results.slice(0, 2)) {
      expect(failed.success ? [] : failed.errors).toEqual([
        expect.objectContaining({
          statusCode: 'DUPLICATE_VALUE',
          message: `Duplicate external id specified: ${key}`,
        }),
      ]);
    }
    janitor.track('Stripe_Payment__c', results[2]?.id ?? '');
    const saved = await conn.query(
      `SELECT COUNT() FROM Stripe_Payment__c WHERE Stripe_Payment_Id__c IN ('${key}', '${tag}_single')`,
    );
    expect(saved.totalSize).toBe(1);
  });

  it('allOrNone=false: a 300-character Description__c fails alone with STRING_TOO_LONG', async () => {
    const results = await conn.sobject('Stripe_Payment__c').upsert(
      [
        {
          Name: `${tag}_long`,
          Stripe_Payment_Id__c: `${tag}_long`,
          Description__c: 'x'.repeat(300),
        },
        { Name: `${tag}_ok`, Stripe_Payment_Id__c: `${tag}_ok`, Description__c: 'fine' },
      ],
      'Stripe_Payment_Id__c',
      { allOrNone: false },
    );
    expect(results[0]).toMatchObject({
      success: false,
      errors: [expect.objectContaining({ statusCode: 'STRING_TOO_LONG' })],
    });
    expect(results[1]).toMatchObject({ success: true, created: true });
    janitor.track('Stripe_Payment__c', results[1]?.id ?? '');
  });

  it('Case and QuickBooks_Invoice__c upsert by their keys; a Case Subject over 255 fails alone', async () => {
    const cases = await conn.sobject('Case').upsert(
      [
        { Zendesk_Ticket_Id__c: `${tag}_t1`, AccountId: accountId, Subject: 'Hi', Status: 'New' },
        { Zendesk_Ticket_Id__c: `${tag}_t2`, Subject: 's'.repeat(256) },
      ],
      'Zendesk_Ticket_Id__c',
      { allOrNone: false },
    );
    expect(cases[0]).toMatchObject({ success: true, created: true });
    expect(cases[1]).toMatchObject({
      success: false,
      errors: [expect.objectContaining({ statusCode: 'STRING_TOO_LONG' })],
    });
    janitor.track('Case', cases[0]?.id ?? '');
    const invoices = await conn.sobject('QuickBooks_Invoice__c').upsert(
      [
        {
          Name: `${tag}_inv`,
          QuickBooks_Invoice_Id__c: `${tag}_inv`,
          Account__c: accountId,
          Total__c: 99.99,
          Txn_Date__c: '2026-01-02',
        },
      ],
      'QuickBooks_Invoice_Id__c',
      { allOrNone: false },
    );
    expect(invoices[0]).toMatchObject({ success: true, created: true });
    janitor.track('QuickBooks_Invoice__c', invoices[0]?.id ?? '');
  });

  emulatorOnly('a rep cannot point a synced record at an Account it cannot see', async () => {
    const rep = await target().connect('rep1');
    const repId = rep.userInfo?.id ?? '';
    const foreign = await conn.query(`SELECT Id FROM Account WHERE OwnerId != '${repId}' LIMIT 1`);
    const results = await rep.sobject('Stripe_Payment__c').upsert(
      [
        {
          Name: `${tag}_rep`,
          Stripe_Payment_Id__c: `${tag}_rep`,
          Account__c: stringField(foreign.records[0], 'Id'),
        },
      ],
      'Stripe_Payment_Id__c',
      { allOrNone: false },
    );
    expect(results[0]).toMatchObject({
      success: false,
      errors: [
        expect.objectContaining({ statusCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY' }),
      ],
    });
  });

  emulatorOnly('200 records are one composite call; 201 are refused', async () => {
    const url = target().instanceUrl;
    const before = apiCalls(await emulatorRequests(url)).length;
    const rows = Array.from({ length: 200 }, (_, n) => ({
      Name: `${tag}_bulk_${n}`,
      Stripe_Payment_Id__c: `${tag}_bulk_${n}`,
      Amount__c: n,
    }));
    const results = await conn
      .sobject('Stripe_Payment__c')
      .upsert(rows, 'Stripe_Payment_Id__c', { allOrNone: false });
    expect(results.filter((r) => r.success && r.created)).toHaveLength(200);
    const calls = apiCalls(await emulatorRequests(url)).slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PATCH /services/data/v59.0/composite/sobjects/Stripe_Payment__c/Stripe_Payment_Id__c',
    ]);
    for (const r of results) janitor.track('Stripe_Payment__c', r.id ?? '');

    await expect(
      conn
        .sobject('Stripe_Payment__c')
        .upsert(
          [...rows, { Name: 'x', Stripe_Payment_Id__c: `${tag}_bulk_x` }],
          'Stripe_Payment_Id__c',
          { allOrNone: false },
        ),
    ).rejects.toMatchObject({ errorCode: 'EXCEEDED_ID_LIMIT' });
  });
});
