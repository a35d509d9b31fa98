import { findField } from '../salesforce/metadata';
import { OrgStore } from '../salesforce/store/org-store';
import { createSeededStore } from '../salesforce/store/create-seeded-store';
import type { SObjectRecord } from '../salesforce/model/types';
import { SEED_BASE_DATE, generateSalesforceSeed } from './salesforce-seed';
import { DEMO_USERS } from './salesforce-users';

const byObject = (records: Array<{ objectName: string; record: SObjectRecord }>, name: string) =>
  records.filter((r) => r.objectName === name).map((r) => r.record);

describe('generateSalesforceSeed', () => {
  const seed = generateSalesforceSeed();
  const accounts = byObject(seed.records, 'Account');
  const contacts = byObject(seed.records, 'Contact');
  const opps = byObject(seed.records, 'Opportunity');
  const leads = byObject(seed.records, 'Lead');
  const all = new Map(seed.records.map((r) => [r.record.Id, r]));

  it('is deterministic: the same seed gives identical data, another seed different data', () => {
    expect(generateSalesforceSeed()).toEqual(seed);
    expect(JSON.stringify(generateSalesforceSeed({ seed: 2 }))).not.toBe(JSON.stringify(seed));
  });

  it('has the demo counts at scale 1 and the six users', () => {
    expect([accounts.length, contacts.length, opps.length, leads.length]).toEqual([
      200, 1000, 600, 400,
    ]);
    expect(seed.users.map((u) => u.Username)).toEqual([
      'admin@atom-demo.org',
      'integration@atom-demo.org',
      'rep1@atom-demo.org',
      'rep2@atom-demo.org',
      'rep3@atom-demo.org',
      'rep4@atom-demo.org',
    ]);
    expect(seed.users.filter((u) => u.viewAllData).map((u) => u.Username)).toEqual([
      'admin@atom-demo.org',
      'integration@atom-demo.org',
    ]);
  });

  it('scales records, not users', () => {
    const small = generateSalesforceSeed({ scale: 0.1 });
    expect(byObject(small.records, 'Account')).toHaveLength(20);
    expect(byObject(small.records, 'Contact')).toHaveLength(100);
    expect(small.users).toHaveLength(6);
    expect(() => generateSalesforceSeed({ scale: 0 })).toThrow(RangeError);
  });

  it('builds scale 10 in reasonable time (printed, not asserted)', () => {
    const started = performance.now();
    const big = generateSalesforceSeed({ scale: 10 });
    const store = new OrgStore();
    store.load(big);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`scale 10 seed + load: ${big.records.length} records in ${ms} ms\n`);
    expect(byObject(big.records, 'Opportunity')).toHaveLength(6000);
    expect(big.users).toHaveLength(6);
    expect([...store.rows('Lead')]).toHaveLength(4000);
  });

  it('uses unique Ids and only describe fields, with valid references', () => {
    expect(all.size).toBe(seed.records.length);
    const store = new OrgStore();
    for (const { objectName, record } of seed.records) {
      const objectDef = store.describe(objectName);
      if (!objectDef) throw new Error(objectName);
      for (const key of Object.keys(record)) expect(findField(objectDef, key)?.name).toBe(key);
      for (const field of objectDef.fields) {
        const value = record[field.name];
        if (field.type !== 'reference' || typeof value !== 'string') continue;
        // Campaign__c points at an object the emulator does not model (no rows to check).
        if (!field.referenceTo.some((name) => store.describe(name))) continue;
        const target = field.referenceTo.includes('User')
          ? DEMO_USERS.find((u) => u.Id === value)
          : all.get(value)?.record;
        expect(target).toBeDefined();
      }
    }
  });

  it('spreads ownership across the reps and the admin', () => {
    const owners = new Map<string, number>();
    for (const a of accounts)
      owners.set(String(a.OwnerId), (owners.get(String(a.OwnerId)) ?? 0) + 1);
    expect(owners.size).toBe(5);
    expect(owners.get(DEMO_USERS[0].Id) ?? 0).toBeGreaterThan(0);
    expect(owners.has(DEMO_USERS[1].Id)).toBe(false);
  });

  it('has realistic gaps, ties and tricky names', () => {
    const share = (rows: SObjectRecord[], test: (r: SObjectRecord) => boolean) =>
      rows.filter(test).length / rows.length;
    expect(share(accounts, (a) => a.Phone === null)).toBeGreaterThan(0.05);
    expect(share(accounts, (a) => a.Website === null)).toBeGreaterThan(0.05);
    expect(share(opps, (o) => o.Amount === null)).toBeGreaterThan(0.02);
    expect(share(contacts, (c) => c.Email === null)).toBeGreaterThan(0.02);
    expect(share(contacts, (c) => c.Title === null)).toBeGreaterThan(0.05);
    const names = accounts.map((a) => a.Name);
    expect(new Set(names).size).toBeLessThan(names.length);
    const amounts = opps.map((o) => o.Amount).filter((a) => a !== null);
    expect(new Set(amounts).size).toBeLessThan(amounts.length / 2);
    const closeDates = opps.map((o) => o.CloseDate);
    expect(new Set(closeDates).size).toBeLessThan(closeDates.length);
    expect(names).toEqual(
      expect.arrayContaining(["O'Brien & Sons", '"Zoë" Design Studio', '株式会社サンプル']),
    );
    expect(contacts.some((c) => String(c.LastName).includes("'"))).toBe(true);
    expect(accounts.filter((a) => a.ParentId !== null).length).toBeGreaterThan(0);
  });

  it('links about a third of the accounts to Stripe, Zendesk and QuickBooks', () => {
    const linked = accounts.filter(
      (a) =>
        a.Stripe_Customer_Id__c !== null ||
        a.Zendesk_Organization_Id__c !== null ||
        a.QuickBooks_Customer_Id__c !== null,
    );
    expect(linked.length / accounts.length).toBeGreaterThan(0.2);
    expect(linked.length / accounts.length).toBeLessThan(0.45);
    for (const a of linked) {
      if (a.Stripe_Customer_Id__c !== null)
        expect(a.Stripe_Customer_Id__c).toMatch(/^cus_[A-Za-z0-9]{14}$/);
      if (a.Zendesk_Organization_Id__c !== null)
        expect(a.Zendesk_Organization_Id__c).toMatch(/^\d+$/);
      if (a.QuickBooks_Customer_Id__c !== null)
        expect(a.QuickBooks_Customer_Id__c).toMatch(/^\d+$/);
    }
    const stripe = linked.map((a) => a.Stripe_Customer_Id__c).filter((s) => s !== null);
    expect(new Set(stripe).size).toBe(stripe.length);
  });

  it('keeps dates within two years before and six months after the fixed base date', () => {
    const base = Date.parse(SEED_BASE_DATE);
    for (const { record } of seed.records) {
      const created = Date.parse(String(record.CreatedDate));
      expect(created).toBeGreaterThanOrEqual(base - 731 * 86_400_000);
      expect(created).toBeLessThanOrEqual(base);
      expect(Date.parse(String(record.LastModifiedDate))).toBeGreaterThanOrEqual(created);
    }
    for (const o of opps) {
      const close = Date.parse(String(o.CloseDate));
      expect(close).toBeLessThanOrEqual(base + 190 * 86_400_000);
      expect(o.IsClosed).toBe(String(o.StageName).startsWith('Closed'));
    }
  });

  it('makes converted leads consistent with the records they point to', () => {
    const converted = leads.filter((l) => l.IsConverted === true);
    expect(converted.length).toBeGreaterThan(20);
    for (const lead of converted) {
      expect(lead.Status).toBe('Closed - Converted');
      const contact = all.get(String(lead.ConvertedContactId))?.record;
      const account = all.get(String(lead.ConvertedAccountId))?.record;
      expect(contact?.AccountId).toBe(account?.Id);
      expect(lead.LastName).toBe(contact?.LastName);
      expect(lead.Company).toBe(account?.Name);
      expect(lead.ConvertedDate).toBe(String(contact?.CreatedDate).slice(0, 10));
      if (lead.ConvertedOpportunityId !== null) {
        expect(all.get(String(lead.ConvertedOpportunityId))?.record.AccountId).toBe(account?.Id);
      }
    }
    expect(
      leads.filter((l) => l.IsConverted === false).every((l) => l.ConvertedAccountId === null),
    ).toBe(true);
  });
});

describe('createSeededStore', () => {
  it('loads the seed, accepts DML on it and resets back to it', () => {
    const store = createSeededStore({ scale: 0.1 });
    const rep = store.userByUsername('rep1@atom-demo.org');
    if (!rep) throw new Error('no rep');
    const visible = [...store.rows('Account')].filter((a) => store.canSee(rep, 'Account', a));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(20);
    const id = store.create('Contact', { LastName: 'New', AccountId: visible[0].Id }, rep);
    expect(id > visible[0].Id.slice(0, 3)).toBe(true);
    store.reset();
    expect(store.byId(id)).toBeUndefined();
    expect([...store.rows('Contact')]).toHaveLength(100);
  });
});
