import type { Connection } from 'jsforce';
import { flushLeftovers } from '../helpers/leftovers';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { directConnection, queryAll } from '../helpers/salesforce-direct';

// CUSTOM_FIELDS=auto over the demo org: the custom fields join the graph typed from describe,
// and work in selection, filters, sorting, references and writes.
describe('Custom fields (CUSTOM_FIELDS=auto)', () => {
  let gw: TestGateway;
  let sf: Connection;

  beforeAll(async () => {
    gw = await startTestGateway({
      emulator: { scale: 0.1 },
      env: { CUSTOM_FIELDS: 'auto' },
    });
    sf = await directConnection(gw.emulatorUrl);
  }, 60_000);
  afterAll(flushLeftovers);

  const typeOf = async (typeName: string): Promise<Record<string, string>> => {
    const res = await gw.graphql<{
      __type: {
        fields?: Array<{ name: string; type: TypeRef }>;
        inputFields?: Array<{ name: string; type: TypeRef }>;
        enumValues?: Array<{ name: string }>;
      };
    }>(
      `query($name: String!) { __type(name: $name) {
        fields { name type { ...T } } inputFields { name type { ...T } } enumValues { name } } }
       fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`,
      { name: typeName },
    );
    const t = res.data?.__type;
    const list = [...(t?.fields ?? []), ...(t?.inputFields ?? [])];
    const entries: Array<[string, string]> = list.map((f) => [f.name, render(f.type)]);
    for (const v of t?.enumValues ?? []) entries.push([v.name, 'enum']);
    return Object.fromEntries(entries);
  };

  it('maps every supported describe type and skips the unsupported ones', async () => {
    const account = await typeOf('Account');
    expect(account).toMatchObject({
      Region__c: 'String',
      Segments__c: '[String!]',
      Credit_Limit__c: 'Float',
      Health_Score__c: 'Int',
      Renewal_Date__c: 'Date',
      Is_Strategic__c: 'Boolean',
      Primary_Contact__c: 'Contact',
      Billing_Email__c: 'String',
      Support_Phone__c: 'String',
      Portal_Url__c: 'String',
      Summary__c: 'String',
      Stripe_Customer_Id__c: 'String',
      name: 'String!',
    });
    // location, encrypted text and long rich text are skipped (and logged).
    expect(account).not.toHaveProperty('Office_Location__c');
    expect(account).not.toHaveProperty('Tax_Id__c');
    expect(account).not.toHaveProperty('Account_Plan__c');
    const opportunity = await typeOf('Opportunity');
    expect(opportunity).toMatchObject({
      Partner_Account__c: 'Account',
      Campaign__c: 'ID',
      Discount__c: 'Float',
      Product_Interest__c: '[String!]',
      Deal_Notes__c: 'String',
    });
    expect(await typeOf('Contact')).toMatchObject({
      Last_Survey_At__c: 'DateTime',
      Loyalty_Score__c: 'Float',
    });
    expect(await typeOf('AccountFilter')).toMatchObject({
      Region__c: 'StringFilter',
      Segments__c: 'MultiPicklistFilter',
      Renewal_Date__c: 'DateFilter',
      Primary_Contact__c: 'IDFilter',
    });
    const sortFields = await typeOf('AccountSortField');
    expect(sortFields).toMatchObject({ Region__c: 'enum', Health_Score__c: 'enum', NAME: 'enum' });
    expect(sortFields).not.toHaveProperty('Segments__c');
    expect(await typeOf('AccountCreateInput')).toMatchObject({
      Region__c: 'String',
      Segments__c: '[String!]',
      Primary_Contact__c: 'ID',
    });
  });

  it('reads selected custom fields, pushing only them down to SOQL', async () => {
    const expected = await queryAll(
      sf,
      'SELECT Id, Region__c, Segments__c, Health_Score__c, Renewal_Date__c, Is_Strategic__c FROM Account ORDER BY Id LIMIT 5',
    );
    const res = await gw.graphql<{
      accounts: { nodes: Array<Record<string, unknown>> };
    }>(
      `{ accounts(first: 5) { nodes { id Region__c Segments__c Health_Score__c Renewal_Date__c Is_Strategic__c } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.accounts.nodes).toEqual(
      expected.map((r) => ({
        id: r.Id,
        Region__c: r.Region__c,
        Segments__c: typeof r.Segments__c === 'string' ? r.Segments__c.split(';') : null,
        Health_Score__c: r.Health_Score__c,
        Renewal_Date__c: r.Renewal_Date__c,
        Is_Strategic__c: r.Is_Strategic__c,
      })),
    );
  });

  it('filters with includes/excludes and sorts by a custom field', async () => {
    const all = await queryAll(sf, 'SELECT Id, Segments__c, Health_Score__c FROM Account');
    const enterprise = all.filter(
      (r) => typeof r.Segments__c === 'string' && r.Segments__c.split(';').includes('Enterprise'),
    );
    const included = await gw.graphql<{ accounts: { totalCount: number } }>(
      `{ accounts(first: 1, where: { Segments__c: { includes: ["Enterprise"] } }) { totalCount } }`,
    );
    expect(included.errors).toBeUndefined();
    expect(included.data?.accounts.totalCount).toBe(enterprise.length);
    const excluded = await gw.graphql<{ accounts: { totalCount: number } }>(
      `{ accounts(first: 1, where: { Segments__c: { excludes: ["Enterprise"] } }) { totalCount } }`,
    );
    expect(excluded.data?.accounts.totalCount).toBe(all.length - enterprise.length);

    const sorted = await gw.graphql<{ accounts: { nodes: Array<{ Health_Score__c: number }> } }>(
      `{ accounts(first: 10, where: { Health_Score__c: { gte: 50 } }, orderBy: [{ field: Health_Score__c, direction: DESC }]) { nodes { Health_Score__c } } }`,
    );
    expect(sorted.errors).toBeUndefined();
    const scores = sorted.data?.accounts.nodes.map((n) => n.Health_Score__c) ?? [];
    const top = all
      .map((r) => r.Health_Score__c)
      .filter((v): v is number => typeof v === 'number' && v >= 50)
      .sort((a, b) => b - a)
      .slice(0, 10);
    expect(scores).toEqual(top);

    const bad = await gw.graphql(
      `{ accounts(first: 1, where: { Segments__c: { includes: ["a;b"] } }) { totalCount } }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves custom references to graph types', async () => {
    const rows = await queryAll(
      sf,
      'SELECT Id, Partner_Account__c, Partner_Account__r.Name FROM Opportunity WHERE Partner_Account__c != null ORDER BY Id LIMIT 3',
    );
    expect(rows.length).toBeGreaterThan(0);
    const res = await gw.graphql<{
      opportunities: {
        nodes: Array<{ id: string; Partner_Account__c: { id: string; name: string } }>;
      };
    }>(
      `{ opportunities(first: 3, where: { Partner_Account__c: { isNull: false } }) { nodes { id Partner_Account__c { id name } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.opportunities.nodes).toEqual(
      rows.map((r) => ({
        id: r.Id,
        Partner_Account__c: {
          id: r.Partner_Account__c,
          name: (r.Partner_Account__r as { Name: string }).Name,
        },
      })),
    );
  });

  it('creates and updates custom fields through the inputs', async () => {
    const created = await gw.graphql<{ createAccount: Record<string, unknown> }>(
      `mutation { createAccount(input: { name: "ZZCF custom", Region__c: "EMEA", Segments__c: ["SMB", "Enterprise"], Health_Score__c: 77, Renewal_Date__c: "2026-03-31", Is_Strategic__c: true }) {
        id Region__c Segments__c Health_Score__c Renewal_Date__c Is_Strategic__c } }`,
    );
    expect(created.errors).toBeUndefined();
    const account = created.data?.createAccount ?? {};
    expect(account).toMatchObject({
      Region__c: 'EMEA',
      Segments__c: ['SMB', 'Enterprise'],
      Health_Score__c: 77,
      Renewal_Date__c: '2026-03-31',
      Is_Strategic__c: true,
    });
    const id = String(account.id);
    const updated = await gw.graphql<{ updateAccount: Record<string, unknown> }>(
      `mutation($id: ID!) { updateAccount(id: $id, input: { Region__c: null, Segments__c: ["APAC"] }) { Region__c Segments__c } }`,
      { id },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateAccount).toEqual({ Region__c: null, Segments__c: ['APAC'] });
    const row = await sf.sobject('Account').retrieve(id);
    expect(row).toMatchObject({ Region__c: null, Segments__c: 'APAC' });
    await sf.sobject('Account').destroy(id);
  });

  it('refuses malformed custom values before Salesforce, writing nothing', async () => {
    const before = await sf.query("SELECT COUNT() FROM Account WHERE Name = 'ZZCF bad'");
    for (const input of [
      '{ name: "ZZCF bad", Health_Score__c: 1.5 }',
      '{ name: "ZZCF bad", Renewal_Date__c: "31/03/2026" }',
      '{ name: "ZZCF bad", Segments__c: [1] }',
      '{ name: "ZZCF bad", Primary_Contact__c: "not-an-id" }',
      // Not createable (location) and not exposed: unknown to the input.
      '{ name: "ZZCF bad", Office_Location__c: "x" }',
    ]) {
      const res = await gw.graphql(`mutation { createAccount(input: ${input}) { id } }`);
      expect(res.data ?? null).toBeNull();
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(
        res.errors?.[0]?.extensions?.code,
      );
    }
    const after = await sf.query("SELECT COUNT() FROM Account WHERE Name = 'ZZCF bad'");
    expect(after.totalSize).toBe(before.totalSize);
  });
});

interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}

function render(type: TypeRef): string {
  if (type.kind === 'NON_NULL') return `${render(type.ofType as TypeRef)}!`;
  if (type.kind === 'LIST') return `[${render(type.ofType as TypeRef)}]`;
  return type.name ?? '?';
}
