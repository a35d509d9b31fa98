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
