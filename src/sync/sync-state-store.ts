import { Keyv } from 'keyv';
import { MemoryLeaseLock, type LeaseLock } from '../lib/lease-lock';
import { connectRedisKeyvSpace } from '../lib/redis-keyv-space';

/**
 * Where a sync remembers its progress. Per sync key (service + scope) a watermark: the list
 * cursor after the last committed batch, so a killed run resumes there. Per synced record
 * (service + external id) a fingerprint of the field values last written, so an unchanged
 * record is not sent again. Memory by default (one instance; a restart forgets both: the next
 * run reads from the start and rewrites every record once); Redis with REDIS_URL.
 */
export interface SyncWatermark {
  /** The service's cursor after the last committed batch; null when no run is under way. */
  cursor: string | null;
  /** When the last run that reached the end started (ISO); null before the first. */
  completedAt: string | null;
}

export interface SyncStateStore {
  watermark(key: string): Promise<SyncWatermark | undefined>;
  saveWatermark(key: string, watermark: SyncWatermark): Promise<void>;
  /** Aligned with `externalIds`; undefined for a record never written. */
  fingerprints(service: string, externalIds: readonly string[]): Promise<Array<string | undefined>>;
  saveFingerprints(
    service: string,
    entries: ReadonlyArray<{ externalId: string; fingerprint: string }>,
  ): Promise<void>;
  readonly lock: LeaseLock;
  /** Deletes every key of this namespace (tests). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export interface SyncStateStoreOptions {
  /** REDIS_URL; omitted → memory. */
  redisUrl?: string;
  /** Prefix of every key; `<SUBSCRIPTIONS_NAMESPACE>:sync` in the gateway. */
  namespace: string;
}

function isWatermark(value: unknown): value is SyncWatermark {
  if (typeof value !== 'object' || value === null) return false;
  const { cursor, completedAt } = value as Record<string, unknown>;
  return (
    (cursor === null || typeof cursor === 'string') &&
    (completedAt === null || typeof completedAt === 'string')
  );
}

function storeOver(
  state: Keyv,
  fingerprints: Keyv,
  lock: LeaseLock,
  extra: { clear(): Promise<void>; close(): Promise<void> },
): SyncStateStore {
  const fingerprintKey = (service: string, externalId: string): string =>
    `${service}:${externalId}`;
  return {
    lock,
    async watermark(key) {
      const raw: unknown = await state.get(key);
      return isWatermark(raw) ? raw : undefined;
    },
    async saveWatermark(key, watermark) {
      await state.set(key, watermark);
    },
    async fingerprints(service, externalIds) {
      if (externalIds.length === 0) return [];
      const values = await fingerprints.getMany<string>(
        externalIds.map((id) => fingerprintKey(service, id)),
      );
      return values.map((v) => (typeof v === 'string' ? v : undefined));
    },
    async saveFingerprints(service, entries) {
      if (entries.length === 0) return;
      await fingerprints.setMany(
        entries.map((e) => ({ key: fingerprintKey(service, e.externalId), value: e.fingerprint })),
      );
    },
    async clear() {
      await Promise.all([state.clear(), fingerprints.clear()]);
      await extra.clear();
    },
    close: () => extra.close(),
  };
}

export async function createSyncStateStore(
  options: SyncStateStoreOptions,
): Promise<SyncStateStore> {
  const { namespace } = options;
  if (!options.redisUrl) {
    return storeOver(
      new Keyv({ namespace: `${namespace}:state` }),
      new Keyv({ namespace: `${namespace}:fp` }),
      new MemoryLeaseLock(),
      { clear: async () => {}, close: async () => {} },
    );
  }
  const space = await connectRedisKeyvSpace(options.redisUrl, namespace);
  return storeOver(space.keyvOn('state'), space.keyvOn('fp'), space.lock, {
    clear: () => space.clearLocks(),
    close: () => space.close(),
  });
}
