import {
  ADMIN,
  REP1,
  REP2,
  emptyStore,
  errorOf,
} from '../../../../test/helpers/emulator-store-fixtures';

describe('collections', () => {
  it('without allOrNone: per-record results, the good ones are written', () => {
    const store = emptyStore();
    const results = store.createMany(
      [
        { objectName: 'Account', values: { Name: 'Good' } },
        { objectName: 'Contact', values: { FirstName: 'NoLast' } },
        { objectName: 'Widget', values: {} },
      ],
      false,
      ADMIN,
    );
    expect(results[0]).toEqual({ id: expect.stringMatching(/^001/), success: true, errors: [] });
    expect(results[1]).toEqual({
      id: null,
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [LastName]',
          fields: ['LastName'],
        },
      ],
    });
    expect(results[2].errors[0].statusCode).toBe('INVALID_TYPE');
    expect(store.byId(results[0].id ?? '')?.Name).toBe('Good');
  });

  it('with allOrNone: one failure rolls everything back and the rest report ALL_OR_NONE_OPERATION_ROLLED_BACK', () => {
    const store = emptyStore();
    const events: unknown[] = [];
    store.onChange((e) => events.push(e));
    const results = store.createMany(
      [
        { objectName: 'Account', values: { Name: 'One' } },
        { objectName: 'Account', values: { Name: 'Two', Bogus__c: 1 } },
        { objectName: 'Account', values: { Name: 'Three' } },
      ],
      true,
      ADMIN,
    );
    expect(results.map((r) => r.success)).toEqual([false, false, false]);
    expect(results[0].errors[0]).toEqual({
      statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      message:
        'Record rolled back because not all records were valid and the request was using AllOrNone header',
      fields: [],
    });
    expect(results[1].errors[0].statusCode).toBe('INVALID_FIELD');
    expect(results[2].id).toBeNull();
    expect([...store.rows('Account')]).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  it('later records of a collection see earlier ones (one transaction)', () => {
    const store = emptyStore();
    const [account] = store.createMany(
      [{ objectName: 'Account', values: { Name: 'A' } }],
      true,
      ADMIN,
    );
    const updates = store.updateMany(
      [
        { objectName: 'Account', id: account.id ?? '', values: { Name: 'A2' } },
        { objectName: 'Account', id: 'bad', values: { Name: 'X' } },
        { objectName: 'Account', id: '001000000000zzzAAA', values: { Name: 'X' } },
      ],
      false,
      ADMIN,
    );
    expect(updates[0]).toEqual({ id: account.id, success: true, errors: [] });
    expect(updates[1].errors[0]).toEqual({
      statusCode: 'MALFORMED_ID',
      message: 'Account ID: id value of incorrect type: bad',
      fields: ['Id'],
    });
    expect(updates[2].errors[0].statusCode).toBe('NOT_FOUND');
    expect(store.byId(account.id ?? '')?.Name).toBe('A2');
  });

  it('allOrNone updates restore the previous values', () => {
    const store = emptyStore();
    const a = store.create('Account', { Name: 'Before' }, REP1);
    const b = store.create('Account', { Name: 'Theirs' }, REP2);
    const results = store.updateMany(
      [
        { objectName: 'Account', id: a, values: { Name: 'After' } },
        { objectName: 'Account', id: b, values: { Name: 'Hijack' } },
      ],
      true,
      REP1,
    );
    expect(results[1].errors[0].statusCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    expect(store.byId(a)?.Name).toBe('Before');
  });

  it('deleteMany reports per Id; allOrNone keeps all of them', () => {
    const store = emptyStore();
    const a = store.create('Account', { Name: 'A' }, ADMIN);
    const b = store.create('Account', { Name: 'B' }, ADMIN);
    const rolled = store.deleteMany([a, 'junk'], true, ADMIN);
    expect(rolled[1].errors[0]).toMatchObject({
      statusCode: 'MALFORMED_ID',
      message: 'malformed id junk',
    });
    expect(store.byId(a)?.IsDeleted).toBe(false);
    const partial = store.deleteMany([a, b, a], false, ADMIN);
    expect(partial.map((r) => r.success)).toEqual([true, true, false]);
    expect(partial[2].errors[0].statusCode).toBe('ENTITY_IS_DELETED');
  });

  it('refuses more than 200 records', () => {
    const store = emptyStore();
    const many = Array.from({ length: 201 }, (_, i) => ({
      objectName: 'Account',
      values: { Name: `A${i}` },
    }));
    expect(errorOf(() => store.createMany(many, false, ADMIN)).toJSON()).toEqual({
      errorCode: 'EXCEEDED_ID_LIMIT',
      message: 'record limit reached. cannot submit more than 200 records into this call',
      fields: [],
    });
    expect(() =>
      store.deleteMany(
        Array.from({ length: 201 }, () => 'x'),
        false,
        ADMIN,
      ),
    ).toThrow('record limit');
  });
});

describe('upsert', () => {
  it('creates when no record has the key, updates when exactly one has it (case-insensitive)', () => {
    const store = emptyStore();
    const first = store.upsert(
      'Account',
      'stripe_customer_id__c',
      'cus_ABC',
      { Name: 'Created' },
      ADMIN,
    );
    expect(first.created).toBe(true);
    expect(store.byId(first.id)).toMatchObject({
      Name: 'Created',
      Stripe_Customer_Id__c: 'cus_ABC',
    });
    const second = store.upsert(
      'Account',
      'Stripe_Customer_Id__c',
      'CUS_abc',
      { Phone: '1' },
      ADMIN,
    );
    expect(second).toEqual({ id: first.id, created: false });
    expect(store.byId(first.id)).toMatchObject({
      Name: 'Created',
      Phone: '1',
      Stripe_Customer_Id__c: 'cus_ABC',
    });
  });

  it('fails with DUPLICATE_EXTERNAL_ID (300) when several records match', () => {
    const store = emptyStore();
    const a = store.create('Account', { Name: 'A', Zendesk_Organization_Id__c: '42' }, ADMIN);
    const b = store.create('Account', { Name: 'B', Zendesk_Organization_Id__c: '42' }, ADMIN);
    const error = errorOf(() =>
      store.upsert('Account', 'Zendesk_Organization_Id__c', '42', { Phone: '1' }, ADMIN),
    );
    expect(error.statusCode).toBe(300);
    expect(error.toJSON()).toEqual({
      errorCode: 'DUPLICATE_EXTERNAL_ID',
      message: `Zendesk Organization ID: more than one record found for external id field: [${a}, ${b}]`,
      fields: [],
    });
  });

  it('rejects unknown and non-external-Id key fields', () => {
    const store = emptyStore();
    expect(errorOf(() => store.upsert('Account', 'Nope__c', '1', {}, ADMIN)).toJSON()).toEqual({
      errorCode: 'NOT_FOUND',
      message: 'Provided external ID field does not exist or is not accessible: Nope__c',
      fields: [],
    });
    expect(errorOf(() => store.upsert('Account', 'Name', 'x', {}, ADMIN)).errorCode).toBe(
      'INVALID_FIELD',
    );
  });

  it('upsertMany: created flags, duplicate keys in one request, missing keys', () => {
    const store = emptyStore();
    const existing = store.create(
      'Account',
      { Name: 'Old', QuickBooks_Customer_Id__c: '7' },
      ADMIN,
    );
    const results = store.upsertMany(
      'Account',
      'QuickBooks_Customer_Id__c',
      [
        { attributes: { type: 'Account' }, QuickBooks_Customer_Id__c: '7', Name: 'Renamed' },
        { QuickBooks_Customer_Id__c: '8', Name: 'New' },
        { QuickBooks_Customer_Id__c: '9', Name: 'Dup 1' },
        { QuickBooks_Customer_Id__c: '9', Name: 'Dup 2' },
        { Name: 'No key' },
      ],
      false,
      ADMIN,
    );
    expect(results[0]).toEqual({ id: existing, success: true, errors: [], created: false });
    expect(results[1]).toMatchObject({ success: true, created: true });
    expect(results[2].errors[0]).toEqual({
      statusCode: 'DUPLICATE_VALUE',
      message: 'Duplicate external id specified: 9',
      fields: [],
    });
    expect(results[3].success).toBe(false);
    expect(results[4].errors[0].statusCode).toBe('MISSING_ARGUMENT');
    expect(store.byId(existing)?.Name).toBe('Renamed');
    // Running the same sync twice changes nothing new: it only updates.
    const again = store.upsertMany(
      'Account',
      'QuickBooks_Customer_Id__c',
      [{ QuickBooks_Customer_Id__c: '8', Name: 'New' }],
      true,
      ADMIN,
    );
    expect(again[0]).toMatchObject({ id: results[1].id, created: false });
    expect([...store.rows('Account')]).toHaveLength(2);
  });
});
