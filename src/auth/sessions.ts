import { createHash, randomBytes } from 'node:crypto';
import type { Keyv } from 'keyv';

export interface SessionRecord {
  userId: string;
  orgId: string;
  username: string;
  instanceUrl: string;
  /** Where the user's sealed tokens live (TokenVault). */
  vaultKey: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; the keyv TTL removes the record at the same moment. */
  expiresAt: number;
}

export type NewSession = Omit<SessionRecord, 'createdAt' | 'expiresAt'>;

export interface Session {
  /** Opaque bearer: 32 random bytes, base64url. Never stored as such. */
  id: string;
  record: SessionRecord;
}

const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function isSessionRecord(value: unknown): value is SessionRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.userId === 'string' &&
    typeof r.orgId === 'string' &&
    typeof r.username === 'string' &&
    typeof r.instanceUrl === 'string' &&
    typeof r.vaultKey === 'string' &&
    typeof r.createdAt === 'number' &&
    typeof r.expiresAt === 'number'
  );
}

/**
 * Gateway sessions keyed by SHA-256 of the session id, so a dump of the store (Redis
 * `KEYS *`) yields nothing a client could present.
 */
export class SessionStore {
  constructor(
    private readonly store: Keyv,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async create(fields: NewSession): Promise<Session> {
    const id = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const record: SessionRecord = { ...fields, createdAt, expiresAt: createdAt + this.ttlMs };
    await this.store.set(storageKey(id), record, this.ttlMs);
    return { id, record };
  }

  /** The live session for `id`, or undefined (unknown, malformed, or expired). */
  async get(id: string): Promise<Session | undefined> {
    if (!SESSION_ID_PATTERN.test(id)) return undefined;
    const record: unknown = await this.store.get(storageKey(id));
    if (!isSessionRecord(record)) return undefined;
    if (record.expiresAt <= this.now()) {
      await this.store.delete(storageKey(id));
      return undefined;
    }
    return { id, record };
  }

  async delete(id: string): Promise<void> {
    if (SESSION_ID_PATTERN.test(id)) await this.store.delete(storageKey(id));
  }
}

function storageKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
