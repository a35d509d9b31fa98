import { soqlDependencies } from './soql-dependencies';

const sorted = (deps: ReturnType<typeof soqlDependencies>['dependsOn']) =>
  deps === 'all' ? deps : [...deps].sort();

describe('soqlDependencies', () => {
  it('names the FROM object and the objects relationship paths reach', () => {
    const deps = soqlDependencies(
      "SELECT Id, Name, Account.Name, Account.Owner.Name FROM Opportunity WHERE StageName = 'Closed Won' ORDER BY Name",
    );
    expect(deps.object).toBe('Opportunity');
    expect(sorted(deps.dependsOn)).toEqual(['Account', 'Opportunity', 'User']);
  });

  it('resolves child subqueries and semi-joins, and keeps the outer FROM as the object', () => {
    const deps = soqlDependencies(
      'SELECT Id, (SELECT Id FROM Contacts), (SELECT Id FROM Opportunities) FROM Account WHERE Id IN (SELECT AccountId FROM Lead)',
    );
    expect(deps.object).toBe('Account');
    expect(sorted(deps.dependsOn)).toEqual(['Account', 'Contact', 'Lead', 'Opportunity']);
  });

  it('reads no names inside string literals (escaped quotes included)', () => {
    const deps = soqlDependencies(
      "SELECT COUNT() FROM Contact WHERE Name = 'x\\' FROM Secret__c, Foo.Bar' AND CreatedDate > 2024-01-01T00:00:00.000Z",
    );
    expect(deps).toEqual({ object: 'Contact', dependsOn: ['Contact'] });
  });

  it('answers `all` for an object or relationship it does not know', () => {
    expect(soqlDependencies('SELECT Id FROM Case').dependsOn).toBe('all');
    expect(soqlDependencies('SELECT Id, Mystery__r.Name FROM Account').dependsOn).toBe('all');
    expect(soqlDependencies('not soql at all').dependsOn).toBe('all');
  });
});
