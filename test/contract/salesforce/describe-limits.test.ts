import type { Connection, DescribeSObjectResult, Field } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';

function field(describe: DescribeSObjectResult, name: string): Field {
  const found = describe.fields.find((f) => f.name === name);
  if (!found) throw new Error(`${describe.name} has no field ${name}`);
  return found;
}

describeSalesforceContract('describe, limits and API usage', (target) => {
  let conn: Connection;
  let account: DescribeSObjectResult;

  beforeAll(async () => {
    conn = await target().connect('admin');
    account = await conn.sobject('Account').describe();
  });

  it('describeGlobal lists the core objects with their key prefixes', async () => {
    const global = await conn.describeGlobal();
    const byName = new Map(global.sobjects.map((s) => [s.name, s]));
    const expected: Array<[string, string]> = [
      ['Account', '001'],
      ['Contact', '003'],
      ['Opportunity', '006'],
      ['Lead', '00Q'],
      ['User', '005'],
    ];
    for (const [name, keyPrefix] of expected) {
      expect(byName.get(name)).toEqual(
        expect.objectContaining({
          name,
          keyPrefix,
          queryable: true,
          custom: false,
          label: expect.any(String),
          labelPlural: expect.any(String),
          urls: expect.objectContaining({ sobject: `/services/data/v59.0/sobjects/${name}` }),
        }),
      );
    }
    expect(global.maxBatchSize).toBe(200);
  });

  it('describe reports field types and capabilities', () => {
    expect(account).toEqual(
      expect.objectContaining({ name: 'Account', keyPrefix: '001', createable: true }),
    );
    expect(field(account, 'Id')).toEqual(
      expect.objectContaining({ type: 'id', nillable: false, filterable: true }),
    );
    expect(field(account, 'Name')).toEqual(
      expect.objectContaining({
        type: 'string',
        nillable: false,
        createable: true,
        filterable: true,
        sortable: true,
        groupable: true,
      }),
    );
    expect(field(account, 'AnnualRevenue')).toEqual(
      expect.objectContaining({
        type: 'currency',
        nillable: true,
        filterable: true,
        groupable: false,
      }),
    );
    expect(field(account, 'NumberOfEmployees')).toEqual(expect.objectContaining({ type: 'int' }));
    expect(field(account, 'Description')).toEqual(
      expect.objectContaining({
        type: 'textarea',
        filterable: false,
        sortable: false,
        groupable: false,
      }),
    );
    expect(field(account, 'CreatedDate')).toEqual(
      expect.objectContaining({ type: 'datetime', createable: false, updateable: false }),
    );
    expect(field(account, 'Industry')).toEqual(
      expect.objectContaining({
        type: 'picklist',
        picklistValues: expect.arrayContaining([
          expect.objectContaining({ value: 'Technology', active: true }),
        ]),
      }),
    );
  });

  it('reference fields carry relationshipName and referenceTo', () => {
    expect(field(account, 'OwnerId')).toEqual(
      expect.objectContaining({
        type: 'reference',
        relationshipName: 'Owner',
        referenceTo: ['User'],
      }),
    );
    expect(field(account, 'ParentId')).toEqual(
      expect.objectContaining({
        type: 'reference',
        relationshipName: 'Parent',
        referenceTo: ['Account'],
      }),
    );
    expect(field(account, 'Name').relationshipName).toBeNull();
  });

  it('child relationships name Contacts, Opportunities and ChildAccounts', () => {
    const children = account.childRelationships.map((c) => ({
      childSObject: c.childSObject,
      field: c.field,
      relationshipName: c.relationshipName,
    }));
    expect(children).toEqual(
      expect.arrayContaining([
        { childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' },
        { childSObject: 'Opportunity', field: 'AccountId', relationshipName: 'Opportunities' },
        { childSObject: 'Account', field: 'ParentId', relationshipName: 'ChildAccounts' },
      ]),
    );
  });

  it('the custom link fields are described as custom external Ids', () => {
    for (const name of [
      'Stripe_Customer_Id__c',
      'Zendesk_Organization_Id__c',
      'QuickBooks_Customer_Id__c',
    ]) {
      expect(field(account, name)).toEqual(
        expect.objectContaining({ name, custom: true, type: 'string' }),
      );
    }
    expect(field(account, 'Stripe_Customer_Id__c').externalId).toBe(true);
  });

  it('Contact and Opportunity point back to Account', async () => {
    const contact = await conn.sobject('Contact').describe();
    expect(field(contact, 'AccountId')).toEqual(
      expect.objectContaining({
        type: 'reference',
        relationshipName: 'Account',
        referenceTo: ['Account'],
      }),
    );
    expect(field(contact, 'Name')).toEqual(
      expect.objectContaining({ type: 'string', createable: false }),
    );
    const opp = await conn.sobject('Opportunity').describe();
    const stages = field(opp, 'StageName').picklistValues?.map((v) => v.value) ?? [];
    expect(stages).toEqual(expect.arrayContaining(['Prospecting', 'Closed Won', 'Closed Lost']));
    expect(field(opp, 'IsWon')).toEqual(
      expect.objectContaining({ type: 'boolean', createable: false }),
    );
  });

  it('describe of an unknown object → NOT_FOUND', async () => {
    await expectSalesforceError(
      conn.sobject('NoSuchThing__c').describe(),
      'NOT_FOUND',
      /The requested resource does not exist/,
    );
  });

  it('conn.limits() reports DailyApiRequests', async () => {
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).toEqual({
      Max: expect.any(Number),
      Remaining: expect.any(Number),
    });
    expect(limits.DailyApiRequests.Remaining).toBeLessThanOrEqual(limits.DailyApiRequests.Max);
    const usage = conn.limitInfo.apiUsage;
    expect(usage?.limit).toBe(limits.DailyApiRequests.Max);
    expect(
      Math.abs((usage?.limit ?? 0) - (usage?.used ?? 0) - limits.DailyApiRequests.Remaining),
    ).toBeLessThanOrEqual(1);
  });

  it('every response updates conn.limitInfo from Sforce-Limit-Info', async () => {
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const first = conn.limitInfo.apiUsage;
    expect(first).toEqual({ used: expect.any(Number), limit: expect.any(Number) });
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const second = conn.limitInfo.apiUsage;
    expect(second?.used).toBeGreaterThan(first?.used ?? Infinity);
  });

  emulatorOnly('each REST call counts exactly one against the daily allocation', async () => {
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const before = conn.limitInfo.apiUsage?.used ?? NaN;
    await conn.sobject('Account').describe();
    await conn.limits();
    await conn.query('SELECT Id FROM Contact LIMIT 1');
    expect(conn.limitInfo.apiUsage?.used).toBe(before + 3);
  });
});
