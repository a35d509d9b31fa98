import { hashApiKey } from '../auth/api-keys';
import { problemsOf } from '../../test/helpers/config-problems';
import { loadConfig } from './load-config';

const PEPPER = 'p'.repeat(32);
/** Live orgs need an authenticated mode; these tests are about Salesforce credentials. */
const INTEGRATION_AUTH = {
  AUTH_MODE: 'integration',
  API_KEYS: `ci:${hashApiKey('atom_key', PEPPER)}`,
  API_KEY_PEPPER: PEPPER,
};

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

  describe('query limits and rate limits', () => {
    it('defaults the query limits and leaves rate limiting to the modes with caller identities', () => {
      const demo = loadConfig({});
      expect(demo.queryLimits).toEqual({
        maxDepth: 12,
        maxAliases: 30,
        maxCost: 50_000,
        maxDirectives: 50,
        maxTokens: 5_000,
      });
      expect(demo.rateLimit).toEqual({
        enabled: false,
        points: 100_000,
        windowSeconds: 60,
        keyPrefix: 'atom:rate-limit',
      });
      expect(loadConfig({ ...INTEGRATION_AUTH }).rateLimit.enabled).toBe(true);
      expect(loadConfig({ AUTH_MODE: 'user' }).rateLimit.enabled).toBe(true);
    });

    it('reads every limit from the environment', () => {
      const config = loadConfig({
        QUERY_MAX_COST: '900',
        QUERY_MAX_DEPTH: '8',
        QUERY_MAX_ALIASES: '5',
        QUERY_MAX_DIRECTIVES: '4',
        QUERY_MAX_TOKENS: '2000',
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_POINTS: '1000',
        RATE_LIMIT_WINDOW_SECONDS: '10',
        RATE_LIMIT_KEY_PREFIX: 'org-a:rl',
      });
      expect(config.queryLimits).toEqual({
        maxDepth: 8,
        maxAliases: 5,
        maxCost: 900,
        maxDirectives: 4,
        maxTokens: 2000,
      });
      expect(config.rateLimit).toEqual({
        enabled: true,
        points: 1000,
        windowSeconds: 10,
        keyPrefix: 'org-a:rl',
      });
      expect(loadConfig({ ...INTEGRATION_AUTH, RATE_LIMIT_ENABLED: '0' }).rateLimit.enabled).toBe(
        false,
      );
    });

    it('refuses limits that make no sense', () => {
      const fields = problemsOf({
        QUERY_MAX_COST: '0',
        QUERY_MAX_TOKENS: 'many',
        RATE_LIMIT_ENABLED: 'yes',
        RATE_LIMIT_WINDOW_SECONDS: '-1',
        RATE_LIMIT_KEY_PREFIX: 'has space',
      }).map((p) => p.split(':')[0]);
      expect(fields).toEqual(
        expect.arrayContaining([
          'QUERY_MAX_COST',
          'QUERY_MAX_TOKENS',
          'RATE_LIMIT_ENABLED',
          'RATE_LIMIT_WINDOW_SECONDS',
          'RATE_LIMIT_KEY_PREFIX',
        ]),
      );
    });

    it('refuses a rate limit smaller than the most expensive allowed operation', () => {
      expect(problemsOf({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_POINTS: '1000' })).toEqual([
        'RATE_LIMIT_POINTS: must be at least QUERY_MAX_COST (50000), or an allowed operation could never run',
      ]);
      // Off, the budget is never spent, so it cannot be too small.
      expect(loadConfig({ RATE_LIMIT_POINTS: '1000' }).rateLimit.enabled).toBe(false);
    });
  });

  describe('error detail, introspection and trusted documents', () => {
    const LIVE = {
      SALESFORCE_LOGIN_URL: 'https://login.salesforce.com',
      SALESFORCE_CLIENT_ID: 'id',
      SALESFORCE_CLIENT_SECRET: 'secret',
      ...INTEGRATION_AUTH,
    };

    it('sends no error detail by default, in any NODE_ENV, and APQ is on in memory', () => {
      for (const NODE_ENV of ['development', 'test', 'production']) {
        expect(loadConfig({ NODE_ENV }).apiSurface).toMatchObject({
          debugErrors: false,
          trustedDocuments: { mode: 'apq', ttlSeconds: 86400, redisPrefix: 'atom:apq' },
        });
      }
      expect(loadConfig({ DEBUG_ERRORS: 'true' }).apiSurface.debugErrors).toBe(true);
    });

    it('refuses DEBUG_ERRORS with NODE_ENV=production', () => {
      expect(problemsOf({ NODE_ENV: 'production', DEBUG_ERRORS: 'true', ...LIVE })).toEqual([
        expect.stringMatching(/^DEBUG_ERRORS: refused with NODE_ENV=production/),
      ]);
      // Listed with the other problems, even when the Salesforce settings fail too.
      expect(
        problemsOf({ NODE_ENV: 'production', DEBUG_ERRORS: 'true', SALESFORCE_MODE: 'live' }),
      ).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^SALESFORCE_LOGIN_URL:/),
          expect.stringMatching(/^DEBUG_ERRORS: refused/),
        ]),
      );
      expect(problemsOf({ DEBUG_ERRORS: 'yes' })).toEqual([
        expect.stringMatching(/^DEBUG_ERRORS:/),
      ]);
    });

    it('keeps suggestions for development only', () => {
      expect(loadConfig({}).apiSurface.suggestions).toBe(true);
      expect(loadConfig({ NODE_ENV: 'test' }).apiSurface.suggestions).toBe(false);
      expect(loadConfig({ NODE_ENV: 'production' }).apiSurface.suggestions).toBe(false);
    });

    it('turns introspection off by default only for a live org in production', () => {
      expect(loadConfig({}).apiSurface.introspection).toBe(true);
      expect(loadConfig({ NODE_ENV: 'production' }).apiSurface.introspection).toBe(true);
      expect(loadConfig({ ...LIVE }).apiSurface.introspection).toBe(true);
      expect(loadConfig({ NODE_ENV: 'production', ...LIVE }).apiSurface.introspection).toBe(false);
      expect(
        loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', ...LIVE }).apiSurface
          .introspection,
      ).toBe(true);
      expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).apiSurface.introspection).toBe(false);
      expect(loadConfig({ GRAPHQL_INTROSPECTION: '' }).apiSurface.introspection).toBe(true);
    });

    it('reads the trusted documents mode and its settings', () => {
      expect(loadConfig({ TRUSTED_DOCUMENTS: 'off' }).apiSurface.trustedDocuments).toEqual({
        mode: 'off',
      });
      expect(
        loadConfig({ APQ_TTL_SECONDS: '60', APQ_REDIS_PREFIX: 'org1:apq' }).apiSurface
          .trustedDocuments,
      ).toEqual({ mode: 'apq', ttlSeconds: 60, redisPrefix: 'org1:apq' });
      expect(
        loadConfig({ TRUSTED_DOCUMENTS: 'allow-list', TRUSTED_DOCUMENTS_MANIFEST: 'm.json' })
          .apiSurface.trustedDocuments,
      ).toEqual({ mode: 'allow-list', manifestPath: 'm.json' });
      expect(problemsOf({ TRUSTED_DOCUMENTS: 'allow-list' })).toEqual([
        expect.stringMatching(
          /^TRUSTED_DOCUMENTS_MANIFEST: required with TRUSTED_DOCUMENTS=allow-list/,
        ),
      ]);
      expect(problemsOf({ TRUSTED_DOCUMENTS: 'strict', APQ_TTL_SECONDS: '0' })).toEqual([
        expect.stringMatching(/^TRUSTED_DOCUMENTS:/),
        expect.stringMatching(/^APQ_TTL_SECONDS:/),
      ]);
    });
  });
});

describe('CORS_ORIGINS', () => {
  it('is empty by default and keeps exact origins in order, without duplicates', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({
        CORS_ORIGINS: ' https://app.example.com, http://localhost:3000,https://app.example.com,',
      }).corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:3000']);
  });

  it('refuses wildcards and anything a browser would not send as Origin', () => {
    const problems = problemsOf({
      CORS_ORIGINS:
        '*,https://*.example.com,https://app.example.com/,HTTPS://App.example.com,https://app.example.com:443,ftp://files.example.com,app.example.com',
    });
    expect(problems).toEqual([
      'CORS_ORIGINS: "*" is a wildcard; list each origin exactly',
      'CORS_ORIGINS: "https://*.example.com" is a wildcard; list each origin exactly',
      'CORS_ORIGINS: "https://app.example.com/" is not an exact origin; a browser sends "https://app.example.com"',
      'CORS_ORIGINS: "HTTPS://App.example.com" is not an exact origin; a browser sends "https://app.example.com"',
      'CORS_ORIGINS: "https://app.example.com:443" is not an exact origin; a browser sends "https://app.example.com"',
      'CORS_ORIGINS: "ftp://files.example.com" must be http or https',
      'CORS_ORIGINS: "app.example.com" is not an origin (scheme://host[:port])',
    ]);
  });
});

describe('rows budget and Salesforce resilience settings', () => {
  it('defaults to 10,000 rows per operation and the documented Salesforce policy', () => {
    const config = loadConfig({});
    expect(config.queryMaxRows).toBe(10_000);
    expect(config.resilience.salesforce).toEqual({
      breakerThreshold: 5,
      halfOpenAfterMs: 10_000,
      maxConcurrent: 25,
      maxQueued: 500,
      timeoutMs: 30_000,
      retries: 2,
      retryBaseDelayMs: 200,
      retryMaxDelayMs: 2_000,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      QUERY_MAX_ROWS: '120',
      SALESFORCE_TIMEOUT_MS: '5000',
      SALESFORCE_BREAKER_THRESHOLD: '3',
      SALESFORCE_BREAKER_HALF_OPEN_AFTER_MS: '2000',
      SALESFORCE_MAX_CONCURRENT: '8',
      SALESFORCE_MAX_QUEUED: '0',
      SALESFORCE_RETRIES: '0',
      SALESFORCE_RETRY_BASE_DELAY_MS: '50',
      SALESFORCE_RETRY_MAX_DELAY_MS: '50',
    });
    expect(config.queryMaxRows).toBe(120);
    expect(config.resilience.salesforce).toEqual({
      breakerThreshold: 3,
      halfOpenAfterMs: 2000,
      maxConcurrent: 8,
      maxQueued: 0,
      timeoutMs: 5000,
      retries: 0,
      retryBaseDelayMs: 50,
      retryMaxDelayMs: 50,
    });
  });

  it('rejects nonsense values, all at once', () => {
    const problems = problemsOf({
      QUERY_MAX_ROWS: '0',
      SALESFORCE_BREAKER_THRESHOLD: 'many',
      SALESFORCE_MAX_CONCURRENT: '0',
      SALESFORCE_RETRIES: '11',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^QUERY_MAX_ROWS:/),
      expect.stringMatching(/^SALESFORCE_BREAKER_THRESHOLD:/),
      expect.stringMatching(/^SALESFORCE_MAX_CONCURRENT:/),
      expect.stringMatching(/^SALESFORCE_RETRIES:/),
    ]);
    expect(
      problemsOf({ SALESFORCE_RETRY_BASE_DELAY_MS: '500', SALESFORCE_RETRY_MAX_DELAY_MS: '100' }),
    ).toEqual(['SALESFORCE_RETRY_MAX_DELAY_MS: must be at least SALESFORCE_RETRY_BASE_DELAY_MS']);
  });
});

describe('operations settings', () => {
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
