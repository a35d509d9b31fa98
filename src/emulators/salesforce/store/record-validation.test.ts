import {
  ADMIN,
  REP1,
  REP2,
  emptyStore,
  errorOf,
} from '../../../../test/helpers/emulator-store-fixtures';

describe('write validation', () => {
  const store = emptyStore();
  const accountId = store.create('Account', { Name: 'Acme' }, ADMIN);

  const createError = (objectName: string, values: Record<string, unknown>, user = ADMIN) =>
    errorOf(() => store.create(objectName, values, user)).toJSON();

  it('REQUIRED_FIELD_MISSING lists the missing required fields', () => {
    expect(createError('Contact', { FirstName: 'Ann' })).toEqual({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [LastName]',
      fields: ['LastName'],
    });
    expect(createError('Opportunity', { Name: 'Deal' })).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      fields: ['StageName', 'CloseDate'],
    });
    const contactId = store.create('Contact', { LastName: 'Lee' }, ADMIN);
    expect(
      errorOf(() => store.update('Contact', contactId, { LastName: null }, ADMIN)).errorCode,
    ).toBe('REQUIRED_FIELD_MISSING');
  });

  it('INVALID_FIELD for an unknown column; names are case-insensitive and stored under the describe name', () => {
    expect(createError('Account', { Name: 'X', Foo: 1 })).toEqual({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Foo' on sobject of type Account",
      fields: [],
    });
    const id = store.create('Account', { NAME: 'Case', industry: 'Banking' }, ADMIN);
    expect(store.byId(id)).toMatchObject({ Name: 'Case', Industry: 'Banking' });
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE for read-only fields, and for an Id on insert', () => {
    expect(
      createError('Account', { Name: 'X', CreatedDate: '2020-01-01T00:00:00Z', IsDeleted: true }),
    ).toEqual({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message:
        'Unable to create/update fields: CreatedDate, IsDeleted. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
      fields: ['CreatedDate', 'IsDeleted'],
    });
    expect(createError('Contact', { LastName: 'X', Name: 'Full' }).fields).toEqual(['Name']);
    expect(createError('Account', { Id: accountId, Name: 'X' }).errorCode).toBe(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
    );
    const leadId = store.create('Lead', { LastName: 'L', Company: 'C' }, ADMIN);
    expect(
      errorOf(() => store.update('Lead', leadId, { IsConverted: true }, ADMIN)).fields,
    ).toEqual(['IsConverted']);
  });

  it('JSON_PARSER_ERROR for values of the wrong type; numeric and boolean strings are accepted', () => {
    expect(createError('Account', { Name: 'X', AnnualRevenue: 'lots' })).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
      message: expect.stringContaining(
        'Cannot deserialize instance of double from VALUE_STRING value lots',
      ),
    });
    expect(createError('Account', { Name: 'X', NumberOfEmployees: 1.5 }).errorCode).toBe(
      'JSON_PARSER_ERROR',
    );
    expect(
      createError('Opportunity', { Name: 'D', StageName: 'Prospecting', CloseDate: '2025-02-30' }),
    ).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
      message: expect.stringContaining('instance of date'),
    });
    expect(
      createError('Lead', { LastName: 'L', Company: 'C', IsConverted: 'maybe' }).errorCode,
    ).toBe('JSON_PARSER_ERROR');
    const id = store.create(
      'Account',
      { Name: 'Typed', AnnualRevenue: '1200.4', NumberOfEmployees: '12' },
      ADMIN,
    );
    expect(store.byId(id)).toMatchObject({ AnnualRevenue: 1200, NumberOfEmployees: 12 });
  });

  it('rounds currency half-up to the field scale', () => {
    const oppId = store.create(
      'Opportunity',
      { Name: 'D', StageName: 'Prospecting', CloseDate: '2025-03-31', Amount: 10.555 },
      ADMIN,
    );
    expect(store.byId(oppId)).toMatchObject({ CloseDate: '2025-03-31', Amount: 10.56 });
  });

  it('INVALID_EMAIL_ADDRESS for a malformed email', () => {
    expect(createError('Contact', { LastName: 'X', Email: 'not-an-email' })).toEqual({
      errorCode: 'INVALID_EMAIL_ADDRESS',
      message: 'Email: invalid email address: not-an-email',
      fields: ['Email'],
    });
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for StageName and Lead Status only', () => {
    expect(
      createError('Opportunity', { Name: 'D', StageName: 'Dreaming', CloseDate: '2025-01-01' }),
    ).toEqual({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Stage: bad value for restricted picklist field: Dreaming',
      fields: ['StageName'],
    });
    expect(createError('Lead', { LastName: 'L', Company: 'C', Status: 'Nope' }).fields).toEqual([
      'Status',
    ]);
    // Unrestricted picklists keep unknown values, as the org does.
    const id = store.create('Account', { Name: 'X', Industry: 'Space Mining' }, ADMIN);
    expect(store.byId(id)?.Industry).toBe('Space Mining');
  });

  it('STRING_TOO_LONG with the label and max length', () => {
    const name = 'x'.repeat(81);
    expect(createError('Contact', { LastName: name })).toEqual({
      errorCode: 'STRING_TOO_LONG',
      message: `Last Name: data value too large: ${name} (max length=80)`,
      fields: ['LastName'],
    });
  });

  it('NUMBER_OUTSIDE_VALID_RANGE beyond the field precision', () => {
    expect(
      createError('Opportunity', {
        Name: 'D',
        StageName: 'Prospecting',
        CloseDate: '2025-01-01',
        Probability: 1000,
      }),
    ).toMatchObject({
      errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
      fields: ['Probability'],
    });
  });

  it('checks references: malformed, wrong object, missing, deleted, not shared', () => {
    expect(createError('Contact', { LastName: 'X', AccountId: 'garbage' })).toEqual({
      errorCode: 'MALFORMED_ID',
      message: 'Account ID: id value of incorrect type: garbage',
      fields: ['AccountId'],
    });
    expect(createError('Contact', { LastName: 'X', AccountId: REP1.Id })).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      fields: ['AccountId'],
    });
    expect(createError('Contact', { LastName: 'X', AccountId: '001000000000zzzAAA' })).toEqual({
      errorCode: 'INVALID_CROSS_REFERENCE_KEY',
      message: 'invalid cross reference id',
      fields: ['AccountId'],
    });
    const doomed = store.create('Account', { Name: 'Doomed' }, ADMIN);
    store.delete(doomed, ADMIN);
    expect(createError('Contact', { LastName: 'X', AccountId: doomed }).errorCode).toBe(
      'ENTITY_IS_DELETED',
    );
    const rep2Account = store.create('Account', { Name: 'Private' }, REP2);
    expect(createError('Contact', { LastName: 'X', AccountId: rep2Account }, REP1)).toMatchObject({
      errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      message: `insufficient access rights on cross-reference id: ${rep2Account}`,
    });
    const id = store.create(
      'Contact',
      { LastName: 'X', AccountId: accountId.slice(0, 15), OwnerId: REP2.Id },
      ADMIN,
    );
    expect(store.byId(id)).toMatchObject({ AccountId: accountId, OwnerId: REP2.Id });
  });

  it('404 NOT_FOUND for a missing Id, ENTITY_IS_DELETED for a deleted one, NOT_FOUND for an unknown object', () => {
    expect(
      errorOf(() => store.update('Account', '001000000000zzzAAA', { Name: 'X' }, ADMIN)).toJSON(),
    ).toMatchObject({
      errorCode: 'NOT_FOUND',
    });
    expect(
      errorOf(() => store.update('Account', '001000000000zzzAAA', { Name: 'X' }, ADMIN)).statusCode,
    ).toBe(404);
    expect(errorOf(() => store.delete('001000000000zzzAAA', ADMIN)).statusCode).toBe(404);
    const id = store.create('Account', { Name: 'Gone' }, ADMIN);
    store.delete(id, ADMIN);
    const deleted = errorOf(() => store.update('Account', id, { Name: 'X' }, ADMIN));
    expect(deleted).toMatchObject({
      statusCode: 404,
      errorCode: 'ENTITY_IS_DELETED',
      message: 'entity is deleted',
    });
    expect(errorOf(() => store.delete(id, ADMIN)).errorCode).toBe('ENTITY_IS_DELETED');
    expect(errorOf(() => store.create('Widget', { Name: 'X' }, ADMIN)).statusCode).toBe(404);
    // A malformed or foreign path Id reads as an unknown external Id, as the REST API says.
    expect(errorOf(() => store.update('Account', 'bad', { Name: 'X' }, ADMIN)).toJSON()).toEqual({
      errorCode: 'NOT_FOUND',
      message: 'Provided external ID field does not exist or is not accessible: bad',
      fields: [],
    });
    expect(
      errorOf(() => store.update('Contact', accountId, { LastName: 'X' }, ADMIN)).statusCode,
    ).toBe(404);
  });

  it('does not write users through DML', () => {
    expect(
      createError('User', { LastName: 'X', Username: 'x@y.z', Email: 'x@y.z' }).errorCode,
    ).toBe('INVALID_TYPE_FOR_OPERATION');
    expect(errorOf(() => store.delete(REP1.Id, ADMIN)).errorCode).toBe(
      'INVALID_TYPE_FOR_OPERATION',
    );
  });

  it('leaves nothing behind when a single write fails', () => {
    const before = [...store.rows('Contact')].length;
    expect(() => store.create('Contact', { LastName: 'X', Email: 'bad' }, ADMIN)).toThrow();
    expect([...store.rows('Contact')]).toHaveLength(before);
  });
});
