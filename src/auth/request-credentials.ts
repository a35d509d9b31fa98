import type { IncomingHttpHeaders } from 'node:http';
import type { AuthMode } from '../config/config.types';
import type { ApiKeyVerifier } from './api-keys';
import { InvalidCredentialsError, SessionEndedError } from './auth-errors';
import { SESSION_COOKIE, parseCookies } from './cookies';
import type { Session, SessionStore } from './sessions';
import type { TokenRefresher } from './token-refresher';
import type { SalesforceTokens, TokenVault } from './token-vault';

/**
 * The auth modes that ask callers for credentials (demo asks for none). `user`: a session
 * cookie or gateway bearer of a logged-in Salesforce user; `integration`: an API key.
 */
export type CredentialMode = Exclude<AuthMode, 'demo'>;

/** jsforce's `refreshFn` shape (lib/session-refresh-delegate.d.ts), without importing jsforce. */
export type JsforceRefreshFn = (
  conn: unknown,
  callback: (err: Error | null | undefined, accessToken?: string) => unknown,
) => void;

export interface UserCredentials {
  kind: 'user';
  userId: string;
  orgId: string;
  username: string;
  instanceUrl: string;
  /** The token response's `id` (`.../id/<orgId>/<userId>`), jsforce's `userInfo.url`. */
  identityUrl: string;
  /** The current access token; updated in place by refreshAccessToken. */
  accessToken: string;
  session: Session;
  /**
   * A new access token after Salesforce rejected the current one (INVALID_SESSION_ID).
   * Throws SessionEndedError when the grant is gone, or when a token refreshed moments ago
   * is already rejected again: that breaks jsforce's refresh-and-retry loop.
   */
  refreshAccessToken(): Promise<string>;
  /** Pass as `refreshFn` to `new jsforce.Connection(...)`. */
  jsforceRefreshFn: JsforceRefreshFn;
}

export interface IntegrationCredentials {
  kind: 'integration';
  /** Name of the API key entry that matched. */
  apiKeyName: string;
}

export type ViewerCredentials = UserCredentials | IntegrationCredentials;

export type HeaderBag = IncomingHttpHeaders | Record<string, string | string[] | undefined>;

export interface CredentialResolverDeps {
  mode: CredentialMode;
  sessions: SessionStore;
  vault: TokenVault;
  refresher: TokenRefresher;
  /** Required in integration mode. */
  apiKeys?: ApiKeyVerifier;
  /** A second refresh within this window means the new token is rejected too. Default 5 s. */
  minRefreshIntervalMs?: number;
  loginPath?: string;
}

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The gateway session id from `Authorization: Bearer <token>` or the session cookie. */
export function sessionIdFrom(headers: HeaderBag): string | undefined {
  const authorization = header(headers, 'authorization');
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer) return bearer;
  return parseCookies(header(headers, 'cookie')).get(SESSION_COOKIE);
}

/**
 * Turns request headers into credentials, once per HTTP request or WebSocket connection.
 * Returns undefined when nothing was presented (the server decides whether anonymous is
 * allowed); throws SessionEndedError when something was presented but is no longer valid,
 * so the client gets UNAUTHENTICATED with a re-login hint instead of anonymous data.
 */
export class CredentialResolver {
  constructor(private readonly deps: CredentialResolverDeps) {}

  async resolveCredentialsFromRequest(headers: HeaderBag): Promise<ViewerCredentials | undefined> {
    if (this.deps.mode === 'integration') return this.resolveApiKey(headers);
    const sessionId = sessionIdFrom(headers);
    if (!sessionId) return undefined;
    const session = await this.deps.sessions.get(sessionId);
    if (!session) throw new SessionEndedError('session-expired', this.deps.loginPath);
    const tokens = await this.deps.vault.get(session.record.vaultKey);
    if (!tokens) {
      await this.deps.sessions.delete(sessionId);
      throw new SessionEndedError('tokens-missing', this.deps.loginPath);
    }
    return this.userCredentials(session, tokens);
  }

  private resolveApiKey(headers: HeaderBag): IntegrationCredentials | undefined {
    const presented = header(headers, 'x-api-key');
    if (presented === undefined) return undefined;
    const principal = this.deps.apiKeys?.verify(presented);
    if (!principal) throw new InvalidCredentialsError('the API key is not valid');
    return { kind: 'integration', apiKeyName: principal.name };
  }

  private userCredentials(session: Session, tokens: SalesforceTokens): UserCredentials {
    const { refresher } = this.deps;
    const minInterval = this.deps.minRefreshIntervalMs ?? 5_000;
    let lastRefreshAt = 0;
    const credentials: UserCredentials = {
      kind: 'user',
      userId: session.record.userId,
      orgId: session.record.orgId,
      username: session.record.username,
      instanceUrl: tokens.instanceUrl,
      identityUrl: tokens.identityUrl,
      accessToken: tokens.accessToken,
      session,
      refreshAccessToken: async () => {
        if (lastRefreshAt > 0 && Date.now() - lastRefreshAt < minInterval) {
          throw new SessionEndedError('refreshed-token-rejected', this.deps.loginPath);
        }
        const fresh = await refresher.refresh(session.record.vaultKey, credentials.accessToken);
        lastRefreshAt = Date.now();
        credentials.accessToken = fresh.accessToken;
        credentials.instanceUrl = fresh.instanceUrl;
        return fresh.accessToken;
      },
      jsforceRefreshFn: (_conn, callback) => {
        credentials.refreshAccessToken().then(
          (token) => callback(null, token),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
      },
    };
    return credentials;
  }
}
