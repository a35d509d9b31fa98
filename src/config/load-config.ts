import type { z } from 'zod';
import { resolveApiSurface } from './api-surface-config';
import { resolveAuthConfig } from './auth-config';
import { parseCorsOrigins } from './cors-origins';
import { resolveCustomFields } from './custom-fields-config';
import { resolveLinkedServices } from './linked-services-config';
import { resolveWebhooks } from './webhooks-config';
import { environmentSchema, type Environment } from './config.schema';
import type {
  AuthMode,
  GatewayConfig,
  RateLimitConfig,
  ResilienceConfig,
  SalesforceAuth,
  SalesforceConfig,
} from './config.types';

/** Every problem with the environment, so one run shows them all (graphql-hive `environment.ts`). */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const MAX_PAGE_SIZE = 200;

function describeIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

function resolveAuth(
  env: Environment,
  problems: string[],
  required: boolean,
): SalesforceAuth | undefined {
  const clientId = env.SALESFORCE_CLIENT_ID;
  if (env.SALESFORCE_JWT_PRIVATE_KEY !== undefined || env.SALESFORCE_USERNAME !== undefined) {
    if (clientId === undefined)
      problems.push('SALESFORCE_CLIENT_ID: required for the JWT bearer flow');
    if (env.SALESFORCE_USERNAME === undefined) {
      problems.push('SALESFORCE_USERNAME: required with SALESFORCE_JWT_PRIVATE_KEY');
    }
    if (env.SALESFORCE_JWT_PRIVATE_KEY === undefined) {
      problems.push(
        'SALESFORCE_JWT_PRIVATE_KEY: required with SALESFORCE_USERNAME (JWT bearer flow)',
      );
    } else if (!env.SALESFORCE_JWT_PRIVATE_KEY.includes('PRIVATE KEY')) {
      problems.push(
        'SALESFORCE_JWT_PRIVATE_KEY: must be a PEM private key (PKCS#8, "\\n" escapes allowed)',
      );
    }
    if (
      clientId === undefined ||
      env.SALESFORCE_USERNAME === undefined ||
      env.SALESFORCE_JWT_PRIVATE_KEY === undefined
    ) {
      return undefined;
    }
    return {
      kind: 'jwt_bearer',
      clientId,
      username: env.SALESFORCE_USERNAME,
      // .env files cannot hold multi-line values portably, so "\n" escapes are accepted.
      privateKeyPem: env.SALESFORCE_JWT_PRIVATE_KEY.replace(/\\n/g, '\n'),
    };
  }
  if (clientId !== undefined || env.SALESFORCE_CLIENT_SECRET !== undefined) {
    if (clientId === undefined)
      problems.push('SALESFORCE_CLIENT_ID: required with SALESFORCE_CLIENT_SECRET');
    if (env.SALESFORCE_CLIENT_SECRET === undefined) {
      problems.push(
        'SALESFORCE_CLIENT_SECRET: required for the client credentials flow (or set SALESFORCE_USERNAME + SALESFORCE_JWT_PRIVATE_KEY)',
      );
    }
    if (clientId === undefined || env.SALESFORCE_CLIENT_SECRET === undefined) return undefined;
    return { kind: 'client_credentials', clientId, clientSecret: env.SALESFORCE_CLIENT_SECRET };
  }
  if (required) {
    problems.push(
      'SALESFORCE_CLIENT_ID: live mode needs credentials: SALESFORCE_CLIENT_ID + SALESFORCE_CLIENT_SECRET (client credentials) or SALESFORCE_CLIENT_ID + SALESFORCE_USERNAME + SALESFORCE_JWT_PRIVATE_KEY (JWT bearer)',
    );
  }
  return undefined;
}

function resolveSalesforce(env: Environment, problems: string[]): SalesforceConfig | undefined {
  const hasCredentials =
    env.SALESFORCE_CLIENT_ID !== undefined ||
    env.SALESFORCE_CLIENT_SECRET !== undefined ||
    env.SALESFORCE_JWT_PRIVATE_KEY !== undefined;
  const mode = env.SALESFORCE_MODE ?? (hasCredentials ? 'live' : 'emulator');
  if (mode === 'emulator') {
    return {
      mode,
      apiVersion: env.SALESFORCE_API_VERSION,
      timeoutMs: env.SALESFORCE_TIMEOUT_MS,
      loginUrl: env.SALESFORCE_LOGIN_URL,
      auth: resolveAuth(env, problems, false),
      emulator: {
        port: env.EMULATOR_SALESFORCE_PORT,
        latencyMs: env.EMULATOR_LATENCY_MS,
        seedScale: env.EMULATOR_SEED_SCALE,
        dailyApiLimit: env.EMULATOR_DAILY_API_LIMIT,
        accessTokenTtlSeconds: env.EMULATOR_ACCESS_TOKEN_TTL_SECONDS,
      },
    };
  }
  const auth = resolveAuth(env, problems, true);
  if (env.SALESFORCE_LOGIN_URL === undefined) {
    problems.push(
      'SALESFORCE_LOGIN_URL: required in live mode (e.g. https://login.salesforce.com or https://test.salesforce.com)',
    );
  }
  if (auth === undefined || env.SALESFORCE_LOGIN_URL === undefined) return undefined;
  return {
    mode,
    apiVersion: env.SALESFORCE_API_VERSION,
    timeoutMs: env.SALESFORCE_TIMEOUT_MS,
    loginUrl: env.SALESFORCE_LOGIN_URL,
    instanceUrl: env.SALESFORCE_INSTANCE_URL,
    auth,
  };
}

/** Parses and cross-checks the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(describeIssues(parsed.error.issues));
  }
  const problems: string[] = [];
  const data = parsed.data;
  const salesforce = resolveSalesforce(data, problems);
  // The demo org has well-known passwords and an unauthenticated admin API.
  if (salesforce?.mode === 'emulator' && !isLoopback(data.HOST)) {
    problems.push(
      `HOST: emulator (demo) mode binds to loopback only (127.0.0.1, ::1, localhost), got ${data.HOST}`,
    );
  }
  const auth = salesforce ? resolveAuthConfig(data, salesforce, problems) : undefined;
  const rateLimit = resolveRateLimit(data, auth?.mode, problems);
  const corsOrigins = parseCorsOrigins(data.CORS_ORIGINS, problems);
  const salesforceResilience = resolveSalesforceResilience(data, problems);
  const linked = resolveLinkedServices(data, salesforce?.mode ?? 'live', problems);
  const customFields = resolveCustomFields(data.CUSTOM_FIELDS, problems);
  // Checked even when Salesforce settings failed, so every problem is listed at once.
  const apiSurface = resolveApiSurface(data, salesforce?.mode ?? 'live', problems);
  if (
    problems.length > 0 ||
    salesforce === undefined ||
    auth === undefined ||
    apiSurface === undefined
  )
    throw new ConfigError(problems);
  return deepFreeze({
    nodeEnv: data.NODE_ENV,
    host: data.HOST,
    port: data.PORT,
    logLevel: data.LOG_LEVEL,
    maxPageSize: MAX_PAGE_SIZE,
    salesforce,
    redisUrl: data.REDIS_URL,
    subscriptionsNamespace: data.SUBSCRIPTIONS_NAMESPACE,
    auth,
    queryLimits: {
      maxDepth: data.QUERY_MAX_DEPTH,
      maxAliases: data.QUERY_MAX_ALIASES,
      maxCost: data.QUERY_MAX_COST,
      maxDirectives: data.QUERY_MAX_DIRECTIVES,
      maxTokens: data.QUERY_MAX_TOKENS,
    },
    rateLimit,
    apiSurface,
    corsOrigins,
    queryMaxRows: data.QUERY_MAX_ROWS,
    resilience: { salesforce: salesforceResilience },
    metrics: {
      // Off by default under NODE_ENV=test: many gateways share one process and one port.
      enabled: data.METRICS_ENABLED ?? data.NODE_ENV !== 'test',
      host: data.METRICS_HOST,
      port: data.METRICS_PORT,
      token: data.METRICS_TOKEN,
    },
    cache: {
      // Off by default under NODE_ENV=test: most tests write to the emulator directly and
      // read back at once; cache tests turn it on.
      enabled: data.CACHE_ENABLED ?? data.NODE_ENV !== 'test',
      ttlMs: data.CACHE_TTL_MS,
      fallbackTtlMs: data.CACHE_FALLBACK_TTL_MS,
      maxEntries: data.CACHE_MAX_ENTRIES,
      maxBytes: data.CACHE_MAX_BYTES,
    },
    apiReservePercent: data.SALESFORCE_API_RESERVE_PERCENT,
    shutdownTimeoutMs: data.SHUTDOWN_TIMEOUT_MS,
    linked,
    webhooks: resolveWebhooks(data, salesforce.mode),
    customFields,
  });
}

/**
 * On by default wherever callers have an identity (user, integration); the demo listens on
 * loopback only, where every client shares one address, so it is opt-in there.
 */
function resolveRateLimit(
  env: Environment,
  mode: AuthMode | undefined,
  problems: string[],
): RateLimitConfig {
  const enabled = env.RATE_LIMIT_ENABLED ?? mode !== 'demo';
  if (enabled && env.RATE_LIMIT_POINTS < env.QUERY_MAX_COST) {
    problems.push(
      `RATE_LIMIT_POINTS: must be at least QUERY_MAX_COST (${env.QUERY_MAX_COST}), or an allowed operation could never run`,
    );
  }
  return {
    enabled,
    points: env.RATE_LIMIT_POINTS,
    windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    keyPrefix: env.RATE_LIMIT_KEY_PREFIX,
  };
}

function resolveSalesforceResilience(env: Environment, problems: string[]): ResilienceConfig {
  if (env.SALESFORCE_RETRY_MAX_DELAY_MS < env.SALESFORCE_RETRY_BASE_DELAY_MS) {
    problems.push('SALESFORCE_RETRY_MAX_DELAY_MS: must be at least SALESFORCE_RETRY_BASE_DELAY_MS');
  }
  return {
    breakerThreshold: env.SALESFORCE_BREAKER_THRESHOLD,
    halfOpenAfterMs: env.SALESFORCE_BREAKER_HALF_OPEN_AFTER_MS,
    maxConcurrent: env.SALESFORCE_MAX_CONCURRENT,
    maxQueued: env.SALESFORCE_MAX_QUEUED,
    timeoutMs: env.SALESFORCE_TIMEOUT_MS,
    retries: env.SALESFORCE_RETRIES,
    retryBaseDelayMs: env.SALESFORCE_RETRY_BASE_DELAY_MS,
    retryMaxDelayMs: env.SALESFORCE_RETRY_MAX_DELAY_MS,
  };
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}
