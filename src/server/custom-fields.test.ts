import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { createSalesforceClient } from '../upstreams/salesforce/integration-client';
import { planCustomFields } from '../upstreams/salesforce/custom-field-plan';
import { describeCrmObjects } from './custom-fields';
import { startDemoSalesforce, type DemoSalesforce } from './demo-bootstrap';

// The plan of each CUSTOM_FIELDS mode over the demo org's real describe, and the live emit.
describe('custom fields from describe', () => {
  let demo: DemoSalesforce;
  let described: Awaited<ReturnType<typeof describeCrmObjects>>;

  beforeAll(async () => {
    const config = loadConfig({
      SALESFORCE_MODE: 'emulator',
      AUTH_MODE: 'demo',
      EMULATOR_SALESFORCE_PORT: '0',
      METRICS_ENABLED: 'false',
    });
    demo = await startDemoSalesforce(config, { port: 0, scale: 0.01 });
    described = await describeCrmObjects(createSalesforceClient(demo.config));
  }, 60_000);
  afterAll(() => demo.emulator.stop());

  it('auto: every visible custom field of a supported type, the rest skipped with reasons', () => {
    const plan = planCustomFields(described, { mode: 'auto' });
    const kinds = Object.fromEntries(plan.fields.map((f) => [`${f.object}.${f.name}`, f.kind]));
    expect(kinds).toMatchObject({
      'Account.Region__c': 'string',
      'Account.Segments__c': 'multipicklist',
      'Account.Credit_Limit__c': 'float',
      'Account.Health_Score__c': 'int',
      'Account.Renewal_Date__c': 'date',
      'Account.Is_Strategic__c': 'boolean',
      'Account.Primary_Contact__c': 'id',
      'Contact.Last_Survey_At__c': 'datetime',
      'Contact.Loyalty_Score__c': 'float',
      'Opportunity.Discount__c': 'float',
      'Opportunity.Campaign__c': 'id',
      'Lead.Referral_Url__c': 'string',
    });
    const partner = plan.fields.find((f) => f.name === 'Partner_Account__c');
    expect(partner?.reference).toEqual({
      target: 'Account',
      relationshipName: 'Partner_Account__r',
    });
    expect(plan.fields.find((f) => f.name === 'Campaign__c')?.reference).toBeUndefined();
    expect(plan.skipped).toEqual([
      {
        object: 'Account',
        name: 'Account_Plan__c',
        reason: 'rich text longer than 4096 characters',
      },
      { object: 'Account', name: 'Office_Location__c', reason: 'unsupported type location' },
      { object: 'Account', name: 'Tax_Id__c', reason: 'unsupported type encryptedstring' },
    ]);
    // Sorted by object, then name: the schema is the same on every start.
    const names = plan.fields.filter((f) => f.object === 'Account').map((f) => f.name);
    expect(names).toEqual([...names].sort());
  });

  it('none: nothing; list: only the named fields, unknown names reported', () => {
    expect(planCustomFields(described, { mode: 'none' })).toEqual({ fields: [], skipped: [] });
    const plan = planCustomFields(described, {
      mode: 'list',
      fields: ['Account.Region__c', 'opportunity.discount__c', 'Lead.Nope__c'],
    });
    expect(plan.fields.map((f) => `${f.object}.${f.name}`)).toEqual([
      'Account.Region__c',
      'Opportunity.Discount__c',
    ]);
    expect(plan.skipped).toEqual([
      {
        object: 'Lead',
        name: 'Nope__c',
        reason: 'not a custom field the integration user sees in describe',
      },
    ]);
  });

  it('a custom field named like a standard graph field is skipped, never shadowing it', () => {
    const account = [...(described.Account ?? [])];
    const region = account.find((f) => f.name === 'Region__c');
    if (!region) throw new Error('Region__c missing');
    const plan = planCustomFields(
      { Account: [...account, { ...region, name: 'name' }] },
      { mode: 'auto' },
    );
    expect(plan.fields.some((f) => f.name === 'name')).toBe(false);
    expect(plan.skipped).toContainEqual({
      object: 'Account',
      name: 'name',
      reason: 'its name is a standard field of the graph type',
    });
  });

  it('schema:emit -- --live writes the configured (emulated) org schema, not schema.graphql', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cf-emit-')), 'live.graphql');
    const committed = readFileSync('schema.graphql', 'utf8');
    const run = spawnSync('npx', ['tsx', 'src/server/emit-schema.ts', '--live', out], {
      env: {
        ...process.env,
        SALESFORCE_MODE: 'emulator',
        AUTH_MODE: 'demo',
        EMULATOR_SALESFORCE_PORT: '0',
        EMULATOR_SEED_SCALE: '0.01',
        METRICS_ENABLED: 'false',
        CUSTOM_FIELDS: 'Account.Region__c,Opportunity.Partner_Account__c',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const live = readFileSync(out, 'utf8');
    expect(live).toMatch(/Region__c: String/);
    expect(live).toMatch(/Partner_Account__c: Account/);
    expect(live).not.toMatch(/Segments__c/);
    expect(readFileSync('schema.graphql', 'utf8')).toBe(committed);
  }, 150_000);
});
