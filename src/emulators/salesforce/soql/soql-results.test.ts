import { executeSoql } from './index';
import {
  ADMIN,
  FixtureOrg,
  ID,
  REP1,
  REP2,
  context,
} from '../../../../test/helpers/emulator-soql-fixture';
import type { JsonRecord, QueryContext } from '../model/types';

const org = new FixtureOrg();
const run = (soql: string, ctx: Partial<QueryContext> = {}) => executeSoql(org, soql, context(ctx));
const names = (soql: string, ctx: Partial<QueryContext> = {}) =>
  run(soql, ctx).records.map((r) => r.Name);
const url = (type: string, id: string) => `/services/data/v59.0/sobjects/${type}/${id}`;

describe('record shape', () => {
  it('returns attributes then the selected fields in select order, named as described', () => {
    const result = run(
      `SELECT name, ID, closedate, CreatedDate FROM opportunity WHERE Id = '${ID.bigDeal}'`,
    );
    expect(result).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Opportunity', url: url('Opportunity', ID.bigDeal) },
          Name: 'Big Deal',
          Id: ID.bigDeal,
          CloseDate: '2024-03-15',
          CreatedDate: '2024-01-05T10:00:00.000+0000',
        },
      ],
    });
    expect(Object.keys(result.records[0] as JsonRecord)).toEqual([
      'attributes',
      'Name',
      'Id',
      'CloseDate',
      'CreatedDate',
    ]);
  });

  it('uses the api version of the context in urls', () => {
    const [record] = run(`SELECT Id FROM Account WHERE Id = '${ID.acme}'`, {
      apiVersion: '62.0',
    }).records;
    expect(record?.attributes.url).toBe(`/services/data/v62.0/sobjects/Account/${ID.acme}`);
  });

  it('nests parent paths several levels deep and merges shared relationships', () => {
    const [record] = run(
      `SELECT Id, Account.Name, Account.Owner.Name, Account.Parent.Name, Account.Industry FROM Contact WHERE Id = '${ID.cy}'`,
    ).records;
    expect(record).toEqual({
      attributes: { type: 'Contact', url: url('Contact', ID.cy) },
      Id: ID.cy,
      Account: {
        attributes: { type: 'Account', url: url('Account', ID.acmeLabs) },
        Name: 'acme labs',
        Owner: { attributes: { type: 'User', url: url('User', REP2.Id) }, Name: 'Rep Two' },
        Parent: { attributes: { type: 'Account', url: url('Account', ID.acme) }, Name: 'Acme' },
        Industry: 'Banking',
      },
    });
  });

  it('a null reference is null, at any level', () => {
    const [orphan] = run(
      `SELECT Account.Name, Account.Parent.Name FROM Contact WHERE Id = '${ID.orphan}'`,
    ).records;
    expect(orphan?.Account).toBeNull();
    const [ann] = run(`SELECT Account.Parent.Name FROM Contact WHERE Id = '${ID.ann}'`).records;
    expect(ann?.Account).toEqual({
      attributes: expect.objectContaining({ type: 'Account' }),
      Parent: null,
    });
  });

  it('polymorphic Lead.Owner resolves to the User', () => {
    const [lead] = run('SELECT Owner.Name FROM Lead').records;
    expect(lead?.Owner).toEqual({
      attributes: { type: 'User', url: url('User', REP1.Id) },
      Name: 'Rep One',
    });
  });

  it('returns a parent the user cannot see', () => {
    const [contact] = run(`SELECT Account.Name FROM Contact WHERE Id = '${ID.cy}'`, {
      user: REP2,
    }).records;
    const [opp] = run(`SELECT Account.Parent.Name FROM Opportunity WHERE Id = '${ID.mid}'`, {
      user: REP2,
    }).records;
    expect(contact?.Account).toEqual(expect.objectContaining({ Name: 'acme labs' }));
    expect(opp?.Account).toEqual(
      expect.objectContaining({ Parent: expect.objectContaining({ Name: 'Acme' }) }),
    );
  });

  it('renders compound addresses from their parts, or null', () => {
    const records = run('SELECT Name, BillingAddress FROM Account ORDER BY Name').records;
    expect(records.map((r) => r.BillingAddress)).toEqual([
      null,
      {
        city: 'Paris',
        country: 'France',
        geocodeAccuracy: null,
        latitude: null,
        longitude: null,
        postalCode: null,
        state: null,
        street: null,
      },
      null,
    ]);
  });

  it('FIELDS(STANDARD) expands to the standard fields; FIELDS(ALL) needs LIMIT 200', () => {
    const [record] = run(`SELECT FIELDS(STANDARD) FROM Account WHERE Id = '${ID.acme}'`).records;
    expect(record).toEqual(expect.objectContaining({ Name: 'Acme', Industry: 'Technology' }));
    expect(record).not.toHaveProperty('Stripe_Customer_Id__c');
    const [all] = run(`SELECT FIELDS(ALL) FROM Account WHERE Id = '${ID.acme}' LIMIT 1`).records;
    expect(all).toHaveProperty('Stripe_Customer_Id__c', 'cus_1');
    expect(() => run('SELECT FIELDS(ALL) FROM Account')).toThrow(
      /FIELDS function must have a LIMIT/,
    );
  });

  it('toLabel() and FORMAT() return the value under the field name; other functions are rejected', () => {
    const [record] = run(
      `SELECT toLabel(Industry), FORMAT(AnnualRevenue) FROM Account WHERE Id = '${ID.acme}'`,
    ).records;
    expect(record).toEqual(
      expect.objectContaining({ Industry: 'Technology', AnnualRevenue: 1_000_000 }),
    );
    expect(() => run('SELECT CALENDAR_YEAR(CreatedDate) FROM Account')).toThrow(
      expect.objectContaining({ errorCode: 'MALFORMED_QUERY' }),
    );
  });

  it('resolves an object alias prefix', () => {
    expect(names("SELECT a.Name FROM Account a WHERE a.Industry = 'Energy'")).toEqual([
      '100% Pure_Co',
    ]);
  });
});

describe('sharing and deleted rows', () => {
  it('a rep sees only owned rows; view-all-data sees all', () => {
    expect(names('SELECT Name FROM Account ORDER BY Name', { user: REP1 })).toEqual(['Acme']);
    expect(names('SELECT Name FROM Account ORDER BY Name', { user: ADMIN })).toEqual([
      '100% Pure_Co',
      'Acme',
      'acme labs',
    ]);
  });

  it('deleted rows appear only with includeDeleted', () => {
    expect(names('SELECT Name FROM Account ORDER BY Name', { includeDeleted: true })).toContain(
      'Globex',
    );
    expect(
      names('SELECT Name FROM Account ORDER BY Name', { user: REP1, includeDeleted: true }),
    ).toEqual(['Acme', 'Globex']);
  });
});

describe('child subqueries', () => {
  it('returns {totalSize, done, records} per parent, or null when empty', () => {
    const records = run(
      'SELECT Name, (SELECT LastName, Account.Name FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name',
    ).records;
    expect(
      records.map((r) => [
        r.Name,
        r.Contacts === null ? null : (r.Contacts as { totalSize: number }).totalSize,
      ]),
    ).toEqual([
      ['100% Pure_Co', null],
      ['Acme', 2],
      ['acme labs', 1],
    ]);
    expect((records[1]?.Contacts as { records: JsonRecord[] }).records).toEqual([
      {
        attributes: { type: 'Contact', url: url('Contact', ID.bob) },
        LastName: 'jones',
        Account: { attributes: { type: 'Account', url: url('Account', ID.acme) }, Name: 'Acme' },
      },
      {
        attributes: { type: 'Contact', url: url('Contact', ID.ann) },
        LastName: 'Smith',
        Account: { attributes: { type: 'Account', url: url('Account', ID.acme) }, Name: 'Acme' },
      },
    ]);
  });

  it('honours WHERE, ORDER BY and LIMIT inside the subquery', () => {
    const [acme] = run(
      `SELECT Id, (SELECT Name FROM Opportunities WHERE Amount != null ORDER BY Amount DESC LIMIT 1), (SELECT Name FROM ChildAccounts ORDER BY Name DESC) FROM Account WHERE Id = '${ID.acme}'`,
    ).records;
    expect(acme?.Opportunities).toEqual({
      totalSize: 1,
      done: true,
      records: [{ attributes: expect.objectContaining({ type: 'Opportunity' }), Name: 'Big Deal' }],
    });
    expect((acme?.ChildAccounts as { records: JsonRecord[] }).records.map((r) => r.Name)).toEqual([
      'acme labs',
      '100% Pure_Co',
    ]);
  });

  it('applies sharing to children', () => {
    const [acme] = run(
      `SELECT Id, (SELECT Name FROM ChildAccounts) FROM Account WHERE Id = '${ID.acme}'`,
      {
        user: REP1,
      },
    ).records;
    expect(acme?.ChildAccounts).toBeNull();
  });
});

describe('ORDER BY, LIMIT, OFFSET', () => {
  it('sorts text case-insensitively', () => {
    expect(names('SELECT Name FROM Account ORDER BY Name')).toEqual([
      '100% Pure_Co',
      'Acme',
      'acme labs',
    ]);
    expect(names('SELECT Name FROM Account ORDER BY Name DESC')).toEqual([
      'acme labs',
      'Acme',
      '100% Pure_Co',
    ]);
  });

  it('puts nulls first ascending and last descending unless told otherwise', () => {
    const order = (clause: string) => names(`SELECT Name FROM Opportunity ORDER BY ${clause}`);
    expect(order('Amount')).toEqual(['Mid', 'Small', 'Pure Deal', 'Big Deal']);
    expect(order('Amount DESC')).toEqual(['Big Deal', 'Pure Deal', 'Small', 'Mid']);
    expect(order('Amount ASC NULLS LAST')).toEqual(['Small', 'Pure Deal', 'Big Deal', 'Mid']);
    expect(order('Amount DESC NULLS FIRST')).toEqual(['Mid', 'Big Deal', 'Pure Deal', 'Small']);
  });

  it('breaks ties with later keys, and by parent paths', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY StageName, CloseDate DESC')).toEqual([
      'Pure Deal',
      'Big Deal',
      'Mid',
      'Small',
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY Account.Name DESC, Name')).toEqual([
      'Mid',
      'Big Deal',
      'Small',
      'Pure Deal',
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY IsWon DESC, CreatedDate')).toEqual([
      'Big Deal',
      'Pure Deal',
      'Small',
      'Mid',
    ]);
  });

  it('LIMIT and OFFSET apply after ordering', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY Name LIMIT 2')).toEqual([
      'Big Deal',
      'Mid',
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY Name LIMIT 2 OFFSET 1')).toEqual([
      'Mid',
      'Pure Deal',
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY Name OFFSET 3')).toEqual(['Small']);
    expect(run('SELECT Name FROM Opportunity ORDER BY Name OFFSET 2000').totalSize).toBe(0);
    expect(run('SELECT Name FROM Opportunity LIMIT 0').records).toEqual([]);
  });
});
