import OAuthClient from 'intuit-oauth';
import type { RotatingSecretStore } from '../../auth/rotating-secret-store';
import type { Logger } from '../../logging/logger';
import { LinkedServiceError, parseRetryAfter } from '../linked';

export interface QuickBooksTokenSettings {
  realmId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  environment: 'production' | 'sandbox';
  tokenUrl: string;
}

interface AccessToken {
  value: string;
  expiresAtMs: number;
}

/** What intuit-oauth's `getTokenRequest` rejects with (its `createError` wrapper). */
interface OAuthFailure {
  error?: unknown;
  error_description?: unknown;
  message?: unknown;
  authResponse?: { response?: { status?: unknown; headers?: Record<string, unknown> } } | string;
}

/** Used before it expires, so a call does not leave with a token that dies on the way. */
function earlyRenewalMs(expiresInSeconds: number): number {
  return Math.min(60, expiresInSeconds / 10) * 1000;
}

/**
 * The gateway's QuickBooks Online access token, from its refresh token through intuit-oauth.
 *
 * - Intuit rotates refresh tokens: every grant may return a new one and the old one dies
 *   soon after, so the newest is kept: sealed in the shared secret store when there is one
 *   (Redis with REDIS_URL: every instance and a restart use it; each grant runs under its
 *   lease, so two instances never spend the same token), else in memory.
 * - Single flight: concurrent calls that find the token missing or expired share one grant;
 *   two grants racing with the same refresh token could leave the loser with a dead one.
 * - intuit-oauth reads its token URL from a static (`OAuthClient.tokenEndpoint`) inside
 *   `refresh*()`. Setting it would point every client of the process (a second gateway, the
 *   tests' own clients) at our URL, so the grant goes through `getTokenRequest` with the URL in
 *   the request instead; its own retries are off on this instance (`linkedCall` retries).
 */
export class QuickBooksTokenRefresher {
  private refreshToken: string;
  private access: AccessToken | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly oauth: OAuthClient;

  constructor(
    private readonly settings: QuickBooksTokenSettings,
    private readonly timeoutMs: number,
    private readonly logger?: Logger,
    private readonly secrets?: RotatingSecretStore,
  ) {
    this.refreshToken = settings.refreshToken;
    this.oauth = new OAuthClient({
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      environment: settings.environment,
      // Required by the constructor; only the authorization-code flow uses it.
      redirectUri: 'http://localhost/unused',
    });
    this.oauth.shouldRetry = () => false;
  }

  /** A live access token: the cached one, or a fresh grant shared with concurrent callers. */
  accessToken(): Promise<string> {
    const access = this.access;
    if (access && Date.now() < access.expiresAtMs) return Promise.resolve(access.value);
    return this.refresh();
  }

  /**
   * QBO answered 401 to `rejected` (revoked, or expired early): a new grant, unless another
   * call already replaced that token.
   */
  renewAfterRejection(rejected: string): Promise<string> {
    const access = this.access;
    if (access && access.value !== rejected && Date.now() < access.expiresAtMs) {
      return Promise.resolve(access.value);
    }
    if (access?.value === rejected) this.access = undefined;
    return this.refresh();
  }

  private refresh(): Promise<string> {
    this.inFlight ??= this.grant().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** The configured refresh token's record in the shared store (per company and app). */
  private get secretKey(): string {
    return `quickbooks:${this.settings.realmId}:${this.settings.clientId}`;
  }

  private async grant(): Promise<string> {
    const secrets = this.secrets;
    if (secrets === undefined) return this.grantOnce();
    try {
      return await secrets.exclusive(this.secretKey, async () => {
        // Another instance (or this one before a restart) may have rotated it meanwhile.
        const latest = await secrets.latest(this.secretKey, this.settings.refreshToken);
        if (latest !== undefined) this.refreshToken = latest;
        const spent = this.refreshToken;
        const access = await this.grantOnce().catch((err: unknown) => {
          // A saved token Intuit no longer knows (revoked, or the store outlived a reconnect):
          // the configured one is the only other candidate, tried once.
          const fallback = this.settings.refreshToken;
          if (!(err instanceof LinkedServiceError) || err.kind !== 'rejected') throw err;
          if (spent === fallback) throw err;
          this.refreshToken = fallback;
          return this.grantOnce();
        });
        if (this.refreshToken !== spent) {
          await secrets.save(this.secretKey, this.settings.refreshToken, this.refreshToken);
        }
        return access;
      });
    } catch (err) {
      if (err instanceof LinkedServiceError) throw err;
      throw new LinkedServiceError(
        'quickbooks',
        'unavailable',
        'The QuickBooks Online token store is unavailable',
      );
    }
  }

  private async grantOnce(): Promise<string> {
    const startedAt = Date.now();
    let json: Record<string, unknown>;
    try {
      const response = await this.oauth.getTokenRequest({
        url: this.settings.tokenUrl,
        method: 'POST',
        // What intuit-oauth's own refresh sends (HTTP Basic client authentication, a form body).
        headers: {
          Authorization: `Basic ${this.oauth.authHeader()}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          'User-Agent': OAuthClient.user_agent,
        },
        data: { grant_type: 'refresh_token', refresh_token: this.refreshToken },
        timeout: this.timeoutMs,
      });
      json = (response.getJson() ?? {}) as Record<string, unknown>;
    } catch (err) {
      throw tokenError(err);
    }
    const value = json.access_token;
    if (typeof value !== 'string' || value === '') {
      throw new LinkedServiceError(
        'quickbooks',
        'unavailable',
        'The Intuit token endpoint answered without an access token',
      );
    }
    const expiresIn = Number(json.expires_in);
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600;
    this.access = {
      value,
      expiresAtMs: startedAt + lifetime * 1000 - earlyRenewalMs(lifetime),
    };
    const next = json.refresh_token;
    if (typeof next === 'string' && next !== '' && next !== this.refreshToken) {
      this.refreshToken = next;
      // Never the token itself: it is a long-lived secret.
      this.logger?.info({ service: 'quickbooks' }, 'QuickBooks Online rotated the refresh token');
    }
    return value;
  }
}

/**
 * A failed grant: `invalid_grant` / `invalid_client` (revoked or expired refresh token, wrong
 * client) → `rejected`; throttling → `rate-limited`; 5xx and no answer → `unavailable`.
 */
function tokenError(err: unknown): LinkedServiceError {
  const failure = (typeof err === 'object' && err !== null ? err : {}) as OAuthFailure;
  const response =
    typeof failure.authResponse === 'object' ? failure.authResponse.response : undefined;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const code = typeof failure.error === 'string' ? failure.error : undefined;
  if (status === undefined) {
    const message = typeof failure.message === 'string' ? failure.message : 'no answer';
    return new LinkedServiceError(
      'quickbooks',
      'unavailable',
      `The Intuit token endpoint could not be reached: ${message}`,
    );
  }
  if (status === 429) {
    const retryAfter = response?.headers?.['retry-after'];
    const seconds = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined);
    return new LinkedServiceError(
      'quickbooks',
      'rate-limited',
      'The Intuit token endpoint throttled the gateway',
      { statusCode: status, ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}) },
    );
  }
  if (status >= 500) {
    return new LinkedServiceError(
      'quickbooks',
      'unavailable',
      `The Intuit token endpoint is unavailable (HTTP ${status})`,
      { statusCode: status },
    );
  }
  return new LinkedServiceError(
    'quickbooks',
    'rejected',
    `Intuit refused the gateway's QuickBooks Online refresh token (${code ?? `HTTP ${status}`}): reconnect the app and set QUICKBOOKS_REFRESH_TOKEN to the new refresh token`,
    { statusCode: status },
  );
}
