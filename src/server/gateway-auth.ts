import { createAuth, type Auth } from '../auth/create-auth';
import type { ApiBudget } from '../upstreams/salesforce/api-budget';
import { LOGIN_PATH, type AuthRouteHandler } from '../auth/http-routes';
import type { CredentialMode, HeaderBag, UserCredentials } from '../auth/request-credentials';
import type { Viewer } from '../auth/viewer';
import type { AuthMode, GatewayConfig } from '../config';
import { fromAuthError, unauthenticated } from '../errors';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { discoveryReadiness, integrationReadiness, type ReadinessProbe } from './health-routes';
import type { Logger } from '../logging/logger';
import type { UpstreamCallObserver } from '../observability';
import { createUserSalesforceClient } from '../upstreams/salesforce/user-client';
import { FieldVisibility, fieldSecuredClient } from '../upstreams/salesforce/field-security';
import type { UpstreamResilience } from '../upstreams/resilience';
import type { RequestViewer, ResolveViewer } from '../context/request-viewer';
import { createIntegrationViewerProvider } from './viewer-provider';

export interface GatewayAuth {
  readonly mode: AuthMode;
  /** Absolute URL that starts the browser login (user mode). */
  readonly loginUrl: string | undefined;
  /** Answers /auth/* and resolves true; resolves false for any other path. */
  handleAuthRoute: AuthRouteHandler;
  resolveViewer: ResolveViewer;
  /**
   * True when the headers carry a credential this mode accepts (a session, an API key),
   * checked without calling Salesforce; the demo has no credentials, so never.
   */
  authenticated(headers: HeaderBag): Promise<boolean>;
  readiness: ReadinessProbe;
  close(): Promise<void>;
}

export interface GatewayAuthDeps {
  config: GatewayConfig;
  /** GATEWAY_PUBLIC_URL, or the listening address when it is not set. */
  publicUrl: string;
  /** The integration user's client (demo and integration modes). */
  integrationClient: SalesforceClient | undefined;
  logger: Logger;
  /** The process's Salesforce breaker and bulkhead, shared by every user's client. */
  salesforceResilience?: UpstreamResilience;
  /** Metrics for the per-user Salesforce clients (user mode). */
  salesforceObserver?: UpstreamCallObserver;
  /** The org's daily API allocation, checked before every per-user call too. */
  salesforceBudget?: ApiBudget;
}

const notAnAuthRoute: AuthRouteHandler = () => Promise.resolve(false);

export async function createGatewayAuth(deps: GatewayAuthDeps): Promise<GatewayAuth> {
  const { config } = deps;
  if (config.auth.mode === 'user') return createUserModeAuth(deps);
  const salesforce = deps.integrationClient;
  if (!salesforce) throw new Error(`AUTH_MODE=${config.auth.mode} needs the integration client`);
  const integrationViewer = createIntegrationViewerProvider(
    salesforce,
    config.auth.mode === 'demo' ? 'demo' : 'integration',
  );
  // Warm the integration viewer so the first request does not pay for the identity call;
  // an outage here is not fatal: /readyz reports it and the next request retries.
  await integrationViewer().catch((err: unknown) =>
    deps.logger.warn({ err }, 'Salesforce identity not available yet'),
  );
  const asIntegrationUser = async (): Promise<RequestViewer> => ({
    viewer: await integrationViewer(),
    salesforce,
  });
  const base = {
    loginUrl: undefined,
    handleAuthRoute: notAnAuthRoute,
    readiness: integrationReadiness(salesforce),
  };
  if (config.auth.mode === 'demo') {
    return {
      ...base,
      mode: 'demo',
      resolveViewer: asIntegrationUser,
      authenticated: () => Promise.resolve(false),
      close: () => Promise.resolve(),
    };
  }
  const auth = await buildAuth(deps, 'integration');
  return {
    ...base,
    mode: 'integration',
    resolveViewer: async (headers) => {
      const credentials = await authenticate(auth, headers);
      if (!credentials) {
        throw unauthenticated('An API key is required (X-API-Key header)', {
          reason: 'credentials-missing',
        });
      }
      const resolved = await asIntegrationUser();
      // Every key acts as the same integration user; the key's name tells callers apart.
      const apiKeyName = credentials.kind === 'integration' ? credentials.apiKeyName : undefined;
      return { ...resolved, viewer: { ...resolved.viewer, apiKeyName } };
    },
    authenticated: async (headers) =>
      (await authenticate(auth, headers).catch(() => undefined)) !== undefined,
    close: () => auth.close(),
  };
}

async function createUserModeAuth(deps: GatewayAuthDeps): Promise<GatewayAuth> {
  const { config } = deps;
  const auth = await buildAuth(deps, 'user');
  const clientOptions = {
    apiVersion: config.salesforce.apiVersion,
    timeoutMs: config.salesforce.timeoutMs,
    logger: deps.logger,
    ...(deps.salesforceResilience ? { resilience: deps.salesforceResilience } : {}),
    ...(deps.salesforceObserver ? { observer: deps.salesforceObserver } : {}),
    ...(deps.salesforceBudget ? { budget: deps.salesforceBudget } : {}),
  };
  const loginUrl = config.salesforce.loginUrl;
  if (loginUrl === undefined) throw new Error('AUTH_MODE=user needs SALESFORCE_LOGIN_URL');
  // Field-level security per viewer: their describe (cached per user) decides which custom
  // fields their queries may name; the rest resolve to null instead of failing the query.
  const visibility = new FieldVisibility();
  const securedFor = (credentials: UserCredentials, client: SalesforceClient): SalesforceClient =>
    fieldSecuredClient(client, () =>
      visibility.hiddenFor(`${credentials.orgId}:${credentials.userId}`, client),
    );
  return {
    mode: 'user',
    loginUrl: new URL(LOGIN_PATH, `${deps.publicUrl}/`).href,
    handleAuthRoute: auth.handleAuthRoute,
    readiness: discoveryReadiness(loginUrl, config.salesforce.timeoutMs),
    resolveViewer: async (headers) => {
      const credentials = await authenticate(auth, headers);
      if (credentials?.kind !== 'user') {
        throw unauthenticated('Log in with Salesforce to use the gateway', {
          reason: 'credentials-missing',
          login: LOGIN_PATH,
        });
      }
      return {
        viewer: userViewer(credentials),
        salesforce: securedFor(credentials, createUserSalesforceClient(credentials, clientOptions)),
      };
    },
    authenticated: async (headers) =>
      (await authenticate(auth, headers).catch(() => undefined))?.kind === 'user',
    close: () => auth.close(),
  };
}

function userViewer(credentials: UserCredentials): Viewer {
  return {
    userId: credentials.userId,
    orgId: credentials.orgId,
    username: credentials.username,
    mode: 'user',
    cacheScope: `${credentials.orgId}:${credentials.userId}`,
  };
}

async function authenticate(auth: Auth, headers: HeaderBag) {
  try {
    return await auth.resolveCredentialsFromRequest(headers);
  } catch (err) {
    throw fromAuthError(err) ?? err;
  }
}

function buildAuth(deps: GatewayAuthDeps, mode: CredentialMode): Promise<Auth> {
  const { config } = deps;
  const settings = config.auth;
  const connectedApp = settings.connectedApp;
  const loginUrl = config.salesforce.loginUrl;
  return createAuth({
    mode,
    gatewayUrl: deps.publicUrl,
    tokenEncryptionKeys: settings.tokenEncryptionKeys,
    redisUrl: config.redisUrl,
    sessionTtlSeconds: settings.sessionTtlSeconds,
    logger: deps.logger.child({ component: 'auth' }),
    ...(settings.apiKeys ? { apiKeys: settings.apiKeys } : {}),
    ...(mode === 'user' && connectedApp && loginUrl !== undefined
      ? {
          salesforce: {
            loginUrl,
            clientId: connectedApp.clientId,
            clientSecret: connectedApp.clientSecret,
            ...(settings.redirectUri ? { redirectUri: settings.redirectUri } : {}),
            // Real Salesforce is https only; plain http is the loopback emulator.
            allowInsecureHttp: config.salesforce.mode === 'emulator',
          },
        }
      : {}),
  });
}
