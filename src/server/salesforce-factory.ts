import type { GatewayConfig } from '../config';
import { createSalesforceSession } from '../upstreams/salesforce/connection';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { createJsforceClient } from '../upstreams/salesforce/jsforce-client';

/** The integration user's client for the configured org (live, or the demo emulator). */
export function createSalesforceClient(config: GatewayConfig): SalesforceClient {
  const salesforce = config.salesforce;
  if (salesforce.loginUrl === undefined || salesforce.auth === undefined) {
    throw new Error(
      'Salesforce emulator mode needs a login URL and client credentials: start through the demo bootstrap (src/server/demo-bootstrap.ts) or set SALESFORCE_LOGIN_URL and SALESFORCE_CLIENT_ID/SECRET',
    );
  }
  const session = createSalesforceSession({
    loginUrl: salesforce.loginUrl,
    ...(salesforce.mode === 'live' && salesforce.instanceUrl !== undefined
      ? { instanceUrl: salesforce.instanceUrl }
      : {}),
    apiVersion: salesforce.apiVersion,
    timeoutMs: salesforce.timeoutMs,
    auth: salesforce.auth,
  });
  return createJsforceClient(session);
}
