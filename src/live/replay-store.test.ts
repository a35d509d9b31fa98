import { randomUUID } from 'node:crypto';
import { Keyv } from 'keyv';
import { createReplayStore, KeyvReplayStore } from './replay-store';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('KeyvReplayStore', () => {
  it('persists the newest saved id and reads it back from another store on the same keyv', async () => {
    const keyv = new Keyv();
    const store = new KeyvReplayStore(keyv);
    expect(await store.load()).toBeUndefined();
    await Promise.all([store.save('1'), store.save('2'), store.save('3')]);
    expect(await new KeyvReplayStore(keyv).load()).toBe('3');
  });

  it('coalesces a burst of saves into few writes', async () => {
    const keyv = new Keyv();
    const set = jest.spyOn(keyv, 'set');
    const store = new KeyvReplayStore(keyv);
    const saves: Promise<void>[] = [];
    for (let i = 1; i <= 50; i += 1) saves.push(store.save(String(i)));
    await Promise.all(saves);
    await store.flush();
    expect(set.mock.calls.length).toBeLessThanOrEqual(3);
    expect(await keyv.get('cdc:replay-id')).toBe('50');
  });

  it('surfaces a failed write from flush()', async () => {
    const keyv = new Keyv();
    jest.spyOn(keyv, 'set').mockRejectedValueOnce(new Error('store down'));
    const store = new KeyvReplayStore(keyv);
    await expect(store.save('9')).rejects.toThrow('store down');
    await store.flush();
    expect(await keyv.get('cdc:replay-id')).toBe('9');
  });
});

describe('createReplayStore', () => {
  it('keeps the id in memory without a Redis URL', async () => {
    const handle = await createReplayStore();
    await handle.store.save('5');
    expect(await handle.store.load()).toBe('5');
    await handle.close();
  });

  it('shares the id through Redis between instances (real Redis)', async () => {
    const namespace = `atom-test:${randomUUID()}:cdc`;
    const one = await createReplayStore({ redisUrl: REDIS_URL, namespace });
    const two = await createReplayStore({ redisUrl: REDIS_URL, namespace });
    try {
      await one.store.save('123');
      expect(await two.store.load()).toBe('123');
      await two.store.save('124');
      expect(await one.store.load()).toBe('124');
    } finally {
      await one.store.clear();
      expect(await two.store.load()).toBeUndefined();
      await one.close();
      await two.close();
    }
  });
});
