import type { AuthConfig, GatewayConfig, SalesforceConfig } from '../config';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../emulators/salesforce';
import { DEMO_USERS } from '../emulators/seed/salesforce-users';
import { deepFreeze } from '../config/load-config';
import { CALLBACK_PATH } from '../auth/http-routes';

/** The one place the gateway imports the emulator (ARCHITECTURE.md: demo bootstrap only). */
export interface DemoSalesforce {
  emulator: RunningSalesforceEmulator;
  /**
   * `config` pointed at the emulator: its client_credentials integration user, and in
   * AUTH_MODE=user its demo connected app with the gateway's callback URL registered.
   */
  config: GatewayConfig;
  demoUsers: Array<{ username: string; password: string; name: string; viewAllData: boolean }>;
  oauthClient: { clientId: string; clientSecret: string };
}

export async function startDemoSalesforce(
  config: GatewayConfig,
  overrides: SalesforceEmulatorOptions = {},
): Promise<DemoSalesforce> {
  if (config.salesforce.mode !== 'emulator') {
    throw new Error('startDemoSalesforce needs SALESFORCE_MODE=emulator');
  }
  const settings = config.salesforce.emulator;
  const callbacks = callbackUrls(config);
  const emulator = await startSalesforceEmulator({
    port: settings.port,
    scale: settings.seedScale,
    latencyMs: settings.latencyMs,
    dailyApiLimit: settings.dailyApiLimit,
    accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
    apiVersion: config.salesforce.apiVersion,
    ...overrides,
    redirectUris: [
      ...new Set([...(overrides.redirectUris ?? DEMO_OAUTH_CLIENT.redirectUris), ...callbacks]),
    ],
  });
  const clientId = overrides.clientId ?? DEMO_OAUTH_CLIENT.clientId;
  const clientSecret = overrides.clientSecret ?? DEMO_OAUTH_CLIENT.clientSecret;
  const salesforce: SalesforceConfig = {
    ...config.salesforce,
    loginUrl: emulator.url,
    auth: { kind: 'client_credentials', clientId, clientSecret },
  };
  const auth: AuthConfig =
    config.auth.mode === 'user' && config.auth.connectedApp === undefined
      ? { ...config.auth, connectedApp: { clientId, clientSecret } }
      : config.auth;
  return {
    emulator,
    config: deepFreeze({ ...config, salesforce, auth }),
    oauthClient: {
      clientId: DEMO_OAUTH_CLIENT.clientId,
      clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
    },
    demoUsers: DEMO_USERS.map((u) => ({
      username: u.Username,
      password: u.password,
      name: u.Name,
      viewAllData: u.viewAllData,
    })),
  };
}

/**
 * The callback URLs the gateway will present, registered on the emulated connected app as a
 * real org's admin would: the configured one, or the public/listening address when the port
 * is known up front (PORT=0 needs GATEWAY_PUBLIC_URL or SALESFORCE_REDIRECT_URI).
 */
function callbackUrls(config: GatewayConfig): string[] {
  if (config.auth.mode !== 'user') return [];
  if (config.auth.redirectUri) return [config.auth.redirectUri];
  if (config.auth.publicUrl) return [new URL(CALLBACK_PATH, `${config.auth.publicUrl}/`).href];
  if (config.port === 0) return [];
  const hosts = new Set([
    'localhost',
    '127.0.0.1',
    config.host.includes(':') ? `[${config.host}]` : config.host,
  ]);
  return [...hosts].map((host) => `http://${host}:${config.port}${CALLBACK_PATH}`);
}
