import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';

/** The last processed replayId of the org's CDC stream. */
export interface ReplayStore {
  load(): Promise<string | undefined>;
  /**
   * Records `replayId` as processed. Writes are coalesced (one in flight, the newest wins);
   * the promise resolves once this id or a later one is persisted.
   */
  save(replayId: string): Promise<void>;
  /** Resolves once every saved id is persisted. */
  flush(): Promise<void>;
  clear(): Promise<void>;
}

const DEFAULT_KEY = 'cdc:replay-id';

/** Keyv-backed (memory or Redis): replayIds are persisted only after they were processed. */
export class KeyvReplayStore implements ReplayStore {
  private latest: string | undefined;
  private persisted: string | undefined;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly keyv: Keyv,
    private readonly key: string = DEFAULT_KEY,
  ) {}

  /** Reads the stored id: in Redis mode another instance may have advanced it meanwhile. */
  async load(): Promise<string | undefined> {
    await this.flush();
    const value: unknown = await this.keyv.get(this.key);
    return typeof value === 'string' ? value : undefined;
  }

  save(replayId: string): Promise<void> {
    this.latest = replayId;
    return this.flush();
  }

  async flush(): Promise<void> {
    while (this.latest !== undefined && this.persisted !== this.latest) {
      this.writing ??= this.writeLatest();
      await this.writing;
    }
  }

  /** Forgets the stored id (tests, or a deliberate "start from now"). */
  async clear(): Promise<void> {
    await this.flush();
    this.latest = undefined;
    this.persisted = undefined;
    await this.keyv.delete(this.key);
  }

  private async writeLatest(): Promise<void> {
    const value = this.latest;
    try {
      if (value !== undefined) await this.keyv.set(this.key, value);
      this.persisted = value;
    } finally {
      this.writing = undefined;
    }
  }
}

export interface ReplayStoreHandle {
  store: ReplayStore;
  close(): Promise<void>;
}

export interface CreateReplayStoreOptions {
  /** `redis://...`: the id lives in Redis, shared by every instance that may lead. */
  redisUrl?: string;
  /** Key prefix; one per org (and a unique one per test). */
  namespace?: string;
}

export async function createReplayStore(
  options: CreateReplayStoreOptions = {},
): Promise<ReplayStoreHandle> {
  const namespace = options.namespace ?? 'atom-cdc';
  if (!options.redisUrl) {
    return { store: new KeyvReplayStore(new Keyv({ namespace })), close: async () => {} };
  }
  const client = createClient({ url: options.redisUrl });
  await client.connect();
  const keyv = new Keyv({
    store: new KeyvRedis(client, { namespace }),
    namespace,
    useKeyPrefix: false,
  });
  const store = new KeyvReplayStore(keyv);
  return {
    store,
    close: async () => {
      await store.flush();
      if (client.isOpen) await client.close();
    },
  };
}
