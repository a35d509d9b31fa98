import type { Keyv } from 'keyv';
import type { Keyring } from './encryption-keys';
import { open, seal } from './token-cipher';

/** A user's Salesforce grant, in the clear only in memory. */
export interface SalesforceTokens {
  accessToken: string;
  /** Absent when the connected app did not grant `refresh_token`. */
  refreshToken?: string;
  instanceUrl: string;
  /** The token response's `id` (identity URL `.../id/<orgId>/<userId>`). */
  identityUrl: string;
  /** Epoch ms the access token was issued. */
  issuedAt: number;
}

/** What keyv holds: tokens sealed, routing data in the clear. */
interface VaultRecord {
  accessToken: string;
  refreshToken?: string;
  instanceUrl: string;
  identityUrl: string;
  issuedAt: number;
}

/** One vault entry per Salesforce user: all of a user's sessions share (and refresh) one grant. */
export function vaultKeyFor(orgId: string, userId: string): string {
  return `sf:${orgId}:${userId}`;
}

function isVaultRecord(value: unknown): value is VaultRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.accessToken === 'string' &&
    (record.refreshToken === undefined || typeof record.refreshToken === 'string') &&
    typeof record.instanceUrl === 'string' &&
    typeof record.identityUrl === 'string' &&
    typeof record.issuedAt === 'number'
  );
}

export class TokenVault {
  constructor(
    private readonly store: Keyv,
    private readonly keyring: Keyring,
  ) {}

  async put(vaultKey: string, tokens: SalesforceTokens): Promise<void> {
    await this.store.set(vaultKey, this.sealRecord(vaultKey, tokens));
  }

  /**
   * Tokens for `vaultKey`, or undefined when none are stored. Throws TokenVaultError when a
   * stored value cannot be authenticated. Values sealed under an older key are re-sealed with
   * the current one, but only if the record did not change meanwhile (a concurrent refresh
   * must never be overwritten by the older grant).
   */
  async get(vaultKey: string): Promise<SalesforceTokens | undefined> {
    const raw: unknown = await this.store.get(vaultKey);
    if (raw === undefined || raw === null) return undefined;
    if (!isVaultRecord(raw)) {
      await this.store.delete(vaultKey);
      return undefined;
    }
    const access = open(raw.accessToken, `${vaultKey}#access`, this.keyring);
    const refresh =
      raw.refreshToken === undefined
        ? undefined
        : open(raw.refreshToken, `${vaultKey}#refresh`, this.keyring);
    const tokens: SalesforceTokens = {
      accessToken: access.plaintext,
      instanceUrl: raw.instanceUrl,
      identityUrl: raw.identityUrl,
      issuedAt: raw.issuedAt,
      ...(refresh ? { refreshToken: refresh.plaintext } : {}),
    };
    if (access.stale || refresh?.stale) await this.reseal(vaultKey, raw, tokens);
    return tokens;
  }

  async delete(vaultKey: string): Promise<void> {
    await this.store.delete(vaultKey);
  }

  private async reseal(
    vaultKey: string,
    seen: VaultRecord,
    tokens: SalesforceTokens,
  ): Promise<void> {
    const current: unknown = await this.store.get(vaultKey);
    if (!isVaultRecord(current) || current.accessToken !== seen.accessToken) return;
    await this.store.set(vaultKey, this.sealRecord(vaultKey, tokens));
  }

  private sealRecord(vaultKey: string, tokens: SalesforceTokens): VaultRecord {
    return {
      accessToken: seal(tokens.accessToken, `${vaultKey}#access`, this.keyring),
      ...(tokens.refreshToken === undefined
        ? {}
        : { refreshToken: seal(tokens.refreshToken, `${vaultKey}#refresh`, this.keyring) }),
      instanceUrl: tokens.instanceUrl,
      identityUrl: tokens.identityUrl,
      issuedAt: tokens.issuedAt,
    };
  }
}
