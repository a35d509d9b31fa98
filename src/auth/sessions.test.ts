import { Keyv } from 'keyv';
import { SessionStore, type NewSession } from './sessions';

const fields: NewSession = {
  userId: '005xx000001Sv6eAAC',
  orgId: '00Dxx0000001gPLEAY',
  username: 'rep1@atom-demo.org',
  instanceUrl: 'http://127.0.0.1:1234',
  vaultKey: 'sf:00Dxx0000001gPLEAY:005xx000001Sv6eAAC',
};

describe('SessionStore', () => {
  it('issues 32-byte base64url ids and resolves them', async () => {
    const store = new SessionStore(new Keyv(), 60_000);
    const session = await store.create(fields);
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(session.id, 'base64url')).toHaveLength(32);
    expect((await store.get(session.id))?.record).toEqual(session.record);
    expect(session.record.expiresAt - session.record.createdAt).toBe(60_000);
    expect((await store.create(fields)).id).not.toBe(session.id);
  });

  it('keys the store by a hash, so the stored keys are not usable bearer tokens', async () => {
    const backing = new Map<string, unknown>();
    const store = new SessionStore(new Keyv({ store: backing }), 60_000);
    const session = await store.create(fields);
    expect([...backing.keys()].join(' ')).not.toContain(session.id);
  });

  it('refuses expired sessions even if the store still holds them', async () => {
    let now = 1_000_000;
    const keyv = new Keyv();
    const store = new SessionStore(keyv, 60_000, () => now);
    const session = await store.create(fields);
    now += 60_001;
    expect(await store.get(session.id)).toBeUndefined();
  });

  it('lets the keyv TTL remove the record', async () => {
    const store = new SessionStore(new Keyv(), 30);
    const session = await store.create(fields);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.get(session.id)).toBeUndefined();
  });

  it('ignores malformed and unknown ids, and deletes', async () => {
    const store = new SessionStore(new Keyv(), 60_000);
    expect(await store.get('not a session')).toBeUndefined();
    expect(await store.get('A'.repeat(43))).toBeUndefined();
    const session = await store.create(fields);
    await store.delete(session.id);
    expect(await store.get(session.id)).toBeUndefined();
  });
});
