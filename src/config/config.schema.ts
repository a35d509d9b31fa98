import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const optionalFlag = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false', '1', '0'])
    .transform((value) => value === 'true' || value === '1')
    .optional(),
);

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
  SALESFORCE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  EMULATOR_SALESFORCE_PORT: port.default(4010),
  EMULATOR_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  EMULATOR_SEED_SCALE: z.coerce.number().positive().max(100).default(1),
  EMULATOR_DAILY_API_LIMIT: z.coerce.number().int().positive().default(100_000),
  EMULATOR_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(7200),
  REDIS_URL: optionalUrl,
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
  // Metrics and shutdown (docs/production/metrics-and-shutdown.md).
  METRICS_ENABLED: optionalFlag,
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: port.default(9464),
  METRICS_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(16, 'at least 16 characters (a random secret)').optional(),
  ),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
});

export type Environment = z.infer<typeof environmentSchema>;
