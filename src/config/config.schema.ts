import { z } from 'zod';
import type { QueryLimitsConfig, ResilienceConfig } from './config.types';
import { linkedServicesEnvironment } from './linked-services.schema';
import { webhooksEnvironment } from './webhooks-config';

const port = z.coerce.number().int().min(0).max(65535);
const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const limit = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalBoolean = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false', '1', '0'])
    .transform((value) => value === 'true' || value === '1')
    .optional(),
);

/** Salesforce's breaker, bulkhead, timeout and read retries with nothing set (resilience.md). */
export const DEFAULT_SALESFORCE_RESILIENCE: Readonly<ResilienceConfig> = {
  breakerThreshold: 5,
  halfOpenAfterMs: 10_000,
  maxConcurrent: 25,
  maxQueued: 500,
  timeoutMs: 30_000,
  retries: 2,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 2_000,
};

/** Query limits with nothing set: README's examples, the tests and the bench fit well inside. */
export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimitsConfig> = {
  maxDepth: 12,
  maxAliases: 30,
  // The costliest legitimate operation in the repository (200 opportunities with account,
  // owner and five contacts each) costs 4,400; a `first` of 50 nested three connections deep
  // (the default page, with no `first` written at all) costs millions.
  maxCost: 50_000,
  maxDirectives: 50,
  maxTokens: 5_000,
};

/** The raw environment, one entry per documented variable in `.env.example`. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SALESFORCE_MODE: z.preprocess(emptyToUndefined, z.enum(['emulator', 'live']).optional()),
  SALESFORCE_LOGIN_URL: optionalUrl,
  SALESFORCE_INSTANCE_URL: optionalUrl,
  SALESFORCE_CLIENT_ID: optionalString,
  SALESFORCE_CLIENT_SECRET: optionalString,
  SALESFORCE_USERNAME: optionalString,
  SALESFORCE_JWT_PRIVATE_KEY: optionalString,
  SALESFORCE_API_VERSION: z
    .string()
    .regex(/^\d{2,3}\.0$/, 'must look like 59.0')
    .default('59.0'),
  SALESFORCE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_SALESFORCE_RESILIENCE.timeoutMs),
  EMULATOR_SALESFORCE_PORT: port.default(4010),
  EMULATOR_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  EMULATOR_SEED_SCALE: z.coerce.number().positive().max(100).default(1),
  EMULATOR_DAILY_API_LIMIT: z.coerce.number().int().positive().default(100_000),
  EMULATOR_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(7200),
  REDIS_URL: optionalUrl,
  CUSTOM_FIELDS: z.string().default('auto'),
  SUBSCRIPTIONS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits and _ . : - (at most 128)')
    .default('atom'),
  AUTH_MODE: z.preprocess(emptyToUndefined, z.enum(['demo', 'user', 'integration']).optional()),
  GATEWAY_PUBLIC_URL: optionalUrl,
  SALESFORCE_REDIRECT_URI: optionalUrl,
  TOKEN_ENCRYPTION_KEYS: optionalString,
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60 * 60)
    .default(8 * 60 * 60),
  API_KEYS: optionalString,
  API_KEY_PEPPER: optionalString,
  QUERY_MAX_COST: limit(1, 100_000_000).default(DEFAULT_QUERY_LIMITS.maxCost),
  QUERY_MAX_DEPTH: limit(1, 1_000).default(DEFAULT_QUERY_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: limit(1, 10_000).default(DEFAULT_QUERY_LIMITS.maxAliases),
  QUERY_MAX_DIRECTIVES: limit(1, 10_000).default(DEFAULT_QUERY_LIMITS.maxDirectives),
  QUERY_MAX_TOKENS: limit(100, 1_000_000).default(DEFAULT_QUERY_LIMITS.maxTokens),
  RATE_LIMIT_ENABLED: optionalBoolean,
  RATE_LIMIT_POINTS: limit(1, 1_000_000_000).default(100_000),
  RATE_LIMIT_WINDOW_SECONDS: limit(1, 86_400).default(60),
  RATE_LIMIT_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits and _ . : - (at most 128)')
    .default('atom:rate-limit'),
  DEBUG_ERRORS: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  GRAPHQL_INTROSPECTION: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  TRUSTED_DOCUMENTS: z.preprocess(
    emptyToUndefined,
    z.enum(['off', 'apq', 'allow-list']).default('apq'),
  ),
  TRUSTED_DOCUMENTS_MANIFEST: optionalString,
  APQ_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60 * 60)
    .default(24 * 60 * 60),
  APQ_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits and _ . : - (at most 128)')
    .default('atom:apq'),
  CORS_ORIGINS: optionalString,
  // Resilience and per-operation budgets (docs/production/resilience.md).
  QUERY_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  SALESFORCE_BREAKER_THRESHOLD: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_SALESFORCE_RESILIENCE.breakerThreshold),
  SALESFORCE_BREAKER_HALF_OPEN_AFTER_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(3_600_000)
    .default(DEFAULT_SALESFORCE_RESILIENCE.halfOpenAfterMs),
  SALESFORCE_MAX_CONCURRENT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_SALESFORCE_RESILIENCE.maxConcurrent),
  SALESFORCE_MAX_QUEUED: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(DEFAULT_SALESFORCE_RESILIENCE.maxQueued),
  SALESFORCE_RETRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(DEFAULT_SALESFORCE_RESILIENCE.retries),
  SALESFORCE_RETRY_BASE_DELAY_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(60_000)
    .default(DEFAULT_SALESFORCE_RESILIENCE.retryBaseDelayMs),
  SALESFORCE_RETRY_MAX_DELAY_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(600_000)
    .default(DEFAULT_SALESFORCE_RESILIENCE.retryMaxDelayMs),
  // Metrics and shutdown (docs/production/metrics-and-shutdown.md).
  METRICS_ENABLED: optionalBoolean,
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: port.default(9464),
  METRICS_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(16, 'at least 16 characters (a random secret)').optional(),
  ),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
  // API budget guard (README "API budget guard"): 100 = no reserve.
  SALESFORCE_API_RESERVE_PERCENT: z.coerce.number().int().min(1).max(100).default(90),
  // Cross-request cache of Salesforce reads (README "Cache").
  CACHE_ENABLED: optionalBoolean,
  CACHE_TTL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  CACHE_FALLBACK_TTL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(16 * 1024 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  // Stripe, Zendesk, QuickBooks Online (README "Linked services").
  ...linkedServicesEnvironment,
  // Webhook receivers (README "Webhooks").
  ...webhooksEnvironment,
});

export type Environment = z.infer<typeof environmentSchema>;
