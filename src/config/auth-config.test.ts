import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { environmentSchema } from './config.schema';
import { hashApiKey } from '../auth/api-keys';
import { problemsOf } from '../../test/helpers/config-problems';
import { loadConfig } from './load-config';

const PEPPER = 'pepper-'.repeat(6);
const KEYS = `k1:${randomBytes(32).toString('base64')}`;
const LIVE = {
  SALESFORCE_MODE: 'live',
  SALESFORCE_LOGIN_URL: 'https://login.salesforce.com',
  SALESFORCE_CLIENT_ID: 'id',
  SALESFORCE_CLIENT_SECRET: 'secret',
};

describe('auth configuration', () => {
  it('defaults to open demo mode against the emulator, with an ephemeral key', () => {
    const { auth } = loadConfig({});
    expect(auth.mode).toBe('demo');
    expect(auth.ephemeralEncryptionKey).toBe(true);
    expect(auth.tokenEncryptionKeys).toMatch(/^ephemeral:[A-Za-z0-9+/]{43}=$/);
    expect(auth.sessionTtlSeconds).toBe(8 * 60 * 60);
  });

  it('runs user mode against the emulator without a configured key', () => {
    const { auth } = loadConfig({ AUTH_MODE: 'user', SESSION_TTL_SECONDS: '60' });
    expect(auth).toMatchObject({
      mode: 'user',
      ephemeralEncryptionKey: true,
      sessionTtlSeconds: 60,
    });
    expect(auth.connectedApp).toBeUndefined();
  });

  it('defaults a live org to user mode and lists everything user mode still needs', () => {
    const problems = problemsOf({
      SALESFORCE_LOGIN_URL: 'https://login.salesforce.com',
      SALESFORCE_CLIENT_ID: 'id',
      SALESFORCE_USERNAME: 'u@example.com',
      SALESFORCE_JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'TOKEN_ENCRYPTION_KEYS',
      'SALESFORCE_CLIENT_SECRET',
      'GATEWAY_PUBLIC_URL',
    ]);
  });

  it('accepts a complete live user mode', () => {
    const { auth } = loadConfig({
      ...LIVE,
      TOKEN_ENCRYPTION_KEYS: KEYS,
      GATEWAY_PUBLIC_URL: 'https://crm.example.com/',
      SALESFORCE_REDIRECT_URI: 'https://crm.example.com/auth/salesforce/callback',
    });
    expect(auth).toMatchObject({
      mode: 'user',
      publicUrl: 'https://crm.example.com',
      redirectUri: 'https://crm.example.com/auth/salesforce/callback',
      tokenEncryptionKeys: KEYS,
      ephemeralEncryptionKey: false,
      connectedApp: { clientId: 'id', clientSecret: 'secret' },
    });
  });

  it('rejects malformed encryption keys, API keys and a short pepper', () => {
    const problems = problemsOf({
      ...LIVE,
      AUTH_MODE: 'integration',
      TOKEN_ENCRYPTION_KEYS: 'k1:c2hvcnQ=',
      API_KEYS: 'billing:not-hex',
      API_KEY_PEPPER: 'short',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^TOKEN_ENCRYPTION_KEYS: .*decodes to 5 bytes/),
      expect.stringMatching(/^API_KEYS: API_KEYS entry 1/),
      expect.stringMatching(/^API_KEY_PEPPER: .*at least 32/),
    ]);
  });

  it('requires API keys in integration mode and picks it when they are set', () => {
    expect(problemsOf({ ...LIVE, AUTH_MODE: 'integration' }).map((p) => p.split(':')[0])).toEqual([
      'API_KEYS',
      'API_KEY_PEPPER',
    ]);
    const { auth } = loadConfig({
      ...LIVE,
      API_KEYS: `ci:${hashApiKey('atom_k', PEPPER)}`,
      API_KEY_PEPPER: PEPPER,
    });
    expect(auth.mode).toBe('integration');
    expect(auth.apiKeys).toEqual({ keys: `ci:${hashApiKey('atom_k', PEPPER)}`, pepper: PEPPER });
  });

  it('refuses open demo mode against a live org', () => {
    expect(problemsOf({ ...LIVE, AUTH_MODE: 'demo', TOKEN_ENCRYPTION_KEYS: KEYS })).toEqual([
      expect.stringMatching(
        /^AUTH_MODE: demo is open to anyone and runs only against the emulator/,
      ),
    ]);
  });

  it('rejects an unknown mode and a zero session TTL', () => {
    const fields = problemsOf({ AUTH_MODE: 'open', SESSION_TTL_SECONDS: '0' }).map(
      (p) => p.split(':')[0],
    );
    expect([...fields].sort()).toEqual(['AUTH_MODE', 'SESSION_TTL_SECONDS']);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(resolve(__dirname, '../../.env.example'), 'utf8');
    const documented = new Set(
      example.split('\n').flatMap((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1] ?? []),
    );
    const missing = Object.keys(environmentSchema.shape).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});
