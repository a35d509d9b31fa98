/** The demo connected app: what `.env.example` and the gateway's demo config point at. */
export const DEMO_OAUTH_CLIENT = {
  clientId: 'atom-demo-client',
  clientSecret: 'atom-demo-secret',
  redirectUris: [
    'http://localhost:4000/auth/salesforce/callback',
    'http://127.0.0.1:4000/auth/salesforce/callback',
  ],
} as const;

export interface SalesforceEmulatorOptions {
  /** Loopback only by default. */
  host?: string;
  /** 0 (an ephemeral port) by default; the demo passes EMULATOR_SALESFORCE_PORT. */
  port?: number;
  /** Seed data size and PRNG seed for `createSeededStore`. */
  scale?: number;
  seed?: number;
  /**
   * The seed's "as of" moment. Default: the start of the current UTC day (by `clock`), so
   * relative dates (THIS_QUARTER, NEXT_N_DAYS) find data whenever the demo runs; pass a fixed
   * date for data that is identical across days.
   */
  seedBaseDate?: Date | string;
  /** The version advertised in URLs the emulator builds itself; any vNN.N path is served. */
  apiVersion?: string;
  /** Added to every REST/SOAP API call. */
  latencyMs?: number;
  /** Developer Edition style 24-hour API request allowance. */
  dailyApiLimit?: number;
  accessTokenTtlSeconds?: number;
  clientId?: string;
  clientSecret?: string;
  redirectUris?: string[];
  /** PEM (SPKI or certificate) of the key that signs JWT bearer assertions for the client. */
  jwtPublicKeyPem?: string;
  /** The refresh_token grant also returns a new refresh token and retires the old one. */
  rotateRefreshTokens?: boolean;
  /** The execution user of the client_credentials grant. */
  clientCredentialsUsername?: string;
  /** Change Data Capture over CometD: retention window, long-poll timeout, replay id seed. */
  cdc?: { retentionHours?: number; timeoutSeconds?: number; seed?: number };
  clock?: () => Date;
}

export interface ResolvedEmulatorOptions {
  host: string;
  port: number;
  scale: number | undefined;
  seed: number | undefined;
  seedBaseDate: Date | string;
  apiVersion: string;
  latencyMs: number;
  dailyApiLimit: number;
  accessTokenTtlSeconds: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  jwtPublicKeyPem: string | undefined;
  rotateRefreshTokens: boolean;
  clientCredentialsUsername: string;
  cdc: { retentionHours?: number; timeoutSeconds?: number; seed?: number };
  clock: () => Date;
}

export function resolveEmulatorOptions(
  options: SalesforceEmulatorOptions = {},
): ResolvedEmulatorOptions {
  const apiVersion = (options.apiVersion ?? '59.0').replace(/^v/, '');
  if (!/^\d+\.\d$/.test(apiVersion))
    throw new Error(`apiVersion must look like 59.0, got ${apiVersion}`);
  const clock = options.clock ?? (() => new Date());
  const startOfToday = new Date(Math.floor(clock().getTime() / 86_400_000) * 86_400_000);
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    scale: options.scale,
    seed: options.seed,
    seedBaseDate: options.seedBaseDate ?? startOfToday,
    apiVersion,
    latencyMs: nonNegative('latencyMs', options.latencyMs ?? 0),
    dailyApiLimit: nonNegative('dailyApiLimit', options.dailyApiLimit ?? 100_000),
    accessTokenTtlSeconds: nonNegative(
      'accessTokenTtlSeconds',
      options.accessTokenTtlSeconds ?? 7200,
    ),
    clientId: options.clientId ?? DEMO_OAUTH_CLIENT.clientId,
    clientSecret: options.clientSecret ?? DEMO_OAUTH_CLIENT.clientSecret,
    redirectUris: options.redirectUris ?? [...DEMO_OAUTH_CLIENT.redirectUris],
    jwtPublicKeyPem: options.jwtPublicKeyPem,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    clientCredentialsUsername: options.clientCredentialsUsername ?? 'integration@atom-demo.org',
    cdc: { ...options.cdc },
    clock,
  };
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number`);
  return value;
}
