import type { Logger } from 'pino';
import { ApiKeyVerifier, parseApiKeys } from './api-keys';
import { AuthConfigError } from './auth-errors';
import { createAuthLogger } from './auth-logger';
import { createAuthStore, type AuthStore } from './auth-store';
import { deriveKeyring, parseEncryptionKeys } from './encryption-keys';
import { CALLBACK_PATH, createAuthRouteHandler, type AuthRouteHandler } from './http-routes';
import {
  SalesforceOidcClient,
  isInvalidGrant,
  type SalesforceOidcClientOptions,
} from './oidc-client';
import {
  CredentialResolver,
  type CredentialMode,
  type HeaderBag,
  type ViewerCredentials,
} from './request-credentials';
import { SalesforceLogin } from './salesforce-oidc';
import { SessionStore } from './sessions';
import { TokenRefresher } from './token-refresher';
import { TokenVault } from './token-vault';

export interface AuthOptions {
  mode: CredentialMode;
  /** Public base URL of the gateway (`http://localhost:4000`). */
  gatewayUrl: string;
  /** TOKEN_ENCRYPTION_KEYS: `kid:base64key,...`, newest first. */
  tokenEncryptionKeys: string;
  /** REDIS_URL; omitted → memory (one instance). */
  redisUrl?: string;
  /** Key prefix in the store. Default `atom-auth`. */
  namespace?: string;
  /** SESSION_TTL_SECONDS. Default 8 hours. */
  sessionTtlSeconds?: number;
  /** Required in `user` mode. `redirectUri` defaults to `<gatewayUrl>/auth/salesforce/callback`. */
  salesforce?: Omit<SalesforceOidcClientOptions, 'redirectUri'> & { redirectUri?: string };
  /** Required in `integration` mode: API_KEYS and API_KEY_PEPPER (see api-keys.ts). */
  apiKeys?: { keys: string; pepper: string };
  logger?: Logger;
  /** Overrides for tests. */
  refresh?: { lockTtlMs?: number; pollIntervalMs?: number; minRefreshIntervalMs?: number };
}

export interface Auth {
  readonly mode: CredentialMode;
  /** Mount first in the HTTP server: `if (await auth.handleAuthRoute(req, res)) return;` */
  handleAuthRoute: AuthRouteHandler;
  /** Once per HTTP request and once per graphql-ws connection (onConnect). */
  resolveCredentialsFromRequest(headers: HeaderBag): Promise<ViewerCredentials | undefined>;
  readonly store: AuthStore;
  readonly sessions: SessionStore;
  readonly vault: TokenVault;
  readonly refresher: TokenRefresher;
  /** Present in `user` mode. */
  readonly login: SalesforceLogin | undefined;
  close(): Promise<void>;
}

const DEFAULT_SESSION_TTL_SECONDS = 8 * 60 * 60;

/** Builds every auth piece from plain options (config parsing stays in src/config). */
export async function createAuth(options: AuthOptions): Promise<Auth> {
  const logger = options.logger ?? createAuthLogger();
  const keyring = parseEncryptionKeys(options.tokenEncryptionKeys);
  const store = await createAuthStore({ redisUrl: options.redisUrl, namespace: options.namespace });
  const vault = new TokenVault(store.vault, keyring);
  const sessions = new SessionStore(
    store.sessions,
    (options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS) * 1000,
  );

  let client: SalesforceOidcClient | undefined;
  let login: SalesforceLogin | undefined;
  const redirectUri =
    options.salesforce?.redirectUri ?? new URL(CALLBACK_PATH, options.gatewayUrl).href;
  if (options.mode === 'user') {
    if (!options.salesforce)
      throw new AuthConfigError('AUTH_MODE=user needs the Salesforce connected app settings');
    client = await SalesforceOidcClient.discover({ ...options.salesforce, redirectUri });
    login = new SalesforceLogin({
      client,
      vault,
      sessions,
      flowKeyring: deriveKeyring(keyring, 'login-flow'),
      logger,
    });
  }
  const oidcClient = client;
  const refresher = new TokenRefresher({
    vault,
    lock: store.lock,
    refreshGrant: (refreshToken) => {
      if (!oidcClient) throw new AuthConfigError('token refresh needs AUTH_MODE=user');
      return oidcClient.refresh(refreshToken);
    },
    isInvalidGrant,
    logger,
    lockTtlMs: options.refresh?.lockTtlMs,
    pollIntervalMs: options.refresh?.pollIntervalMs,
  });

  let apiKeys: ApiKeyVerifier | undefined;
  if (options.mode === 'integration') {
    if (!options.apiKeys)
      throw new AuthConfigError('AUTH_MODE=integration needs API_KEYS and API_KEY_PEPPER');
    apiKeys = new ApiKeyVerifier(parseApiKeys(options.apiKeys.keys), options.apiKeys.pepper);
  }
  const resolver = new CredentialResolver({
    mode: options.mode,
    sessions,
    vault,
    refresher,
    apiKeys,
    minRefreshIntervalMs: options.refresh?.minRefreshIntervalMs,
  });

  const handleAuthRoute: AuthRouteHandler = login
    ? createAuthRouteHandler({
        login,
        sessions,
        gatewayUrl: options.gatewayUrl,
        redirectUri,
        logger,
      })
    : async () => false;

  return {
    mode: options.mode,
    handleAuthRoute,
    resolveCredentialsFromRequest: (headers) => resolver.resolveCredentialsFromRequest(headers),
    store,
    sessions,
    vault,
    refresher,
    login,
    close: () => store.close(),
  };
}
