import { randomBytes } from 'node:crypto';

export interface TokenStoreOptions {
  realmId: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** A grant replaces the refresh token it was given (see QuickBooksEmulatorOptions). */
  rotateRefreshTokens?: boolean;
  /** The refresh token the demo config (and the tests) start from. */
  initialRefreshToken: string;
  clock: () => Date;
}

interface Grant {
  realmId: string;
  expiresAtMs: number;
}

export type AccessCheck = { ok: true; realmId: string } | { ok: false; detail: string };

/** Access and refresh tokens of the emulated Intuit OAuth 2 server (in memory, opaque). */
export class TokenStore {
  private access = new Map<string, Grant>();
  private refresh = new Map<string, Grant>();

  constructor(private readonly options: TokenStoreOptions) {
    this.reset();
  }

  /** Back to the start: only the initial refresh token exists. */
  reset(): void {
    this.access.clear();
    this.refresh.clear();
    this.refresh.set(this.options.initialRefreshToken, {
      realmId: this.options.realmId,
      expiresAtMs: this.now() + this.options.refreshTokenTtlSeconds * 1000,
    });
  }

  /**
   * `grant_type=refresh_token`: a new access token. Intuit keeps the refresh token value for
   * about a day and extends its life, so the same value comes back (x_refresh_token_expires_in
   * counts down from 100 days). With `rotateRefreshTokens`, a new value comes back and the
   * presented one is gone.
   */
  refreshGrant(refreshToken: string): Record<string, string | number> | undefined {
    const grant = this.refresh.get(refreshToken);
    if (!grant || grant.expiresAtMs <= this.now()) return undefined;
    const accessToken = `qbo-at-${randomBytes(24).toString('base64url')}`;
    this.access.set(accessToken, {
      realmId: grant.realmId,
      expiresAtMs: this.now() + this.options.accessTokenTtlSeconds * 1000,
    });
    let issued = refreshToken;
    if (this.options.rotateRefreshTokens) {
      issued = `qbo-rt-${randomBytes(24).toString('base64url')}`;
      this.refresh.delete(refreshToken);
      this.refresh.set(issued, grant);
    }
    return {
      token_type: 'bearer',
      access_token: accessToken,
      expires_in: this.options.accessTokenTtlSeconds,
      refresh_token: issued,
      x_refresh_token_expires_in: Math.floor((grant.expiresAtMs - this.now()) / 1000),
    };
  }

  checkAccess(token: string | undefined): AccessCheck {
    if (!token) return { ok: false, detail: 'Authorization header missing' };
    const grant = this.access.get(token);
    if (!grant) return { ok: false, detail: 'Malformed bearer token: too short or too long' };
    if (grant.expiresAtMs <= this.now())
      return { ok: false, detail: `Token expired: ${token.slice(0, 12)}...` };
    return { ok: true, realmId: grant.realmId };
  }

  /** Revocation (`/oauth2/v1/tokens/revoke`): a refresh token takes its access tokens with it. */
  revoke(token: string): void {
    const grant = this.refresh.get(token);
    this.access.delete(token);
    this.refresh.delete(token);
    if (grant)
      for (const [t, g] of this.access) if (g.realmId === grant.realmId) this.access.delete(t);
  }

  /** The `expireTokens` fault: every access token dies now (refresh tokens survive). */
  expireAccessTokens(): void {
    for (const grant of this.access.values()) grant.expiresAtMs = this.now();
  }

  private now(): number {
    return this.options.clock().getTime();
  }
}
