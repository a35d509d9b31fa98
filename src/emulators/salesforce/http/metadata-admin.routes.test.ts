import { ACCOUNT_OBJECT } from '../metadata';
import { OrgStore } from '../store';
import { handleMetadataAdminRequest } from './metadata-admin.routes';

const post = (store: OrgStore, body: unknown, method = 'POST') =>
  handleMetadataAdminRequest(
    store,
    method,
    '/__emulator/metadata/fields',
    Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  );

describe('POST /__emulator/metadata/fields', () => {
  it('adds and removes a custom field in this org only, never in the shared metadata', () => {
    const store = new OrgStore();
    const other = new OrgStore();
    expect(post(store, { object: 'Account', name: 'Tier__c', type: 'int' })).toEqual({
      status: 200,
      body: { object: 'Account', name: 'Tier__c', removed: false },
    });
    expect(store.describe('Account')?.fields.find((f) => f.name === 'Tier__c')).toMatchObject({
      type: 'int',
      custom: true,
    });
    expect(other.describe('Account')?.fields.some((f) => f.name === 'Tier__c')).toBe(false);
    expect(ACCOUNT_OBJECT.fields.some((f) => f.name === 'Tier__c')).toBe(false);
    expect(post(store, { object: 'Account', name: 'Tier__c', remove: true })?.status).toBe(200);
    expect(store.describe('Account')?.fields.some((f) => f.name === 'Tier__c')).toBe(false);
  });

  it('adds a picklist with its values, inactive ones, a default, and hidden from a profile', () => {
    const store = new OrgStore();
    const reply = post(store, {
      object: 'Lead',
      name: 'Tier__c',
      type: 'picklist',
      values: ['Gold', 'Silver', 'Bronze'],
      inactive: ['Bronze'],
      defaultValue: 'Silver',
      hiddenFromProfiles: ['Standard User'],
    });
    expect(reply?.status).toBe(200);
    expect(store.describe('Lead')?.fields.find((f) => f.name === 'Tier__c')).toMatchObject({
      type: 'picklist',
      custom: true,
      hiddenFromProfiles: ['Standard User'],
      picklistValues: [
        { value: 'Gold', label: 'Gold', active: true, defaultValue: false },
        { value: 'Silver', label: 'Silver', active: true, defaultValue: true },
        { value: 'Bronze', label: 'Bronze', active: false, defaultValue: false },
      ],
    });
  });

  it('refuses a picklist without values and malformed picklist options', () => {
    const store = new OrgStore();
    const base = { object: 'Lead', name: 'Tier__c', type: 'picklist' };
    expect(post(store, base)?.status).toBe(400);
    expect(post(store, { ...base, values: [] })?.status).toBe(400);
    expect(post(store, { ...base, values: ['A'], inactive: 'A' })?.status).toBe(400);
    expect(post(store, { ...base, values: ['A'], defaultValue: 1 })?.status).toBe(400);
    expect(post(store, { ...base, values: ['A'], hiddenFromProfiles: [1] })?.status).toBe(400);
    // Options naming a value the picklist does not have.
    expect(post(store, { ...base, values: ['A'], inactive: ['B'] })?.status).toBe(400);
    expect(post(store, { ...base, values: ['A'], defaultValue: 'a' })?.status).toBe(400);
    expect(store.describe('Lead')?.fields.some((f) => f.name === 'Tier__c')).toBe(false);
  });

  it('refuses bad requests, changing nothing', () => {
    const store = new OrgStore();
    const count = store.describe('Account')?.fields.length;
    expect(post(store, 'not json')?.status).toBe(400);
    expect(post(store, { object: 'Account', name: 'Name', type: 'string' })?.status).toBe(400);
    expect(post(store, { object: 'Account', name: 'X__c', type: 'location' })?.status).toBe(400);
    expect(post(store, { object: 'Nope', name: 'X__c', type: 'string' })?.status).toBe(404);
    expect(post(store, { object: 'Account', name: 'Missing__c', remove: true })?.status).toBe(404);
    expect(post(store, {}, 'GET')?.status).toBe(405);
    expect(store.describe('Account')?.fields.length).toBe(count);
    expect(
      handleMetadataAdminRequest(store, 'POST', '/__emulator/other', Buffer.from('{}')),
    ).toBeUndefined();
  });
});
