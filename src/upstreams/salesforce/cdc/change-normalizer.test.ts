import { parseChangeEventMessage, type RawChangeEvent } from './change-event-message';
import { normalizeChange } from './change-normalizer';
import { contractFieldNames, lowerCamel } from './field-names';

function raw(
  header: Partial<RawChangeEvent['header']>,
  fields: Record<string, unknown> = {},
): RawChangeEvent {
  return {
    replayId: '42',
    header: {
      entityName: 'Opportunity',
      recordIds: ['006000000000001AAA'],
      changeType: 'UPDATE',
      changedFields: [],
      commitTimestamp: Date.UTC(2024, 0, 2, 3, 4, 5),
      commitUser: '005000000000001AAA',
      ...header,
    },
    fields,
  };
}

describe('contract field names', () => {
  it.each([
    ['Amount', ['amount']],
    ['StageName', ['stageName']],
    ['BillingCity', ['billingAddress']],
    ['BillingAddress.City', ['billingAddress']],
    ['MailingPostalCode', ['mailingAddress']],
    ['Name.FirstName', ['firstName', 'name']],
    ['LastName', ['lastName', 'name']],
    ['AccountId', ['account']],
    ['OwnerId', ['owner']],
    ['ConvertedAccountId', ['convertedAccount']],
    ['Id', ['id']],
    ['IsClosed', ['isClosed']],
    ['LastModifiedDate', ['lastModifiedDate']],
    ['Stripe_Customer_Id__c', ['stripeCustomerId']],
    ['acme__Health_Score__c', ['healthScore']],
    ['SLAExpirationDate__c', ['slaExpirationDate']],
    ['City', ['address']],
  ])('%s → %j', (api, expected) => {
    expect(contractFieldNames(api)).toEqual(expected);
  });

  it('lower-cases leading acronyms sensibly', () => {
    expect(lowerCamel('SLAExpiration')).toBe('slaExpiration');
    expect(lowerCamel('ID')).toBe('id');
    expect(lowerCamel('already')).toBe('already');
  });
});

describe('normalizeChange', () => {
  it('maps an update to the contract vocabulary', () => {
    const change = normalizeChange(
      raw(
        {
          changedFields: [
            'StageName',
            'Amount',
            'LastModifiedDate',
            'BillingCity',
            'BillingStreet',
          ],
          nulledFields: ['NextStep'],
          diffFields: ['Description'],
        },
        { StageName: 'Closed Won', Amount: 5000, AccountId: '001000000000001AAA' },
      ),
    );
    expect(change).toEqual({
      type: 'OPPORTUNITY',
      changeType: 'UPDATE',
      recordIds: ['006000000000001AAA'],
      changedFields: ['stageName', 'amount', 'lastModifiedDate', 'billingAddress'],
      commitTimestamp: '2024-01-02T03:04:05.000Z',
      commitUserId: '005000000000001AAA',
      replayId: '42',
      entityName: 'Opportunity',
      accountIds: ['001000000000001AAA'],
      values: { StageName: 'Closed Won', Amount: 5000, AccountId: '001000000000001AAA' },
      // The API names, nulled and diff fields included, for the cache's finer invalidation.
      upstreamChangedFields: [
        'StageName',
        'Amount',
        'LastModifiedDate',
        'BillingCity',
        'BillingStreet',
        'NextStep',
        'Description',
      ],
    });
  });

  it('derives changedFields of a CREATE from the non-null values, compound parts included', () => {
    const change = normalizeChange(
      raw(
        { entityName: 'Contact', changeType: 'CREATE', recordIds: ['003000000000001AAA'] },
        {
          Name: { FirstName: 'Ada', LastName: 'Lovelace', Salutation: null },
          Email: 'ada@example.com',
          Phone: null,
          MailingAddress: { City: 'London' },
        },
      ),
    );
    expect(change?.type).toBe('CONTACT');
    expect(change?.changedFields).toEqual([
      'firstName',
      'name',
      'lastName',
      'email',
      'mailingAddress',
    ]);
    expect(change?.accountIds).toBeUndefined();
  });

  it('uses the Account own Ids as accountIds', () => {
    const change = normalizeChange(
      raw({ entityName: 'Account', changeType: 'DELETE', recordIds: ['001A', '001B'] }),
    );
    expect(change?.changeType).toBe('DELETE');
    expect(change?.accountIds).toEqual(['001A', '001B']);
  });

  it.each(['GAP_CREATE', 'GAP_UPDATE', 'GAP_DELETE', 'GAP_UNDELETE', 'GAP_OVERFLOW'])(
    '%s becomes changeType GAP with gapKind',
    (kind) => {
      const change = normalizeChange(raw({ entityName: 'Lead', changeType: kind }));
      expect(change?.changeType).toBe('GAP');
      expect(change?.gapKind).toBe(kind);
      expect(change?.type).toBe('LEAD');
    },
  );

  it('ignores objects the gateway does not publish and unknown change types', () => {
    expect(normalizeChange(raw({ entityName: 'User' }))).toBeUndefined();
    expect(normalizeChange(raw({ entityName: 'Invoice__c' }))).toBeUndefined();
    expect(normalizeChange(raw({ changeType: 'MERGE' }))).toBeUndefined();
  });

  it('leaves commitUserId null when the header has none', () => {
    const event = raw({});
    delete event.header.commitUser;
    expect(normalizeChange(event)?.commitUserId).toBeNull();
  });
});

describe('parseChangeEventMessage', () => {
  it('splits the header from the field values and stringifies the replayId', () => {
    const parsed = parseChangeEventMessage({
      schema: 'abc',
      payload: {
        ChangeEventHeader: {
          entityName: 'Account',
          recordIds: ['001A'],
          changeType: 'UPDATE',
          changedFields: ['Name'],
          commitTimestamp: 1700000000000,
          commitUser: '005A',
          transactionKey: 'tx',
          sequenceNumber: 1,
        },
        Name: 'Acme',
      },
      event: { replayId: 17 },
    });
    expect(parsed).toMatchObject({
      replayId: '17',
      header: { entityName: 'Account', changedFields: ['Name'], transactionKey: 'tx' },
      fields: { Name: 'Acme' },
    });
  });

  it('rejects messages that are not change events', () => {
    expect(parseChangeEventMessage(null)).toBeUndefined();
    expect(parseChangeEventMessage({ payload: {}, event: { replayId: 1 } })).toBeUndefined();
    expect(
      parseChangeEventMessage({ payload: { ChangeEventHeader: {} }, event: {} }),
    ).toBeUndefined();
  });
});
