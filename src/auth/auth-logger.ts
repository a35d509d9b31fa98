import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Defence in depth: auth code never logs token values on purpose, and these paths are
 * censored anyway should an object carrying one reach a log call.
 */
const SECRET_KEYS = [
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'id_token',
  'idToken',
  'code',
  'code_verifier',
  'codeVerifier',
  'state',
  'nonce',
  'token',
  'sessionId',
  'apiKey',
  'apiToken',
  'clientSecret',
  'client_secret',
  'password',
  'cookie',
  'authorization',
  'x-api-key',
  'set-cookie',
];

export const AUTH_LOG_REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
];

export function createAuthLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const config = {
    name: 'auth',
    level: options.level ?? 'info',
    redact: { paths: [...AUTH_LOG_REDACT_PATHS], censor: '[redacted]' },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
