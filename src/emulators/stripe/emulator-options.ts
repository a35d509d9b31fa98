import type { WebhookTarget } from '../http-kit/webhook-sender';

/** The demo secret key: what `.env.example` and the gateway's demo config point at. */
export const DEMO_STRIPE_API_KEY = 'sk_test_atom_demo_emulator_key';

/** The API version stripe-node 23 pins, echoed when a request names none. */
export const EMULATED_API_VERSION = '2026-11-18.endive';

export interface StripeEmulatorOptions {
  /** Loopback only by default. */
  host?: string;
  /** 0 (an ephemeral port) by default; the demo passes EMULATOR_STRIPE_PORT. */
  port?: number;
  /** Secret keys accepted as `Authorization: Bearer <key>` (default: the demo key). */
  apiKeys?: string[];
  /** The Salesforce seed's options, so the customers link to the same accounts. */
  scale?: number;
  seed?: number;
  /**
   * The seed's "as of" moment. Default: the start of the current UTC day (by `clock`), as
   * the Salesforce emulator does, so both seeds describe the same accounts on the same day.
   */
  seedBaseDate?: Date | string;
  /** Added to every API call. */
  latencyMs?: number;
  /** `Retry-After` of a rate-limited answer, in seconds. */
  retryAfterSeconds?: number;
  /** Timestamps of objects created through the API. */
  clock?: () => Date;
  /** Where to send signed webhook events (also set through `POST /__emulator/webhooks`). */
  webhooks?: WebhookTarget;
}

export interface ResolvedStripeEmulatorOptions {
  host: string;
  port: number;
  apiKeys: string[];
  scale: number | undefined;
  seed: number | undefined;
  seedBaseDate: Date | string;
  latencyMs: number;
  retryAfterSeconds: number;
  clock: () => Date;
  webhooks: WebhookTarget | undefined;
}

export function resolveStripeEmulatorOptions(
  options: StripeEmulatorOptions = {},
): ResolvedStripeEmulatorOptions {
  const clock = options.clock ?? (() => new Date());
  const startOfToday = new Date(Math.floor(clock().getTime() / 86_400_000) * 86_400_000);
  const apiKeys = options.apiKeys ?? [DEMO_STRIPE_API_KEY];
  if (apiKeys.length === 0 || apiKeys.some((k) => k.trim() === ''))
    throw new Error('apiKeys must list at least one non-empty key');
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    apiKeys,
    scale: options.scale,
    seed: options.seed,
    seedBaseDate: options.seedBaseDate ?? startOfToday,
    latencyMs: nonNegative('latencyMs', options.latencyMs ?? 0),
    retryAfterSeconds: nonNegative('retryAfterSeconds', options.retryAfterSeconds ?? 1),
    clock,
    webhooks: options.webhooks,
  };
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number`);
  return value;
}
