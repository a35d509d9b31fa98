import type { WebhookTarget } from '../http-kit/webhook-sender';

/** The demo Intuit app and company: what `.env.example` and the gateway's demo config use. */
export const DEMO_QUICKBOOKS = {
  clientId: 'atom-demo-qbo-client',
  clientSecret: 'atom-demo-qbo-secret',
  realmId: '9130350000000001',
  refreshToken: 'atom-demo-qbo-refresh-token',
} as const;

export interface QuickBooksEmulatorOptions {
  /** Loopback only by default. */
  host?: string;
  /** 0 (ephemeral) by default; the demo passes EMULATOR_QUICKBOOKS_PORT (4013). */
  port?: number;
  realmId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The refresh token that exists at start (and after a reset). */
  refreshToken?: string;
  /** QBO: 3600 s. */
  accessTokenTtlSeconds?: number;
  /** QBO: 100 days. */
  refreshTokenTtlSeconds?: number;
  /**
   * Every refresh grant issues a new refresh token and the one presented stops working, as
   * Intuit does once a token is a day old (clients must keep the newest). Off by default: the
   * demo config and the contract suite reuse the initial token.
   */
  rotateRefreshTokens?: boolean;
  /** Added to every API call. */
  latencyMs?: number;
  /** The Salesforce seed this company links to (pass the Salesforce emulator's scale and seed). */
  salesforce?: { scale?: number; seed?: number; baseDate?: Date | string };
  /** PRNG seed of the QuickBooks data. */
  seed?: number;
  /** "Today" of the seed's due dates; default: the current UTC day by `clock`. */
  now?: Date | string;
  /** Token expiry clock. */
  clock?: () => Date;
  /**
   * Where to send data change notifications, `secret` being the app's webhook verifier token
   * (also set through `POST /__emulator/webhooks`).
   */
  webhooks?: WebhookTarget;
}

export type ResolvedQuickBooksOptions = Required<
  Omit<QuickBooksEmulatorOptions, 'salesforce' | 'seed' | 'webhooks'>
> &
  Pick<QuickBooksEmulatorOptions, 'salesforce' | 'seed' | 'webhooks'>;

export function resolveQuickBooksOptions(
  options: QuickBooksEmulatorOptions = {},
): ResolvedQuickBooksOptions {
  const clock = options.clock ?? (() => new Date());
  for (const key of ['accessTokenTtlSeconds', 'refreshTokenTtlSeconds', 'latencyMs'] as const) {
    const v = options[key];
    if (v !== undefined && (!Number.isFinite(v) || v < 0))
      throw new Error(`${key} must be a non-negative number`);
  }
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    realmId: options.realmId ?? DEMO_QUICKBOOKS.realmId,
    clientId: options.clientId ?? DEMO_QUICKBOOKS.clientId,
    clientSecret: options.clientSecret ?? DEMO_QUICKBOOKS.clientSecret,
    refreshToken: options.refreshToken ?? DEMO_QUICKBOOKS.refreshToken,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 100 * 86_400,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    latencyMs: options.latencyMs ?? 0,
    salesforce: options.salesforce,
    seed: options.seed,
    now: options.now ?? new Date(Math.floor(clock().getTime() / 86_400_000) * 86_400_000),
    clock,
    webhooks: options.webhooks,
  };
}
