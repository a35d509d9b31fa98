import { hashApiKey } from '../auth/api-keys';
import { ConfigError, loadConfig } from './load-config';

const PEPPER = 'p'.repeat(32);
/** Live orgs need an authenticated mode; these tests are about Salesforce credentials. */
const INTEGRATION_AUTH = {
  AUTH_MODE: 'integration',
  API_KEYS: `ci:${hashApiKey('atom_key', PEPPER)}`,
  API_KEY_PEPPER: PEPPER,
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the emulator on loopback when no credentials are set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.nodeEnv).toBe('development');
    expect(config.maxPageSize).toBe(200);
    expect(config.salesforce).toMatchObject({
      mode: 'emulator',
      apiVersion: '59.0',
      emulator: {
        port: 4010,
        latencyMs: 0,
        seedScale: 1,
        dailyApiLimit: 100000,
        accessTokenTtlSeconds: 7200,
      },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.salesforce)).toBe(true);
  });

  it('coerces numbers from strings', () => {
    const config = loadConfig({ PORT: '0', EMULATOR_LATENCY_MS: '25', EMULATOR_SEED_SCALE: '0.5' });
    expect(config.port).toBe(0);
    expect(config.salesforce.mode === 'emulator' && config.salesforce.emulator).toMatchObject({
      latencyMs: 25,
      seedScale: 0.5,
    });
  });

  it('switches to live mode with client credentials', () => {
    const config = loadConfig({
      SALESFORCE_LOGIN_URL: 'https://login.salesforce.com',
      SALESFORCE_CLIENT_ID: 'id',
      SALESFORCE_CLIENT_SECRET: 'secret',
      ...INTEGRATION_AUTH,
    });
    expect(config.salesforce).toMatchObject({
      mode: 'live',
      loginUrl: 'https://login.salesforce.com',
      auth: { kind: 'client_credentials', clientId: 'id', clientSecret: 'secret' },
    });
  });

  it('accepts the JWT bearer flow with an escaped PEM key', () => {
    const config = loadConfig({
      SALESFORCE_MODE: 'live',
      SALESFORCE_LOGIN_URL: 'https://test.salesforce.com',
      SALESFORCE_CLIENT_ID: 'id',
      SALESFORCE_USERNAME: 'integration@example.com',
      SALESFORCE_JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
      ...INTEGRATION_AUTH,
    });
    expect(config.salesforce.auth).toEqual({
      kind: 'jwt_bearer',
      clientId: 'id',
      username: 'integration@example.com',
      privateKeyPem: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
    });
  });

  it('lists every missing live credential at once', () => {
    const problems = problemsOf({ SALESFORCE_MODE: 'live' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SALESFORCE_CLIENT_ID: live mode needs credentials/),
        expect.stringMatching(/^SALESFORCE_LOGIN_URL: required in live mode/),
      ]),
    );
  });

  it('rejects a half-configured JWT flow', () => {
    const problems = problemsOf({
      SALESFORCE_MODE: 'live',
      SALESFORCE_LOGIN_URL: 'https://login.salesforce.com',
      SALESFORCE_USERNAME: 'u@example.com',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'SALESFORCE_CLIENT_ID: required for the JWT bearer flow',
        'SALESFORCE_JWT_PRIVATE_KEY: required with SALESFORCE_USERNAME (JWT bearer flow)',
      ]),
    );
  });

  it('collects every type error of the environment', () => {
    const problems = problemsOf({
      PORT: 'abc',
      NODE_ENV: 'staging',
      SALESFORCE_LOGIN_URL: 'not a url',
      SALESFORCE_API_VERSION: '59',
      EMULATOR_DAILY_API_LIMIT: '-1',
    });
    const fields = problems.map((p) => p.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'PORT',
        'NODE_ENV',
        'SALESFORCE_LOGIN_URL',
        'SALESFORCE_API_VERSION',
        'EMULATOR_DAILY_API_LIMIT',
      ]),
    );
  });

  it('keeps the demo on loopback', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^HOST: emulator \(demo\) mode binds to loopback only/),
    ]);
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({ SALESFORCE_CLIENT_ID: '', SALESFORCE_MODE: '', REDIS_URL: '' });
    expect(config.salesforce.mode).toBe('emulator');
    expect(config.redisUrl).toBeUndefined();
  });
  describe('metrics and shutdown', () => {
    it('serves metrics on 127.0.0.1:9464 by default, with a 25 s shutdown deadline', () => {
      const config = loadConfig({});
      expect(config.metrics).toEqual({
        enabled: true,
        host: '127.0.0.1',
        port: 9464,
        token: undefined,
      });
      expect(config.shutdownTimeoutMs).toBe(25_000);
    });

    it('keeps the metrics listener off under NODE_ENV=test unless asked for', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).metrics.enabled).toBe(false);
      expect(loadConfig({ NODE_ENV: 'test', METRICS_ENABLED: 'true' }).metrics.enabled).toBe(true);
      expect(loadConfig({ METRICS_ENABLED: '0' }).metrics.enabled).toBe(false);
    });

    it('reads the listener, the token and the deadline', () => {
      const config = loadConfig({
        METRICS_HOST: '0.0.0.0',
        METRICS_PORT: '0',
        METRICS_TOKEN: 'a-long-random-metrics-token',
        SHUTDOWN_TIMEOUT_MS: '5000',
      });
      expect(config.metrics).toMatchObject({
        host: '0.0.0.0',
        port: 0,
        token: 'a-long-random-metrics-token',
      });
      expect(config.shutdownTimeoutMs).toBe(5000);
    });

    it('rejects a short token, a bad flag and an out-of-range deadline', () => {
      const problems = problemsOf({
        METRICS_TOKEN: 'short',
        METRICS_ENABLED: 'yes',
        SHUTDOWN_TIMEOUT_MS: '10',
      });
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'METRICS_ENABLED',
        'METRICS_TOKEN',
        'SHUTDOWN_TIMEOUT_MS',
      ]);
    });
  });
});
