import { randomBytes } from 'node:crypto';
import { ApiKeyVerifier, parseApiKeys } from '../auth/api-keys';
import { AuthConfigError } from '../auth/auth-errors';
import { parseEncryptionKeys } from '../auth/encryption-keys';
import type { Environment } from './config.schema';
import type { AuthConfig, AuthMode, ConnectedApp, SalesforceConfig } from './config.types';

function defaultMode(env: Environment, salesforce: SalesforceConfig): AuthMode {
  if (env.API_KEYS !== undefined) return 'integration';
  return salesforce.mode === 'emulator' ? 'demo' : 'user';
}

/** Runs an auth parser only to collect its complaint; the server parses again for real. */
function check(problems: string[], variable: string, parse: () => unknown): void {
  try {
    parse();
  } catch (err) {
    if (!(err instanceof AuthConfigError)) throw err;
    problems.push(`${variable}: ${err.message}`);
  }
}

function resolveEncryptionKeys(
  env: Environment,
  mode: AuthMode,
  salesforce: SalesforceConfig,
  problems: string[],
): { keys: string; ephemeral: boolean } {
  const configured = env.TOKEN_ENCRYPTION_KEYS;
  if (configured !== undefined) {
    check(problems, 'TOKEN_ENCRYPTION_KEYS', () => parseEncryptionKeys(configured));
    return { keys: configured, ephemeral: false };
  }
  // Against the emulator the vault only ever holds emulated tokens, so a key that dies with
  // the process is acceptable; against a real org a restart must not end every session.
  if (mode === 'user' && salesforce.mode === 'live') {
    problems.push(
      'TOKEN_ENCRYPTION_KEYS: required with AUTH_MODE=user (kid:base64 of 32 random bytes, newest first; see README "Authentication")',
    );
  }
  return { keys: `ephemeral:${randomBytes(32).toString('base64')}`, ephemeral: true };
}

function resolveConnectedApp(
  env: Environment,
  salesforce: SalesforceConfig,
  problems: string[],
): ConnectedApp | undefined {
  const clientId = env.SALESFORCE_CLIENT_ID;
  const clientSecret = env.SALESFORCE_CLIENT_SECRET;
  if (clientId !== undefined && clientSecret !== undefined) return { clientId, clientSecret };
  if (salesforce.mode === 'live') {
    problems.push(
      'SALESFORCE_CLIENT_SECRET: AUTH_MODE=user needs the connected app consumer key and secret (SALESFORCE_CLIENT_ID + SALESFORCE_CLIENT_SECRET)',
    );
  }
  return undefined;
}

/** AUTH_MODE and its settings, cross-checked against the Salesforce mode. */
export function resolveAuthConfig(
  env: Environment,
  salesforce: SalesforceConfig,
  problems: string[],
): AuthConfig {
  const mode = env.AUTH_MODE ?? defaultMode(env, salesforce);
  if (mode === 'demo' && salesforce.mode !== 'emulator') {
    problems.push(
      'AUTH_MODE: demo is open to anyone and runs only against the emulator; use user or integration with a live org',
    );
  }
  const encryption = resolveEncryptionKeys(env, mode, salesforce, problems);
  let connectedApp: ConnectedApp | undefined;
  if (mode === 'user') {
    connectedApp = resolveConnectedApp(env, salesforce, problems);
    if (salesforce.mode === 'live' && env.GATEWAY_PUBLIC_URL === undefined) {
      problems.push(
        'GATEWAY_PUBLIC_URL: required with AUTH_MODE=user and a live org (the callback URL registered on the connected app is built from it)',
      );
    }
  }
  let apiKeys: AuthConfig['apiKeys'];
  if (mode === 'integration') {
    const keys = env.API_KEYS;
    const pepper = env.API_KEY_PEPPER;
    if (keys === undefined)
      problems.push('API_KEYS: required with AUTH_MODE=integration (name:hmac-hex,...)');
    if (pepper === undefined)
      problems.push('API_KEY_PEPPER: required with AUTH_MODE=integration (32+ characters)');
    if (keys !== undefined) check(problems, 'API_KEYS', () => parseApiKeys(keys));
    if (pepper !== undefined)
      check(problems, 'API_KEY_PEPPER', () => new ApiKeyVerifier([], pepper));
    if (keys !== undefined && pepper !== undefined) apiKeys = { keys, pepper };
  }
  return {
    mode,
    publicUrl: env.GATEWAY_PUBLIC_URL?.replace(/\/+$/, ''),
    redirectUri: env.SALESFORCE_REDIRECT_URI,
    tokenEncryptionKeys: encryption.keys,
    ephemeralEncryptionKey: encryption.ephemeral,
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    apiKeys,
    connectedApp,
  };
}
