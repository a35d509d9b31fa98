import type { LinkedServicesConfig } from './linked-services.types';
import type { WebhooksConfig } from './webhooks-config';

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

/** Refused before anything runs, with QUERY_TOO_COMPLEX (README "Operating in production"). */
export interface QueryLimitsConfig {
  /** Field nesting: `accounts.edges.node.contacts.edges.node.account.owner.name` is 9. */
  maxDepth: number;
  maxAliases: number;
  /** Operation cost after variables and defaults (src/server/operation-cost.ts). */
  maxCost: number;
  maxDirectives: number;
  /** Enforced by graphql-js's parser (`parseOptions.maxTokens`), before any validation. */
  maxTokens: number;
}

/** A budget of operation cost per client and window, shared through Redis when configured. */
export interface RateLimitConfig {
  enabled: boolean;
  /** Cost points a client may spend per window (each request spends at least 1). */
  points: number;
  windowSeconds: number;
  /** Prefix of the Redis keys; instances sharing one budget use the same. */
  keyPrefix: string;
}

/**
 * Which documents run: `off` (free text only), `apq` (automatic persisted queries: any client
 * registers a hash with its text, in memory or Redis) or `allow-list` (only the manifest's
 * operations run).
 */
export type TrustedDocumentsConfig =
  | { mode: 'off' }
  | { mode: 'apq'; ttlSeconds: number; redisPrefix: string }
  | { mode: 'allow-list'; manifestPath: string };

/** What a client may learn about the gateway, and which documents it may run. */
export interface ApiSurfaceConfig {
  /** DEBUG_ERRORS: internal messages and stack traces in responses (refused in production). */
  debugErrors: boolean;
  /** GRAPHQL_INTROSPECTION; by default off only for a live org with NODE_ENV=production. */
  introspection: boolean;
  /** "Did you mean …?" in validation messages: NODE_ENV=development only. */
  suggestions: boolean;
  trustedDocuments: TrustedDocumentsConfig;
}

/** One upstream's circuit breaker, bulkhead, timeout and retries (`<SERVICE>_*` variables). */
export interface ResilienceConfig {
  /** Consecutive failures (5xx, timeouts, connection errors) that open the breaker. */
  breakerThreshold: number;
  /** How long an open breaker fails fast before one probe call may go through. */
  halfOpenAfterMs: number;
  /** Calls in flight to the upstream at once, per gateway process. */
  maxConcurrent: number;
  /** Calls waiting for a slot; beyond that a call fails at once (`bulkhead-full`). */
  maxQueued: number;
  /** Per attempt; the HTTP request is aborted when it runs out. */
  timeoutMs: number;
  /** Retries of idempotent calls after a failure; writes are never retried. */
  retries: number;
  /** First retry delay; later ones grow exponentially with decorrelated jitter. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
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

/** CUSTOM_FIELDS: which of the org's custom fields join the graph (read from describe). */
export type CustomFieldsConfig =
  { mode: 'auto' } | { mode: 'none' } | { mode: 'list'; fields: readonly string[] };

/** The cross-request cache of Salesforce reads (README "Cache"). */
export interface CacheConfig {
  enabled: boolean;
  /** Backstop lifetime of an entry while change events invalidate it. */
  ttlMs: number;
  /** Lifetime of entries stored while no change stream invalidates them. */
  fallbackTtlMs: number;
  /** Memory store bounds (LRU); with REDIS_URL, Redis's own maxmemory policy bounds it. */
  maxEntries: number;
  maxBytes: number;
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
  queryLimits: QueryLimitsConfig;
  rateLimit: RateLimitConfig;
  apiSurface: ApiSurfaceConfig;
  /** CORS_ORIGINS: exact browser origins allowed cross-origin, with credentials. */
  corsOrigins: readonly string[];
  /** QUERY_MAX_ROWS: records one operation (or one subscription event) may read upstream. */
  queryMaxRows: number;
  /** Per upstream; Salesforce's timeout is SALESFORCE_TIMEOUT_MS. */
  resilience: { salesforce: ResilienceConfig };
  metrics: MetricsConfig;
  cache: CacheConfig;
  /**
   * SALESFORCE_API_RESERVE_PERCENT: above this share of the daily allocation used, GraphQL
   * reads the cache cannot answer are refused; writes may spend the rest.
   */
  apiReservePercent: number;
  /** SIGTERM/SIGINT: the drain's hard deadline; past it the process exits 1. */
  shutdownTimeoutMs: number;
  /** Stripe, Zendesk and QuickBooks Online, and the Account fields linking them. */
  linked: LinkedServicesConfig;
  /** The webhook receivers' secrets and body limit. */
  webhooks: WebhooksConfig;
  customFields: CustomFieldsConfig;
}
