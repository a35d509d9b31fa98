import { Connection } from 'jsforce';
import type { UserCredentials } from '../../auth/request-credentials';
import { BoundedTransport } from './bounded-transport';
import type { SalesforceClient } from './client';
import { createJsforceClient } from './jsforce-client';
import type { SalesforceRecord } from './soql';
import { queryAllRowsWith } from './query-all-rows';

export interface UserClientOptions {
  apiVersion: string;
  timeoutMs: number;
}

export interface UserSalesforce {
  client: SalesforceClient;
  /** `/queryAll` as the user: whether they could see a record that is now deleted. */
  queryAllRows: (soql: string) => Promise<SalesforceRecord[]>;
}

/**
 * A Salesforce client acting as the signed-in user: their own jsforce Connection (instance URL
 * and access token from the vault) behind the same bounded transport and retry policy as the
 * integration client. One per request, so nothing of one user can leak into another's calls.
 */
export function createUserSalesforce(
  credentials: UserCredentials,
  options: UserClientOptions,
): UserSalesforce {
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
  connection._transport = new BoundedTransport(options.timeoutMs);
  // jsforce would otherwise spend an API call to discover the identity URL.
  connection.userInfo = {
    id: credentials.userId,
    organizationId: credentials.orgId,
    url: credentials.identityUrl,
  };
  const session = { connection: () => Promise.resolve(connection) };
  return { client: createJsforceClient(session), queryAllRows: queryAllRowsWith(session) };
}

export function createUserSalesforceClient(
  credentials: UserCredentials,
  options: UserClientOptions,
): SalesforceClient {
  return createUserSalesforce(credentials, options).client;
}
