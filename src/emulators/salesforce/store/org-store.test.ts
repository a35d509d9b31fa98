import { SalesforceError } from '../model/errors';
import { ID_PATTERN } from '../model/ids';
import {
  ADMIN,
  REP1,
  REP2,
  START,
  emptyStore,
} from '../../../../test/helpers/emulator-store-fixtures';

describe('OrgStore basics', () => {
  it('describes objects case-insensitively and maps key prefixes', () => {
    const store = emptyStore();
    expect(store.describe('account')?.name).toBe('Account');
    expect(store.describe('Nope')).toBeUndefined();
    expect(store.listObjects().map((o) => o.name)).toEqual(
      expect.arrayContaining(['Account', 'Contact', 'Opportunity', 'Lead', 'User']),
    );
    expect(store.objectNameOf('001000000000001AAA')).toBe('Account');
    expect(store.objectNameOf('00Q000000000001')).toBe('Lead');
    expect(store.objectNameOf('zzz000000000001')).toBeUndefined();
    expect(store.objectNameOf('bad')).toBeUndefined();
    expect(store.orgId).toMatch(/^00D[a-zA-Z0-9]{15}$/);
  });

  it('finds users by Id (15 or 18) and username (case-insensitive), and lists them as rows', () => {
    const store = emptyStore();
    expect(store.users()).toHaveLength(6);
    expect(store.userByUsername('ADMIN@atom-demo.org')?.Id).toBe(ADMIN.Id);
    expect(store.userById(REP1.Id.slice(0, 15))?.Username).toBe('rep1@atom-demo.org');
    expect(store.userById('nope')).toBeUndefined();
    const rows = [...store.rows('user')];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ Id: ADMIN.Id, Name: 'Avery Admin', IsActive: true });
    expect(rows[0]).not.toHaveProperty('password');
  });

  it('stamps system fields on create: Id, dates from the clock, audit users, owner, IsDeleted', () => {
    const store = emptyStore();
    const id = store.create('Account', { name: 'Acme', attributes: { type: 'Account' } }, REP1);
    expect(id).toMatch(ID_PATTERN);
    expect(id.startsWith('001')).toBe(true);
    const row = store.byId(id.slice(0, 15));
    expect(row).toMatchObject({
      Id: id,
      Name: 'Acme',
      OwnerId: REP1.Id,
      CreatedById: REP1.Id,
      LastModifiedById: REP1.Id,
      IsDeleted: false,
      CreatedDate: new Date(START + 1000).toISOString(),
      SystemModstamp: new Date(START + 1000).toISOString(),
    });
    expect(row?.Industry).toBeNull();
    const second = store.create('Account', { Name: 'Globex' }, REP1);
    expect(second > id).toBe(true);
  });

  it('updates LastModified* and keeps Created*', () => {
    const store = emptyStore();
    const id = store.create('Account', { Name: 'Acme' }, ADMIN);
    store.update('Account', id, { Phone: '555' }, ADMIN);
    const row = store.byId(id);
    expect(row?.CreatedDate).toBe(new Date(START + 1000).toISOString());
    expect(row?.LastModifiedDate).toBe(new Date(START + 2000).toISOString());
    expect(row?.Phone).toBe('555');
  });

  it('computes Name of people and compound addresses from their parts', () => {
    const store = emptyStore();
    const id = store.create(
      'Contact',
      { FirstName: 'Zoë', LastName: "O'Brien", MailingCity: 'Dublin', MailingCountry: 'Ireland' },
      ADMIN,
    );
    expect(store.byId(id)).toMatchObject({
      Name: "Zoë O'Brien",
      MailingAddress: { city: 'Dublin', country: 'Ireland', street: null, latitude: null },
    });
    store.update(
      'Contact',
      id,
      { FirstName: null, MailingCity: null, MailingCountry: null },
      ADMIN,
    );
    expect(store.byId(id)).toMatchObject({ Name: "O'Brien", MailingAddress: null });
  });

  it('shares privately: owners and view-all users see a record, other reps do not', () => {
    const store = emptyStore();
    const id = store.create('Account', { Name: 'Mine', OwnerId: REP1.Id }, ADMIN);
    const row = store.byId(id);
    if (!row) throw new Error('missing');
    expect(store.canSee(REP1, 'Account', row)).toBe(true);
    expect(store.canSee(REP2, 'Account', row)).toBe(false);
    expect(store.canSee(ADMIN, 'Account', row)).toBe(true);
    const userRow = store.byId(REP1.Id);
    if (!userRow) throw new Error('missing user');
    expect(store.canSee(REP2, 'User', userRow)).toBe(true);
  });

  it('refuses DML on records the user cannot see with INSUFFICIENT_ACCESS_OR_READONLY', () => {
    const store = emptyStore();
    const id = store.create('Account', { Name: 'Mine' }, REP1);
    const attempt = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return e;
      }
      throw new Error('expected an error');
    };
    for (const fn of [
      () => store.update('Account', id, { Name: 'Theirs' }, REP2),
      () => store.delete(id, REP2),
    ]) {
      const error = attempt(fn);
      expect(error).toBeInstanceOf(SalesforceError);
      expect(error).toMatchObject({
        statusCode: 400,
        errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
      });
    }
    expect(store.byId(id)).toMatchObject({ Name: 'Mine', IsDeleted: false });
  });

  it('finds a record by its 18-character Id, its 15-character form or a re-cased suffix', () => {
    const store = emptyStore();
    const id = store.create('Account', { Name: 'Lookup' }, ADMIN);
    const row = store.byId(id);
    expect(row).toMatchObject({ Id: id, Name: 'Lookup' });
    expect(store.byId(id.slice(0, 15))).toBe(row);
    // The suffix is case-insensitive by design; only the first 15 characters are exact.
    expect(store.byId(id.slice(0, 15) + id.slice(15).toLowerCase())).toBe(row);
    expect(store.byId(id.slice(0, 14) + (id[14] === 'A' ? 'B' : 'A'))).toBeUndefined();
    expect(store.byId('not an id')).toBeUndefined();
    // Rows written after the lookup index was built are found too, updated in place.
    store.update('Account', id, { Name: 'Renamed' }, ADMIN);
    expect(store.byId(id)?.Name).toBe('Renamed');
  });

  it('load() replaces everything and reset() returns to the loaded seed', () => {
    const store = emptyStore();
    const id = store.create('Account', { Name: 'Temp' }, ADMIN);
    expect(store.byId(id)).toBeDefined();
    store.reset();
    expect(store.byId(id)).toBeUndefined();
    expect([...store.rows('Account')]).toHaveLength(0);
    expect(store.users()).toHaveLength(6);
  });

  it('keeps new Ids above the loaded ones', () => {
    const store = emptyStore();
    const first = store.create('Account', { Name: 'A' }, ADMIN);
    const row = store.byId(first);
    if (!row) throw new Error('missing');
    store.load({ users: store.users(), records: [{ objectName: 'Account', record: row }] });
    const next = store.create('Account', { Name: 'B' }, ADMIN);
    expect(next).not.toBe(first);
    expect([...store.rows('Account')]).toHaveLength(2);
  });
});
