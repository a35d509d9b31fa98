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
  accessTokenTtlSeconds: number;
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

/**
 * `demo`: the emulator's integration user, open, loopback only. `user`: every request runs as
 * the Salesforce user who logged in (cookie or gateway bearer). `integration`: server-to-server
 * callers with an API key run as the integration user.
 */
export type AuthMode = 'demo' | 'user' | 'integration';

/** The connected app the web-server (login) flow runs through. */
export interface ConnectedApp {
  clientId: string;
  clientSecret: string;
}

export interface AuthConfig {
  mode: AuthMode;
  /** GATEWAY_PUBLIC_URL; undefined → `http://HOST:PORT` once the server listens. */
  publicUrl: string | undefined;
  /** SALESFORCE_REDIRECT_URI; undefined → `<publicUrl>/auth/salesforce/callback`. */
  redirectUri: string | undefined;
  /** TOKEN_ENCRYPTION_KEYS, or a generated one when `ephemeralEncryptionKey`. */
  tokenEncryptionKeys: string;
  /** True when no key was configured: sessions do not survive a restart. */
  ephemeralEncryptionKey: boolean;
  sessionTtlSeconds: number;
  /** API_KEYS + API_KEY_PEPPER (integration mode). */
  apiKeys: { keys: string; pepper: string } | undefined;
  /** user mode; the demo bootstrap fills in the emulator's demo client. */
  connectedApp: ConnectedApp | undefined;
}

/** The Prometheus scrape endpoint (docs/production/metrics-and-shutdown.md). */
export interface MetricsConfig {
  /** Serve /metrics on its own listener (METRICS_HOST:METRICS_PORT). */
  enabled: boolean;
  host: string;
  port: number;
  /** Bearer token required on every /metrics; when set, the main port serves /metrics too. */
  token: string | undefined;
}

export interface GatewayConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Relay connections never return more than this many rows per page. */
  maxPageSize: number;
  salesforce: SalesforceConfig;
  redisUrl: string | undefined;
  /** Prefix of the live-changes Redis keys and channels; one per org sharing a Redis. */
  subscriptionsNamespace: string;
  auth: AuthConfig;
  metrics: MetricsConfig;
  /** SIGTERM/SIGINT: the drain's hard deadline; past it the process exits 1. */
  shutdownTimeoutMs: number;
}
