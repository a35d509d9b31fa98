import { facetsOfUpdate, changesSharing } from './cache-facets';
import { soqlCachePlan, soslCachePlan } from './soql-cache-plan';

const facetNames = (soql: string) => soqlCachePlan(soql).facets[0]?.names ?? [];

describe('soqlCachePlan', () => {
  it('a page of records depends on its rows, the fields it filters and sorts on, and the records it returned', () => {
    const plan = soqlCachePlan(
      "SELECT Id, Name, Phone, AnnualRevenue FROM Account WHERE Industry = 'Energy' AND (Name > 'A' OR (Name = 'A' AND Id > '001')) ORDER BY Name ASC NULLS FIRST, Id ASC LIMIT 26",
    );
    expect(plan.object).toBe('Account');
    expect(plan.types).toEqual([]);
    expect(plan.rows).toBe(true);
    expect([...(plan.facets[0]?.names ?? [])].sort()).toEqual(['id', 'industry', 'name', 'rows']);
    // Only an update of a field it shows drops it for its records.
    expect([...(plan.recordFacets ?? [])].sort()).toEqual(['annualrevenue', 'id', 'name', 'phone']);
  });

  it('a record showing a computed or custom field is dropped by any update of it', () => {
    expect(soqlCachePlan('SELECT Id, IsWon FROM Opportunity').recordFacets).toEqual([
      'id',
      'stagename',
    ]);
    expect(soqlCachePlan('SELECT Id, Credit_Limit__c FROM Account').recordFacets).toEqual([
      'id',
      '~derived',
    ]);
  });

  it('a filter on a computed or unknown field depends on every update (~derived)', () => {
    expect(facetNames('SELECT Id FROM Opportunity WHERE LastActivityDate = TODAY')).toContain(
      '~derived',
    );
    expect(facetNames('SELECT Id FROM Account WHERE Credit_Limit__c > 5')).toContain('~derived');
    expect(facetNames("SELECT Id FROM Account WHERE Name LIKE '%x%'")).not.toContain('~derived');
  });

  it('an aggregate depends on every field it reads, aliases and functions aside, and never on its rows', () => {
    const plan = soqlCachePlan(
      'SELECT CALENDAR_YEAR(CloseDate) g0, StageName stage, COUNT(Id) n, SUM(Amount) a0 FROM Opportunity WHERE CloseDate >= 2026-02-28 AND CreatedDate < LAST_N_DAYS:30 GROUP BY CALENDAR_YEAR(CloseDate), StageName',
    );
    expect(plan.rows).toBe(false);
    expect([...(plan.facets[0]?.names ?? [])].sort()).toEqual([
      'amount',
      'closedate',
      'createddate',
      'id',
      'rows',
      'stagename',
    ]);
  });

  it('a stage-derived flag depends on the stage, the expected revenue on amount and probability', () => {
    expect(
      facetNames(
        'SELECT SUM(ExpectedRevenue) FROM Opportunity WHERE IsClosed = false AND IsWon = false',
      ),
    ).toEqual(expect.arrayContaining(['rows', 'amount', 'probability', 'stagename']));
  });

  it('COUNT() depends on the rows and its filters only', () => {
    expect(soqlCachePlan('SELECT COUNT() FROM Contact')).toEqual({
      object: 'Contact',
      types: [],
      facets: [{ type: 'Contact', names: ['rows'] }],
      rows: false,
    });
  });

  it('a query without Id cannot check its records: every selected field becomes a dependency', () => {
    const plan = soqlCachePlan('SELECT Name, Phone FROM Account');
    expect(plan.rows).toBe(false);
    expect([...(plan.facets[0]?.names ?? [])].sort()).toEqual(['name', 'phone', 'rows']);
  });

  it('parent paths and child subqueries make their types whole dependencies', () => {
    const plan = soqlCachePlan(
      "SELECT Id, Account.Name, Owner.Name, (SELECT Id FROM Contacts) FROM Opportunity WHERE Account.Industry = 'x'",
    );
    expect([...plan.types].sort()).toEqual(['Account', 'Contact', 'User']);
    expect(plan.facets[0]?.names).toContain('~derived');
  });

  it('a semi-join depends on its object as a whole', () => {
    const plan = soqlCachePlan(
      'SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)',
    );
    expect(plan.types).toEqual(['Opportunity']);
    expect(plan.facets[0]?.names).not.toContain('~derived');
  });

  it('a query reaching its own type again falls back to the whole type', () => {
    const plan = soqlCachePlan('SELECT Id, Parent.Name FROM Account');
    expect(plan).toEqual({ object: 'Account', types: ['Account'], facets: [], rows: false });
  });

  it('text it does not model depends on everything it names, or on all', () => {
    expect(soqlCachePlan('SELECT Id FROM Account WITH SECURITY_ENFORCED').facets).toEqual([]);
    expect(soqlCachePlan('SELECT Id FROM Stripe_Payment__c').types).toBe('all');
    expect(soqlCachePlan('SELECT Id, Mystery__r.Name FROM Account').types).toBe('all');
  });

  it('names inside string literals are values, not fields', () => {
    expect(facetNames("SELECT Id FROM Account WHERE Name = 'IsWon FROM Lead'")).toEqual([
      'rows',
      'name',
    ]);
  });
});

describe('soslCachePlan', () => {
  it('each returned type depends on its searched fields, rows and unlisted fields; the records too', () => {
    const plan = soslCachePlan(
      'FIND {"Acme \\} RETURNING Lead"} IN ALL FIELDS RETURNING Account(Id, Name LIMIT 10), Opportunity(Id, Name LIMIT 10) LIMIT 10',
    );
    expect(plan.rows).toBe(true);
    expect(plan.facets.map((f) => f.type)).toEqual(['Account', 'Opportunity']);
    const account = plan.facets[0]?.names ?? [];
    expect(account).toEqual(expect.arrayContaining(['rows', '~unlisted', 'name', 'phone']));
    expect(account).not.toContain('annualrevenue');
    expect(plan.facets[1]?.names).not.toContain('amount');
    expect([...(plan.recordFacets ?? [])].sort()).toEqual(['id', 'name']);
  });

  it('a filtered RETURNING depends on every update of its type', () => {
    const plan = soslCachePlan("FIND {x} RETURNING Account(Id WHERE Industry = 'y')");
    expect(plan.facets[0]?.names).toContain('~derived');
  });

  it('an object it does not know makes it depend on everything', () => {
    expect(soslCachePlan('FIND {x} RETURNING Case(Id)').types).toBe('all');
  });
});

describe('facetsOfUpdate / changesSharing', () => {
  it('names the changed stored fields, always ~derived, and ~unlisted for anything else', () => {
    expect(facetsOfUpdate('Opportunity', ['Amount', 'LastModifiedDate'])).toEqual([
      '~derived',
      'amount',
    ]);
    expect(facetsOfUpdate('Account', ['Credit_Limit__c'])).toEqual(['~derived', '~unlisted']);
    expect(facetsOfUpdate('Account', ['BillingAddress.City'])).toEqual(['~derived', 'billingcity']);
    expect(facetsOfUpdate('Contact', ['Name.LastName'])).toEqual(['~derived', 'lastname']);
    expect(facetsOfUpdate('Account', ['Phone'])).toEqual(['~derived', 'phone']);
  });

  it('adds the fields the org sets on such a write: a stage written alone resets the probability', () => {
    expect(facetsOfUpdate('Opportunity', ['StageName']).sort()).toEqual(
      ['~derived', 'probability', 'stagename'].sort(),
    );
    expect(facetsOfUpdate('Account', ['Name'])).toEqual(['~derived', 'name']);
  });

  it('an owner change, or a child moving to another Account, changes who sees what', () => {
    expect(changesSharing('Account', ['OwnerId'])).toBe(true);
    expect(changesSharing('Contact', ['AccountId'])).toBe(true);
    expect(changesSharing('Opportunity', ['Amount'])).toBe(false);
  });
});
