import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAuthStore, type AuthStore } from './auth-store';
import { deriveKeyring, type Keyring } from './encryption-keys';
import { open, seal } from './token-cipher';

/**
 * Where a credential that its issuer rotates (QuickBooks Online's refresh token: every grant
 * may return a new one and retire the old) is kept, sealed, and shared by every instance:
 * - `latest` answers the newest secret saved since `seed` (the configured value) was set; a new
 *   configured value (the operator reconnected the app) wins over what was saved before it;
 * - `exclusive` runs a grant under a lease every instance respects, so two instances never
 *   spend the same refresh token (the loser would be left with a dead one).
 * In memory without REDIS_URL (one instance; a restart starts from the configured value).
 */
export interface RotatingSecretStore {
  latest(key: string, seed: string): Promise<string | undefined>;
  save(key: string, seed: string, secret: string): Promise<void>;
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface StoredSecret {
  /** SHA-256 of the configured value it descends from (never the value itself). */
  seed: string;
  sealed: string;
}

const LEASE_MS = 15_000;
const POLL_MS = 50;

function fingerprint(seed: string): string {
  return createHash('sha256').update(seed).digest('base64url');
}

function isStoredSecret(value: unknown): value is StoredSecret {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StoredSecret).seed === 'string' &&
    typeof (value as StoredSecret).sealed === 'string'
  );
}

export async function createRotatingSecretStore(options: {
  /** TOKEN_ENCRYPTION_KEYS' keyring; a purpose-derived key seals these secrets. */
  keyring: Keyring;
  redisUrl?: string;
  namespace?: string;
}): Promise<RotatingSecretStore> {
  const store: AuthStore = await createAuthStore({
    namespace: options.namespace ?? 'atom-linked',
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  const keyring = deriveKeyring(options.keyring, 'rotating-secrets');
  return {
    async latest(key, seed) {
      const raw: unknown = await store.vault.get(key);
      if (!isStoredSecret(raw) || raw.seed !== fingerprint(seed)) return undefined;
      try {
        return open(raw.sealed, key, keyring).plaintext;
      } catch {
        // Sealed under a key no longer configured: start again from the configured value.
        return undefined;
      }
    },
    async save(key, seed, secret) {
      const record: StoredSecret = { seed: fingerprint(seed), sealed: seal(secret, key, keyring) };
      await store.vault.set(key, record);
    },
    async exclusive(key, work) {
      const deadline = Date.now() + LEASE_MS;
      let holder = await store.lock.acquire(key, LEASE_MS);
      // Another instance is granting: wait for its lease (it saves the new secret first).
      while (holder === undefined && Date.now() < deadline) {
        await sleep(POLL_MS);
        holder = await store.lock.acquire(key, LEASE_MS);
      }
      if (holder === undefined) throw new Error(`lease on ${key} not acquired in ${LEASE_MS} ms`);
      try {
        return await work();
      } finally {
        await store.lock.release(key, holder);
      }
    },
    close: () => store.close(),
  };
}
