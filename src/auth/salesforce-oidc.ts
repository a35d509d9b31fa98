import type { Logger } from 'pino';
import * as oidc from 'openid-client';
import { LoginFlowError } from './auth-errors';
import type { Keyring } from './encryption-keys';
import { openFlowState, sealFlowState } from './login-flow-state';
import type { SalesforceOidcClient } from './oidc-client';
import { identityFromIdUrl, type SalesforceIdentity } from './salesforce-identity';
import type { Session, SessionStore } from './sessions';
import { vaultKeyFor, type TokenVault } from './token-vault';
import { idKey } from '../upstreams/salesforce/soql/salesforce-id';

export interface SalesforceLoginDeps {
  client: SalesforceOidcClient;
  vault: TokenVault;
  sessions: SessionStore;
  /** Seals the flow cookie; derive it from the vault keyring with deriveKeyring(keyring, 'login-flow'). */
  flowKeyring: Keyring;
  logger: Logger;
  /** How long a started login may take before its callback is refused. Default 10 minutes. */
  flowMaxAgeMs?: number;
}

export interface StartedLogin {
  /** Salesforce authorize URL to redirect the browser to. */
  url: URL;
  /** Sealed {state, nonce, code_verifier}; goes into the flow cookie. */
  flowCookieValue: string;
  flowMaxAgeMs: number;
}

export const DEFAULT_FLOW_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * The OAuth 2.0 web-server flow with PKCE (S256), state and nonce: start, finish (code
 * exchange, id_token validation, tokens to the vault, a new gateway session) and logout.
 */
export class SalesforceLogin {
  private readonly flowMaxAgeMs: number;

  constructor(private readonly deps: SalesforceLoginDeps) {
    this.flowMaxAgeMs = deps.flowMaxAgeMs ?? DEFAULT_FLOW_MAX_AGE_MS;
  }

  async startLogin(): Promise<StartedLogin> {
    const flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      createdAt: Date.now(),
    };
    const url = await this.deps.client.authorizationUrl(flow);
    this.deps.logger.info({ event: 'login.start' }, 'login started');
    return {
      url,
      flowCookieValue: sealFlowState(flow, this.deps.flowKeyring),
      flowMaxAgeMs: this.flowMaxAgeMs,
    };
  }

  /** Throws LoginFlowError for anything that is not a clean, fully validated login. */
  async finishLogin(callbackUrl: URL, flowCookieValue: string | undefined): Promise<Session> {
    const flow = openFlowState(flowCookieValue, this.deps.flowKeyring, this.flowMaxAgeMs);
    let exchanged;
    try {
      exchanged = await this.deps.client.exchangeCode(callbackUrl, flow);
    } catch (err) {
      throw this.loginFailure(err);
    }
    const { tokens, claims } = exchanged;
    const identity = identityFromIdUrl(tokens.identityUrl);
    if (!identity || !subjectMatches(claims.sub, identity)) {
      this.deps.logger.warn(
        { event: 'login.identity-mismatch' },
        'id_token subject does not match the token identity',
      );
      throw new LoginFlowError(
        'identity-invalid',
        'the identity in the token response is not consistent',
      );
    }
    const vaultKey = vaultKeyFor(identity.orgId, identity.userId);
    await this.deps.vault.put(vaultKey, tokens);
    const session = await this.deps.sessions.create({
      userId: identity.userId,
      orgId: identity.orgId,
      username: usernameOf(claims, identity),
      instanceUrl: tokens.instanceUrl,
      vaultKey,
    });
    this.deps.logger.info(
      { event: 'login.success', userId: identity.userId, orgId: identity.orgId },
      'login completed',
    );
    return session;
  }

  /**
   * Revokes the user's grant at Salesforce, then forgets it. The vault holds one grant per
   * user, so the user's other gateway sessions end with it (they get SessionEndedError).
   */
  async logout(session: Session): Promise<void> {
    const { vaultKey, userId } = session.record;
    const tokens = await this.deps.vault.get(vaultKey).catch(() => undefined);
    if (tokens && this.deps.client.revocationSupported) {
      // Access token first: not every server cascades a refresh-token revocation to it.
      for (const token of [tokens.accessToken, tokens.refreshToken]) {
        if (!token) continue;
        try {
          await this.deps.client.revoke(token);
        } catch (err) {
          this.deps.logger.warn(
            { event: 'logout.revoke-failed', userId, error: errorName(err) },
            'revocation failed',
          );
        }
      }
    }
    await Promise.all([this.deps.vault.delete(vaultKey), this.deps.sessions.delete(session.id)]);
    this.deps.logger.info({ event: 'logout', userId }, 'logged out');
  }

  private loginFailure(err: unknown): LoginFlowError {
    if (err instanceof oidc.AuthorizationResponseError) {
      this.deps.logger.warn({ event: 'login.denied', error: err.error }, 'authorization denied');
      return new LoginFlowError(
        'authorization-denied',
        `Salesforce denied the authorization: ${err.error}`,
      );
    }
    // openid-client messages name the failed check (state, nonce, signature), never a value.
    const detail = describe(err);
    const oauthError = err instanceof oidc.ResponseBodyError ? err.error : undefined;
    this.deps.logger.warn(
      { event: 'login.failed', error: errorName(err), oauthError, detail },
      'login callback rejected',
    );
    return new LoginFlowError(
      'token-exchange-failed',
      `login could not be completed: ${oauthError ?? detail}`,
    );
  }
}

/** Salesforce puts the identity URL in `sub`; a bare user id is accepted as well. */
function subjectMatches(sub: string, identity: SalesforceIdentity): boolean {
  const fromUrl = identityFromIdUrl(sub);
  if (fromUrl)
    return sameId(fromUrl.orgId, identity.orgId) && sameId(fromUrl.userId, identity.userId);
  return sameId(sub, identity.userId);
}

function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

function usernameOf(claims: oidc.IDToken, identity: SalesforceIdentity): string {
  const preferred = claims.preferred_username;
  if (typeof preferred === 'string' && preferred.length > 0) return preferred;
  return typeof claims.email === 'string' ? claims.email : identity.userId;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}

function errorName(err: unknown): string {
  return err instanceof Error
    ? `${err.name}${'code' in err ? `:${String(err.code)}` : ''}`
    : typeof err;
}
