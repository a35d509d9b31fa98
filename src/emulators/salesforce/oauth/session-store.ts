import { randomBytes } from 'node:crypto';

/** An issued access token. */
export interface Session {
  token: string;
  userId: string;
  clientId: string;
  scope: string;
  issuedAt: number;
  expiresAt: number;
  /** The refresh token it was minted from; revoking that one revokes this. */
  refreshToken: string | null;
}

export interface RefreshGrant {
  token: string;
  userId: string;
  clientId: string;
  scope: string;
}

export interface AuthorizationCode {
  code: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | undefined;
  nonce: string | undefined;
  expiresAt: number;
}

export type CodeLookup =
  { status: 'ok'; code: AuthorizationCode } | { status: 'expired' } | { status: 'invalid' };

export interface SessionStoreOptions {
  clock: () => Date;
  accessTokenTtlSeconds: number;
  /** Prefix of every access token; Salesforce's start with the 15-character org id and `!`. */
  tokenPrefix: string;
}

const CODE_TTL_MS = 10 * 60 * 1000;

/**
 * Opaque tokens and their owners. Access tokens expire; refresh tokens live until revoked;
 * authorization codes are single-use and live 10 minutes.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshGrants = new Map<string, RefreshGrant>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly options: SessionStoreOptions) {}

  issueAccessToken(grant: Omit<Session, 'token' | 'issuedAt' | 'expiresAt'>): Session {
    const now = this.now();
    const session: Session = {
      ...grant,
      token: `${this.options.tokenPrefix}!${randomBytes(48).toString('base64url')}`,
      issuedAt: now,
      expiresAt: now + this.options.accessTokenTtlSeconds * 1000,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  issueRefreshToken(grant: Omit<RefreshGrant, 'token'>): RefreshGrant {
    const refresh: RefreshGrant = {
      ...grant,
      token: `5Aep${randomBytes(48).toString('base64url')}`,
    };
    this.refreshGrants.set(refresh.token, refresh);
    return refresh;
  }

  /** The live session for an access token; undefined when unknown, revoked or expired. */
  findSession(token: string): Session | undefined {
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }

  findRefreshGrant(token: string): RefreshGrant | undefined {
    return this.refreshGrants.get(token);
  }

  /** Rotation: the old refresh token stops working, its access tokens keep theirs. */
  rotateRefreshToken(old: RefreshGrant): RefreshGrant {
    this.refreshGrants.delete(old.token);
    return this.issueRefreshToken({ userId: old.userId, clientId: old.clientId, scope: old.scope });
  }

  /** Revokes an access token, or a refresh token and every access token minted from it. */
  revoke(token: string): 'access' | 'refresh' | undefined {
    if (this.refreshGrants.delete(token)) {
      for (const [key, session] of this.sessions) {
        if (session.refreshToken === token) this.sessions.delete(key);
      }
      return 'refresh';
    }
    if (this.sessions.delete(token)) return 'access';
    return undefined;
  }

  issueCode(grant: Omit<AuthorizationCode, 'code' | 'expiresAt'>): string {
    const code = `aPrx${randomBytes(32).toString('base64url')}`;
    this.codes.set(code, { ...grant, code, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Takes a code out of the store: a second exchange of the same code fails. */
  consumeCode(code: string): CodeLookup {
    const found = this.codes.get(code);
    if (!found) return { status: 'invalid' };
    this.codes.delete(code);
    if (found.expiresAt <= this.now()) return { status: 'expired' };
    return { status: 'ok', code: found };
  }

  /** Fault injection: every access token dies now; refresh tokens still work. */
  expireAllSessions(): void {
    this.sessions.clear();
  }

  clear(): void {
    this.sessions.clear();
    this.refreshGrants.clear();
    this.codes.clear();
  }

  private now(): number {
    return this.options.clock().getTime();
  }
}
