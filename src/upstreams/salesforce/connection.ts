import { Connection, OAuth2 } from 'jsforce';
import type { TokenResponse } from 'jsforce/lib/oauth2';
import type { UpstreamCallObserver } from '../../observability';
import { BoundedTransport } from './bounded-transport';
import { parsePrivateKey, signJwtBearerAssertion } from './jwt-assertion';

export type IntegrationAuth =
  | { kind: 'client_credentials'; clientId: string; clientSecret: string }
  | { kind: 'jwt_bearer'; clientId: string; username: string; privateKeyPem: string };

export interface SalesforceConnectionOptions {
  /** OAuth host: https://login.salesforce.com, or the emulator's URL. */
  loginUrl: string;
  /** Overrides the token response's instance_url (e.g. a proxy in front of the org). */
  instanceUrl?: string;
  /** Pinned: jsforce defaults to 50.0. */
  apiVersion: string;
  timeoutMs: number;
  auth: IntegrationAuth;
  /** Refreshes allowed in `refreshWindowMs` before giving up (jsforce would loop forever). */
  maxRefreshesPerWindow?: number;
  refreshWindowMs?: number;
  /** Metrics: sees every HTTP call of this session (token requests included). */
  observer?: UpstreamCallObserver;
}

/** A lazily logged-in jsforce Connection for the gateway's integration user. */
export interface SalesforceSession {
  connection(): Promise<Connection>;
}

const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function createTokenRequester(
  options: SalesforceConnectionOptions,
): (oauth2: OAuth2) => Promise<TokenResponse> {
  const { auth } = options;
  if (auth.kind === 'client_credentials') {
    return (oauth2) => oauth2.requestToken({ grant_type: 'client_credentials' });
  }
  // Parsed at first use so a bad key fails the login (reported), not the process start.
  let key: ReturnType<typeof parsePrivateKey> | undefined;
  return async (oauth2) => {
    key ??= parsePrivateKey(auth.privateKeyPem);
    const assertion = signJwtBearerAssertion(
      { issuer: auth.clientId, subject: auth.username, audience: trimSlash(options.loginUrl) },
      key,
    );
    return oauth2.requestToken({ grant_type: JWT_BEARER_GRANT, assertion });
  };
}

export function createSalesforceSession(options: SalesforceConnectionOptions): SalesforceSession {
  const loginUrl = trimSlash(options.loginUrl);
  const transport = new BoundedTransport(options.timeoutMs, options.observer);
  // The JWT flow authenticates with the assertion alone; a client secret is not part of it.
  const oauth2 = new OAuth2(
    options.auth.kind === 'client_credentials'
      ? { loginUrl, clientId: options.auth.clientId, clientSecret: options.auth.clientSecret }
      : { loginUrl },
  );
  // jsforce takes no transport option; its private `_transport` is the only way to route
  // every call through BoundedTransport (no hidden jsforce retries, a bounded timeout).
  oauth2._transport = transport;
  const requestToken = createTokenRequester(options);
  const maxRefreshes = options.maxRefreshesPerWindow ?? 3;
  const windowMs = options.refreshWindowMs ?? 10_000;
  const recentRefreshes: number[] = [];

  const connection = new Connection({
    loginUrl,
    version: options.apiVersion,
    oauth2,
    // client_credentials and JWT grants issue no refresh token: a new grant is the refresh.
    refreshFn: (conn, callback) => {
      const now = Date.now();
      while (recentRefreshes.length > 0 && (recentRefreshes[0] ?? now) < now - windowMs) {
        recentRefreshes.shift();
      }
      if (recentRefreshes.length >= maxRefreshes) {
        const error = new Error('Salesforce keeps rejecting freshly issued access tokens');
        error.name = 'INVALID_SESSION_ID';
        callback(error);
        return;
      }
      recentRefreshes.push(now);
      requestToken(oauth2).then(
        (token) => {
          conn.instanceUrl = options.instanceUrl ?? token.instance_url;
          callback(null, token.access_token, token);
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  // jsforce takes no transport option; its private `_transport` is the only way to route
  // every call through BoundedTransport (no hidden jsforce retries, a bounded timeout).
  connection._transport = transport;

  let login: Promise<Connection> | undefined;
  return {
    connection() {
      login ??= (async () => {
        const token = await requestToken(oauth2);
        return establish(connection, token, options.instanceUrl);
      })();
      // A failed login is retried by the next call instead of being cached forever.
      login.catch(() => {
        login = undefined;
      });
      return login;
    },
  };
}

function establish(
  connection: Connection,
  token: TokenResponse,
  instanceUrl: string | undefined,
): Connection {
  // What Connection#authorize does, kept here so the refresh path shares the token request;
  // jsforce reads user and org ids from the `id` URL's last two segments.
  const segments = token.id.split('/');
  const userId = segments.pop() ?? '';
  const organizationId = segments.pop() ?? '';
  connection._establish({
    instanceUrl: instanceUrl ?? token.instance_url,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    userInfo: { id: userId, organizationId, url: token.id },
  });
  return connection;
}
