import pino, { type DestinationStream, type Logger } from 'pino';
import { AUTH_LOG_REDACT_PATHS } from '../auth/auth-logger';
import type { LogLevel } from '../config';

export type { Logger };

/** Secrets are censored in every gateway log line, not only the auth layer's. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'atom-crm-gateway' },
    redact: { paths: [...AUTH_LOG_REDACT_PATHS], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
