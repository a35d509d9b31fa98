import type { Logger } from 'pino';
import { SessionEndedError, TokenRefreshError } from './auth-errors';
import type { LeaseLock } from '../lib/lease-lock';
import type { SalesforceTokens, TokenVault } from './token-vault';

export interface TokenRefresherDeps {
  vault: TokenVault;
  lock: LeaseLock;
  /** The refresh_token grant (SalesforceOidcClient.refresh). */
  refreshGrant: (refreshToken: string) => Promise<SalesforceTokens>;
  /** True when the grant failed because the refresh token is dead (`invalid_grant`). */
  isInvalidGrant: (err: unknown) => boolean;
  logger: Logger;
  /** Lease length; must exceed a token call. Default 15 s. */
  lockTtlMs?: number;
  /** How often a waiting instance looks for the winner's result. Default 100 ms. */
  pollIntervalMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Refreshes a user's access token once however many requests hit INVALID_SESSION_ID at the
 * same time: callers in this process share one promise; other instances wait on a Redis lease
 * and pick up the winner's tokens from the vault. The caller passes the access token that was
 * rejected, so a refresh that already happened elsewhere is detected instead of repeated.
 */
export class TokenRefresher {
  private readonly inFlight = new Map<string, Promise<SalesforceTokens>>();
  private readonly lockTtlMs: number;
  private readonly pollIntervalMs: number;

  constructor(private readonly deps: TokenRefresherDeps) {
    this.lockTtlMs = deps.lockTtlMs ?? 15_000;
    this.pollIntervalMs = deps.pollIntervalMs ?? 100;
  }

  /** Throws SessionEndedError when the grant is gone (the user must log in again). */
  refresh(vaultKey: string, rejectedAccessToken: string): Promise<SalesforceTokens> {
    const pending = this.inFlight.get(vaultKey);
    if (pending) return pending;
    const run = this.refreshAcrossInstances(vaultKey, rejectedAccessToken).finally(() => {
      this.inFlight.delete(vaultKey);
    });
    this.inFlight.set(vaultKey, run);
    return run;
  }

  private async refreshAcrossInstances(
    vaultKey: string,
    rejected: string,
  ): Promise<SalesforceTokens> {
    const deadline = Date.now() + this.lockTtlMs + 1_000;
    while (Date.now() < deadline) {
      const current = await this.currentTokens(vaultKey);
      if (current.accessToken !== rejected) return current;
      const holder = await this.deps.lock.acquire(vaultKey, this.lockTtlMs);
      if (holder) {
        try {
          return await this.refreshHoldingLease(vaultKey, rejected);
        } finally {
          await this.deps.lock.release(vaultKey, holder);
        }
      }
      await sleep(this.pollIntervalMs);
    }
    throw new TokenRefreshError(
      'timed out waiting for another instance to refresh the Salesforce session',
    );
  }

  private async refreshHoldingLease(vaultKey: string, rejected: string): Promise<SalesforceTokens> {
    // The previous holder may have finished between our read and our acquire.
    const current = await this.currentTokens(vaultKey);
    if (current.accessToken !== rejected) return current;
    if (!current.refreshToken) {
      await this.deps.vault.delete(vaultKey);
      throw new SessionEndedError('tokens-missing');
    }
    let fresh: SalesforceTokens;
    try {
      fresh = await this.deps.refreshGrant(current.refreshToken);
    } catch (err) {
      if (this.deps.isInvalidGrant(err)) {
        await this.deps.vault.delete(vaultKey);
        this.deps.logger.info(
          { event: 'refresh.rejected', vaultKey },
          'refresh token rejected; session ended',
        );
        throw new SessionEndedError('refresh-token-rejected');
      }
      this.deps.logger.warn(
        { event: 'refresh.failed', vaultKey, error: err instanceof Error ? err.name : typeof err },
        'token refresh failed',
      );
      throw new TokenRefreshError('the Salesforce token refresh failed', { cause: err });
    }
    await this.deps.vault.put(vaultKey, fresh);
    this.deps.logger.info(
      { event: 'refresh.success', vaultKey, rotated: fresh.refreshToken !== current.refreshToken },
      'access token refreshed',
    );
    return fresh;
  }

  private async currentTokens(vaultKey: string): Promise<SalesforceTokens> {
    const tokens = await this.deps.vault.get(vaultKey);
    if (!tokens) throw new SessionEndedError('tokens-missing');
    return tokens;
  }
}
