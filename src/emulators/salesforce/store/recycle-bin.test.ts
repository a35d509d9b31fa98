import {
  ADMIN,
  REP1,
  REP2,
  emptyStore,
  errorOf,
} from '../../../../test/helpers/emulator-store-fixtures';

describe('delete and undelete', () => {
  function accountWithChildren() {
    const store = emptyStore();
    const accountId = store.create('Account', { Name: 'Parent' }, REP1);
    const contactId = store.create('Contact', { LastName: 'Kid', AccountId: accountId }, REP1);
    const otherOwnersOpp = store.create(
      'Opportunity',
      {
        Name: 'Deal',
        StageName: 'Prospecting',
        CloseDate: '2025-01-31',
        AccountId: accountId,
        OwnerId: REP2.Id,
      },
      ADMIN,
    );
    const alreadyDeleted = store.create('Contact', { LastName: 'Old', AccountId: accountId }, REP1);
    store.delete(alreadyDeleted, REP1);
    const unrelated = store.create('Contact', { LastName: 'Else' }, REP1);
    return { store, accountId, contactId, otherOwnersOpp, alreadyDeleted, unrelated };
  }

  it('moves records to the recycle bin: still returned by byId and rows(), IsDeleted true', () => {
    const { store, unrelated } = accountWithChildren();
    store.delete(unrelated, REP1);
    expect(store.byId(unrelated)?.IsDeleted).toBe(true);
    expect([...store.rows('Contact')].find((c) => c.Id === unrelated)?.IsDeleted).toBe(true);
  });

  it('deleting an account cascades to its contacts and opportunities, whoever owns them', () => {
    const { store, accountId, contactId, otherOwnersOpp, unrelated } = accountWithChildren();
    store.delete(accountId, REP1);
    expect(store.byId(accountId)?.IsDeleted).toBe(true);
    expect(store.byId(contactId)?.IsDeleted).toBe(true);
    expect(store.byId(otherOwnersOpp)?.IsDeleted).toBe(true);
    expect(store.byId(unrelated)?.IsDeleted).toBe(false);
  });

  it('undelete restores the account and what the cascade deleted, not what was deleted before', () => {
    const { store, accountId, contactId, otherOwnersOpp, alreadyDeleted } = accountWithChildren();
    store.delete(accountId, REP1);
    store.undelete(accountId, REP1);
    expect(store.byId(accountId)?.IsDeleted).toBe(false);
    expect(store.byId(contactId)?.IsDeleted).toBe(false);
    expect(store.byId(otherOwnersOpp)?.IsDeleted).toBe(false);
    expect(store.byId(alreadyDeleted)?.IsDeleted).toBe(true);
    // The cascade is forgotten once restored: a second delete/undelete round works the same.
    store.delete(accountId, REP1);
    store.undelete(accountId, REP1);
    expect(store.byId(contactId)?.IsDeleted).toBe(false);
  });

  it('undelete fails for live, missing, malformed and unshared records', () => {
    const { store, contactId, unrelated } = accountWithChildren();
    expect(errorOf(() => store.undelete(contactId, REP1)).errorCode).toBe('UNDELETE_FAILED');
    expect(errorOf(() => store.undelete('003000000000zzzAAA', REP1)).statusCode).toBe(404);
    expect(errorOf(() => store.undelete('nope', REP1)).errorCode).toBe('MALFORMED_ID');
    store.delete(unrelated, REP1);
    expect(errorOf(() => store.undelete(unrelated, REP2)).errorCode).toBe(
      'INSUFFICIENT_ACCESS_OR_READONLY',
    );
  });
});
