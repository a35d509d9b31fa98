import type { GatewayConfig } from '../../config';
import type { UpstreamCallObserver } from '../../observability';
import { createSalesforceSession, type SalesforceSession } from './connection';
import type { SalesforceClient } from './client';
import { createJsforceClient, type JsforceClientOptions } from './jsforce-client';

/** The integration user's logged-in session for the configured org (live, or the demo emulator). */
export function createIntegrationSession(
  config: GatewayConfig,
  observer?: UpstreamCallObserver,
): SalesforceSession {
  const salesforce = config.salesforce;
  if (salesforce.loginUrl === undefined || salesforce.auth === undefined) {
    throw new Error(
      'Salesforce emulator mode needs a login URL and client credentials: start through the demo bootstrap (src/server/demo-bootstrap.ts) or set SALESFORCE_LOGIN_URL and SALESFORCE_CLIENT_ID/SECRET',
    );
  }
  return createSalesforceSession({
    loginUrl: salesforce.loginUrl,
    ...(salesforce.mode === 'live' && salesforce.instanceUrl !== undefined
      ? { instanceUrl: salesforce.instanceUrl }
      : {}),
    apiVersion: salesforce.apiVersion,
    timeoutMs: salesforce.timeoutMs,
    auth: salesforce.auth,
    ...(observer ? { observer } : {}),
  });
}

/** True when an integration credential is configured (user mode may still have one for CDC). */
export function hasIntegrationCredential(config: GatewayConfig): boolean {
  return config.salesforce.loginUrl !== undefined && config.salesforce.auth !== undefined;
}

/** The integration user's client for the configured org (live, or the demo emulator). */
export function createSalesforceClient(
  config: GatewayConfig,
  session: SalesforceSession = createIntegrationSession(config),
  options: JsforceClientOptions = {},
): SalesforceClient {
  return createJsforceClient(session, options);
}
