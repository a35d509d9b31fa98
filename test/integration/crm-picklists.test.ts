import type { Connection } from 'jsforce';
import type { PicklistsQuery } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { operation } from '../helpers/operations';
import { directConnection } from '../helpers/salesforce-direct';
import { connectToEmulator } from '../helpers/salesforce-target';

interface DescribedPicklist {
  name: string;
  label: string;
  type: string;
  picklistValues: Array<{ value: string; label: string; active: boolean; defaultValue: boolean }>;
}

describe('picklists(object, fields)', () => {
  let gw: TestGateway;
  let sf: Connection;

  beforeAll(async () => {
    gw = await startTestGateway({ emulator: { scale: 0.05 }, env: { CUSTOM_FIELDS: 'auto' } });
    sf = await directConnection(gw.emulatorUrl);
  }, 60_000);

  /** The picklist as Salesforce's describe reports it, read with jsforce apart from the gateway. */
  async function described(object: string, field: string) {
    const result = await sf.sobject(object).describe();
    const found = (result.fields as unknown as DescribedPicklist[]).find((f) => f.name === field);
    if (!found) throw new Error(`${object}.${field} is not in describe`);
    return {
      label: found.label,
      multiSelect: found.type === 'multipicklist',
      values: found.picklistValues.map((p) => ({
        value: p.value,
        label: p.label,
        active: p.active,
        isDefault: p.defaultValue,
      })),
    };
  }

  async function picklists(variables: Record<string, unknown>) {
    await gw.resetEmulatorStats();
    const res = await gw.graphql<PicklistsQuery>(operation('Picklists'), variables);
    const stats = await gw.emulatorStats();
    const describes = Object.entries(stats.byEndpoint)
      .filter(([endpoint]) => endpoint.includes('describe'))
      .reduce((sum, [, n]) => sum + n, 0);
    return { res, describes, calls: stats.total };
  }

  it.each([
    [
      'OPPORTUNITY',
      'Opportunity',
      ['stageName', 'type', 'leadSource'],
      ['StageName', 'Type', 'LeadSource'],
    ],
    [
      'LEAD',
      'Lead',
      ['status', 'leadSource', 'industry', 'rating'],
      ['Status', 'LeadSource', 'Industry', 'Rating'],
    ],
    [
      'ACCOUNT',
      'Account',
      ['industry', 'type', 'Region__c', 'Segments__c'],
      ['Industry', 'Type', 'Region__c', 'Segments__c'],
    ],
    ['CONTACT', 'Contact', ['leadSource', 'Languages__c'], ['LeadSource', 'Languages__c']],
  ])(
    '%s values and labels match Salesforce describe',
    async (object, sobject, fields, apiNames) => {
      const { res } = await picklists({ object, fields });
      expect(res.errors).toBeUndefined();
      const expected = await Promise.all(
        apiNames.map(async (api, i) => ({ field: fields[i], ...(await described(sobject, api)) })),
      );
      expect(res.data!.picklists).toEqual(expected);
      for (const field of res.data!.picklists) expect(field.values.length).toBeGreaterThan(1);
    },
  );

  it('marks the default value and multi-select fields', async () => {
    const lead = await picklists({ object: 'LEAD', fields: ['status'] });
    const status = lead.res.data!.picklists[0]!;
    expect(status.values.filter((v) => v.isDefault).map((v) => v.value)).toEqual([
      'Open - Not Contacted',
    ]);
    const account = await picklists({ object: 'ACCOUNT', fields: ['Segments__c', 'Region__c'] });
    expect(account.res.data!.picklists.map((p) => [p.field, p.multiSelect])).toEqual([
      ['Segments__c', true],
      ['Region__c', false],
    ]);
  });

  it('lists every exposed picklist field of the object when fields is absent', async () => {
    const { res } = await picklists({ object: 'OPPORTUNITY' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.picklists.map((p) => p.field)).toEqual(
      expect.arrayContaining(['stageName', 'type', 'leadSource']),
    );
    // Only fields the graph has: ForecastCategory is a picklist of describe, not a graph field.
    expect(res.data!.picklists.map((p) => p.field)).not.toContain('ForecastCategory');
  });

  it('costs one describe, then none until refreshCache drops it', async () => {
    await gw.graphql(operation('RefreshCacheForPicklists'));
    const first = await picklists({ object: 'LEAD', fields: ['status'] });
    expect(first.res.errors).toBeUndefined();
    expect(first.describes).toBe(1);
    expect(first.calls).toBe(1);
    const second = await picklists({ object: 'LEAD', fields: ['rating', 'status'] });
    expect(second.res.errors).toBeUndefined();
    expect(second.describes).toBe(0);
    expect(second.calls).toBe(0);
    expect(second.res.data!.picklists.map((p) => p.field)).toEqual(['rating', 'status']);

    const refreshed = await gw.graphql<{ refreshCache: boolean }>(
      operation('RefreshCacheForPicklists'),
    );
    expect(refreshed.errors).toBeUndefined();
    const third = await picklists({ object: 'LEAD', fields: ['status'] });
    expect(third.describes).toBe(1);
  });

  it('describes again after POST /admin/reload-schema', async () => {
    await picklists({ object: 'ACCOUNT', fields: ['industry'] });
    expect((await picklists({ object: 'ACCOUNT', fields: ['industry'] })).describes).toBe(0);
    const reload = await fetch(`${gw.origin}/admin/reload-schema`, { method: 'POST' });
    expect(reload.status).toBe(200);
    const after = await picklists({ object: 'ACCOUNT', fields: ['industry'] });
    expect(after.res.errors).toBeUndefined();
    expect(after.describes).toBe(1);
  });

  it('shows a changed picklist once refreshCache drops the kept describe, not before', async () => {
    const tier = (values: string[], extra: Record<string, unknown> = {}) =>
      fetch(`${gw.emulatorUrl}/__emulator/metadata/fields`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          object: 'Lead',
          name: 'Tier__c',
          type: 'picklist',
          values,
          ...extra,
        }),
      }).then((r) => expect(r.status).toBe(200));
    await tier(['Gold', 'Silver']);
    expect((await fetch(`${gw.origin}/admin/reload-schema`, { method: 'POST' })).status).toBe(200);
    const before = await picklists({ object: 'LEAD', fields: ['Tier__c'] });
    expect(before.res.errors).toBeUndefined();
    expect(before.res.data!.picklists[0]!.values.map((v) => v.value)).toEqual(['Gold', 'Silver']);

    await tier(['Gold', 'Silver', 'Bronze'], { inactive: ['Silver'], defaultValue: 'Bronze' });
    const kept = await picklists({ object: 'LEAD', fields: ['Tier__c'] });
    expect(kept.describes).toBe(0);
    expect(kept.res.data!.picklists[0]!.values.map((v) => v.value)).toEqual(['Gold', 'Silver']);

    await gw.graphql(operation('RefreshCacheForPicklists'));
    const fresh = await picklists({ object: 'LEAD', fields: ['Tier__c'] });
    expect(fresh.describes).toBe(1);
    expect(fresh.res.data!.picklists[0]).toEqual({
      field: 'Tier__c',
      ...(await described('Lead', 'Tier__c')),
    });
    expect(fresh.res.data!.picklists[0]!.values).toEqual([
      { value: 'Gold', label: 'Gold', active: true, isDefault: false },
      { value: 'Silver', label: 'Silver', active: false, isDefault: false },
      { value: 'Bronze', label: 'Bronze', active: true, isDefault: true },
    ]);
  });

  it.each([
    ['an unknown field', 'OPPORTUNITY', ['noSuchField']],
    ['a field that is not a picklist', 'OPPORTUNITY', ['name']],
    ['a Salesforce API name instead of the graph name', 'OPPORTUNITY', ['StageName']],
    ['a picklist of another object', 'CONTACT', ['stageName']],
  ])(
    'refuses %s with BAD_USER_INPUT naming the fields there are',
    async (_label, object, fields) => {
      const { res } = await picklists({ object, fields });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain(JSON.stringify(fields[0]));
    },
  );
});

describe('picklists per signed-in user', () => {
  it('keeps one describe per user: a second user describes for themself, then reads it kept', async () => {
    const gw = await startTestGateway({ env: { AUTH_MODE: 'user' }, emulator: { scale: 0.05 } });
    const as = async (token: string) => {
      await gw.resetEmulatorStats();
      const res = await gw.graphql<PicklistsQuery>(
        operation('Picklists'),
        { object: 'OPPORTUNITY', fields: ['stageName'] },
        { authorization: `Bearer ${token}` },
      );
      expect(res.errors).toBeUndefined();
      const stats = await gw.emulatorStats();
      const describes = Object.entries(stats.byEndpoint)
        .filter(([endpoint]) => endpoint.includes('describe'))
        .reduce((sum, [, n]) => sum + n, 0);
      return { values: res.data!.picklists[0]!.values.map((v) => v.value), describes };
    };
    const rep1 = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    const rep2 = await gatewaySessionToken(gw.origin, 'rep2@atom-demo.org', 'demo-rep-pass');
    const first = await as(rep1);
    expect(first.describes).toBe(1);
    expect(first.values).toContain('Closed Won');
    expect((await as(rep1)).describes).toBe(0);
    const other = await as(rep2);
    expect(other.describes).toBe(1);
    expect(other.values).toEqual(first.values);
    expect((await as(rep2)).describes).toBe(0);
  }, 60_000);

  it("leaves out a picklist field-level security hides from the viewer's profile", async () => {
    const gw = await startTestGateway({
      env: { AUTH_MODE: 'user', CUSTOM_FIELDS: 'auto' },
      emulator: { scale: 0.05 },
    });
    const admin = await connectToEmulator(gw.emulatorUrl, 'admin');
    const region = (await admin.sobject('Account').describe()).fields.find(
      (f) => f.name === 'Region__c',
    );
    const values = (region?.picklistValues ?? []).map((v) => v.value);
    expect(values.length).toBeGreaterThan(0);
    // An admin hides the field from the reps' profile, as in Setup; its values stay.
    const hidden = await fetch(`${gw.emulatorUrl}/__emulator/metadata/fields`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        object: 'Account',
        name: 'Region__c',
        type: 'picklist',
        values,
        hiddenFromProfiles: ['Standard User'],
      }),
    });
    expect(hidden.status).toBe(200);
    const as = (token: string, fields?: string[]) =>
      gw.graphql<PicklistsQuery>(
        operation('Picklists'),
        { object: 'ACCOUNT', ...(fields ? { fields } : {}) },
        { authorization: `Bearer ${token}` },
      );
    const rep = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    const boss = await gatewaySessionToken(gw.origin, 'admin@atom-demo.org', 'demo-admin-pass');

    const repAll = await as(rep);
    expect(repAll.errors).toBeUndefined();
    expect(repAll.data?.picklists.map((p) => p.field)).not.toContain('Region__c');
    expect(repAll.data?.picklists.map((p) => p.field)).toContain('industry');
    const repAsked = await as(rep, ['Region__c']);
    expect(repAsked.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const bossAsked = await as(boss, ['Region__c']);
    expect(bossAsked.errors).toBeUndefined();
    expect(bossAsked.data?.picklists[0]?.values.map((v) => v.value)).toEqual(values);
  }, 60_000);
});
