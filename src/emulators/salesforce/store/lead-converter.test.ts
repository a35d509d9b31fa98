import {
  ADMIN,
  REP1,
  REP2,
  START,
  emptyStore,
  errorOf,
} from '../../../../test/helpers/emulator-store-fixtures';

describe('convertLead', () => {
  function withLead(owner = REP1) {
    const store = emptyStore();
    const leadId = store.create(
      'Lead',
      {
        FirstName: 'Zoë',
        LastName: "O'Brien",
        Company: 'Quote "Co"',
        Email: 'zoe@quote.example',
        Phone: '555-0100',
        Title: 'CTO',
        LeadSource: 'Web',
        Industry: 'Technology',
        City: 'Dublin',
      },
      owner,
    );
    return { store, leadId };
  }

  it('creates account, contact and opportunity from the lead and marks it converted', () => {
    const { store, leadId } = withLead();
    const result = store.convertLead({ leadId, convertedStatus: 'Closed - Converted' }, REP1);
    expect(result.leadId).toBe(leadId);
    expect(store.byId(result.accountId)).toMatchObject({
      Name: 'Quote "Co"',
      Industry: 'Technology',
      BillingCity: 'Dublin',
      OwnerId: REP1.Id,
    });
    expect(store.byId(result.contactId)).toMatchObject({
      FirstName: 'Zoë',
      LastName: "O'Brien",
      Email: 'zoe@quote.example',
      Phone: '555-0100',
      Title: 'CTO',
      AccountId: result.accountId,
      MailingCity: 'Dublin',
    });
    const now = new Date(START + 2000);
    const closeDate = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(store.byId(result.opportunityId ?? '')).toMatchObject({
      Name: 'Quote "Co"-',
      StageName: 'Prospecting',
      CloseDate: closeDate,
      AccountId: result.accountId,
      Probability: 10,
    });
    expect(store.byId(leadId)).toMatchObject({
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedDate: now.toISOString().slice(0, 10),
      ConvertedAccountId: result.accountId,
      ConvertedContactId: result.contactId,
      ConvertedOpportunityId: result.opportunityId,
    });
  });

  it('uses a given account, the given opportunity name and owner, or no opportunity at all', () => {
    const { store, leadId } = withLead();
    const accountId = store.create('Account', { Name: 'Existing', Industry: 'Banking' }, REP1);
    const result = store.convertLead(
      {
        leadId,
        convertedStatus: 'Closed - Converted',
        accountId,
        opportunityName: 'Big one',
        ownerId: REP2.Id,
      },
      REP1,
    );
    expect(result.accountId).toBe(accountId);
    // Only empty fields of an existing account are filled.
    expect(store.byId(accountId)).toMatchObject({
      Name: 'Existing',
      Industry: 'Banking',
      BillingCity: 'Dublin',
    });
    expect(store.byId(result.opportunityId ?? '')).toMatchObject({
      Name: 'Big one',
      OwnerId: REP2.Id,
    });
    expect(store.byId(result.contactId)?.OwnerId).toBe(REP2.Id);

    const second = withLead();
    const none = second.store.convertLead(
      {
        leadId: second.leadId,
        convertedStatus: 'Closed - Converted',
        doNotCreateOpportunity: true,
      },
      REP1,
    );
    expect(none.opportunityId).toBeNull();
    expect([...second.store.rows('Opportunity')]).toHaveLength(0);
    expect(second.store.byId(second.leadId)?.ConvertedOpportunityId).toBeNull();
  });

  it('merges into a given contact of the given account', () => {
    const { store, leadId } = withLead();
    const accountId = store.create('Account', { Name: 'Existing' }, REP1);
    const contactId = store.create('Contact', { LastName: 'Known', AccountId: accountId }, REP1);
    const result = store.convertLead(
      { leadId, convertedStatus: 'Closed - Converted', accountId, contactId },
      REP1,
    );
    expect(result.contactId).toBe(contactId);
    expect(store.byId(contactId)).toMatchObject({ LastName: 'Known', Email: 'zoe@quote.example' });
    expect([...store.rows('Contact')]).toHaveLength(1);
  });

  it('fails, writing nothing, for a converted, missing, unshared lead or a bad status', () => {
    const { store, leadId } = withLead();
    expect(
      errorOf(() =>
        store.convertLead({ leadId, convertedStatus: 'Working - Contacted' }, REP1),
      ).toJSON(),
    ).toEqual({
      errorCode: 'INVALID_STATUS',
      message: 'invalid convertedStatus: Working - Contacted',
      fields: ['Status'],
    });
    expect(errorOf(() => store.convertLead({ leadId, convertedStatus: '' }, REP1)).errorCode).toBe(
      'REQUIRED_FIELD_MISSING',
    );
    expect(
      errorOf(() => store.convertLead({ leadId, convertedStatus: 'Closed - Converted' }, REP2))
        .errorCode,
    ).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    expect(
      errorOf(() =>
        store.convertLead(
          { leadId: '00Q000000000zzzAAA', convertedStatus: 'Closed - Converted' },
          REP1,
        ),
      ).errorCode,
    ).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect(
      errorOf(() =>
        store.convertLead({ leadId: 'bad', convertedStatus: 'Closed - Converted' }, REP1),
      ).errorCode,
    ).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect([...store.rows('Account')]).toHaveLength(0);
    store.convertLead({ leadId, convertedStatus: 'Closed - Converted' }, REP1);
    expect(
      errorOf(() =>
        store.convertLead({ leadId, convertedStatus: 'Closed - Converted' }, REP1),
      ).toJSON(),
    ).toEqual({
      errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD',
      message: 'cannot reference converted lead',
      fields: [],
    });
    expect(errorOf(() => store.update('Lead', leadId, { Title: 'X' }, REP1)).errorCode).toBe(
      'CANNOT_UPDATE_CONVERTED_LEAD',
    );
  });

  it('fails for bad targets: unshared or deleted account, contact without or outside its account, bad owner', () => {
    const { store, leadId } = withLead();
    const theirs = store.create('Account', { Name: 'Theirs' }, REP2);
    expect(
      errorOf(() =>
        store.convertLead(
          { leadId, convertedStatus: 'Closed - Converted', accountId: theirs },
          REP1,
        ),
      ).errorCode,
    ).toBe('INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
    const gone = store.create('Account', { Name: 'Gone' }, REP1);
    store.delete(gone, REP1);
    expect(
      errorOf(() =>
        store.convertLead({ leadId, convertedStatus: 'Closed - Converted', accountId: gone }, REP1),
      ).errorCode,
    ).toBe('ENTITY_IS_DELETED');
    const mine = store.create('Account', { Name: 'Mine' }, REP1);
    const orphan = store.create('Contact', { LastName: 'Orphan' }, REP1);
    expect(
      errorOf(() =>
        store.convertLead(
          { leadId, convertedStatus: 'Closed - Converted', contactId: orphan },
          REP1,
        ),
      ).fields,
    ).toEqual(['ContactId']);
    expect(
      errorOf(() =>
        store.convertLead(
          { leadId, convertedStatus: 'Closed - Converted', accountId: mine, contactId: orphan },
          REP1,
        ),
      ).errorCode,
    ).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect(
      errorOf(() =>
        store.convertLead({ leadId, convertedStatus: 'Closed - Converted', ownerId: mine }, REP1),
      ).fields,
    ).toEqual(['OwnerId']);
    expect(store.byId(leadId)?.IsConverted).toBe(false);
  });

  it('rolls back the created account and contact when the opportunity cannot be created', () => {
    const store = emptyStore();
    // 119 characters + "-" fits; 120 + "-" is longer than Opportunity.Name allows.
    const leadId = store.create('Lead', { LastName: 'L', Company: 'c'.repeat(120) }, ADMIN);
    expect(
      errorOf(() => store.convertLead({ leadId, convertedStatus: 'Closed - Converted' }, ADMIN))
        .errorCode,
    ).toBe('STRING_TOO_LONG');
    expect([...store.rows('Account')]).toHaveLength(0);
    expect([...store.rows('Contact')]).toHaveLength(0);
    expect(store.byId(leadId)?.IsConverted).toBe(false);
  });
});
