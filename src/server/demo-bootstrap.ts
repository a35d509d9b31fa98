import type { GatewayConfig, SalesforceConfig } from '../config';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../emulators/salesforce';
import { DEMO_USERS } from '../emulators/seed/salesforce-users';
import { deepFreeze } from '../config/load-config';

/** The one place the gateway imports the emulator (ARCHITECTURE.md: demo bootstrap only). */
export interface DemoSalesforce {
  emulator: RunningSalesforceEmulator;
  /** `config` pointed at the emulator, logged in as its client_credentials integration user. */
  config: GatewayConfig;
  demoUsers: Array<{ username: string; password: string; name: string; viewAllData: boolean }>;
}

export async function startDemoSalesforce(
  config: GatewayConfig,
  overrides: SalesforceEmulatorOptions = {},
): Promise<DemoSalesforce> {
  if (config.salesforce.mode !== 'emulator') {
    throw new Error('startDemoSalesforce needs SALESFORCE_MODE=emulator');
  }
  const settings = config.salesforce.emulator;
  const emulator = await startSalesforceEmulator({
    port: settings.port,
    scale: settings.seedScale,
    latencyMs: settings.latencyMs,
    dailyApiLimit: settings.dailyApiLimit,
    apiVersion: config.salesforce.apiVersion,
    ...overrides,
  });
  const salesforce: SalesforceConfig = {
    ...config.salesforce,
    loginUrl: emulator.url,
    auth: {
      kind: 'client_credentials',
      clientId: overrides.clientId ?? DEMO_OAUTH_CLIENT.clientId,
      clientSecret: overrides.clientSecret ?? DEMO_OAUTH_CLIENT.clientSecret,
    },
  };
  return {
    emulator,
    config: deepFreeze({ ...config, salesforce }),
    demoUsers: DEMO_USERS.map((u) => ({
      username: u.Username,
      password: u.password,
      name: u.Name,
      viewAllData: u.viewAllData,
    })),
  };
}
