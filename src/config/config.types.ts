export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** How the gateway authenticates its integration user against Salesforce. */
export type SalesforceAuth =
  | { kind: 'client_credentials'; clientId: string; clientSecret: string }
  | { kind: 'jwt_bearer'; clientId: string; username: string; privateKeyPem: string };

export interface EmulatorSettings {
  port: number;
  latencyMs: number;
  seedScale: number;
  dailyApiLimit: number;
}

export type SalesforceConfig =
  | {
      mode: 'emulator';
      apiVersion: string;
      timeoutMs: number;
      /** Filled in by the demo bootstrap once the emulator listens (tests: port 0). */
      loginUrl: string | undefined;
      auth: SalesforceAuth | undefined;
      emulator: EmulatorSettings;
    }
  | {
      mode: 'live';
      apiVersion: string;
      timeoutMs: number;
      loginUrl: string;
      instanceUrl: string | undefined;
      auth: SalesforceAuth;
    };

export interface GatewayConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Relay connections never return more than this many rows per page. */
  maxPageSize: number;
  salesforce: SalesforceConfig;
  redisUrl: string | undefined;
}
