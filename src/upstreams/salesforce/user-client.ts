import { Connection } from 'jsforce';
import type { UserCredentials } from '../../auth/request-credentials';
import type { UpstreamCallObserver } from '../../observability';
import { BoundedTransport } from './bounded-transport';
import type { SalesforceClient } from './client';
import { createJsforceClient, type JsforceClientOptions } from './jsforce-client';

export interface UserClientOptions extends JsforceClientOptions {
  apiVersion: string;
  timeoutMs: number;
  /** Metrics: sees every HTTP call of this client. */
  observer?: UpstreamCallObserver;
}

/**
 * A Salesforce client acting as the signed-in user: their own jsforce Connection (instance URL
 * and access token from the vault) behind the same bounded transport and retry policy as the
 * integration client. One per request, so nothing of one user can leak into another's calls.
 */
export function createUserSalesforceClient(
  credentials: UserCredentials,
  options: UserClientOptions,
): SalesforceClient {
  const connection = new Connection({
    instanceUrl: credentials.instanceUrl,
    accessToken: credentials.accessToken,
    version: options.apiVersion,
    // A 401 (INVALID_SESSION_ID) lands here; the refresher makes one token call per user
    // however many requests and instances hit it, and ends the session on invalid_grant.
    refreshFn: (conn, callback) => {
      credentials.refreshAccessToken().then(
        (accessToken) => {
          conn.instanceUrl = credentials.instanceUrl;
          callback(null, accessToken);
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  // jsforce takes no transport option; its private `_transport` is the only way to route
  // every call through BoundedTransport (no hidden jsforce retries, a bounded timeout).
  connection._transport = new BoundedTransport(options.timeoutMs, options.observer);
  // jsforce would otherwise spend an API call to discover the identity URL.
  connection.userInfo = {
    id: credentials.userId,
    organizationId: credentials.orgId,
    url: credentials.identityUrl,
  };
  // The process's shared policies: one breaker and bulkhead for Salesforce, whoever calls.
  return createJsforceClient(
    { connection: () => Promise.resolve(connection) },
    {
      ...(options.resilience ? { resilience: options.resilience } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    },
  );
}
