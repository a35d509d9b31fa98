import type { WebhookTarget } from '../http-kit/webhook-sender';
import { DEMO_ZENDESK_CREDENTIALS } from './seed/demo-staff';

export interface ZendeskEmulatorOptions {
  /** Loopback only by default. */
  host?: string;
  /** 0 (an ephemeral port) by default; the demo passes EMULATOR_ZENDESK_PORT. */
  port?: number;
  /** The Salesforce seed's scale and seed, so organizations and requesters match its accounts and contacts. */
  scale?: number;
  seed?: number;
  /**
   * The seed's "as of" moment. Default: the start of the current UTC day (by `clock`), as the
   * Salesforce emulator does, so "open this week" holds data whenever the demo runs.
   */
  seedBaseDate?: Date | string;
  /** The account's API token (any active agent's or admin's email authenticates with it). */
  apiToken?: string;
  /** Added to every API call. */
  latencyMs?: number;
  /** Requests per minute before a 429 (Zendesk Enterprise: 700). */
  rateLimitPerMinute?: number;
  /** "Now" for relative search dates (`created>2days`) and the time of API writes. */
  clock?: () => Date;
  /** The account id events carry (`account_id`). */
  accountId?: number;
  /** Where to send signed ticket events (also set through `POST /__emulator/webhooks`). */
  webhooks?: WebhookTarget;
}

/** The demo account's id, as its webhook events carry it. */
export const DEMO_ZENDESK_ACCOUNT_ID = 24681357;

export interface ResolvedZendeskOptions {
  host: string;
  port: number;
  scale: number | undefined;
  seed: number | undefined;
  seedBaseDate: Date | string;
  apiToken: string;
  latencyMs: number;
  rateLimitPerMinute: number;
  clock: () => Date;
  accountId: number;
  webhooks: WebhookTarget | undefined;
}

export function resolveZendeskOptions(
  options: ZendeskEmulatorOptions = {},
): ResolvedZendeskOptions {
  const clock = options.clock ?? (() => new Date());
  const startOfToday = new Date(Math.floor(clock().getTime() / 86_400_000) * 86_400_000);
  const latencyMs = options.latencyMs ?? 0;
  const rateLimitPerMinute = options.rateLimitPerMinute ?? 700;
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    throw new Error('latencyMs must be a non-negative number');
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1)
    throw new Error('rateLimitPerMinute must be a positive integer');
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    scale: options.scale,
    seed: options.seed,
    seedBaseDate: options.seedBaseDate ?? startOfToday,
    apiToken: options.apiToken ?? DEMO_ZENDESK_CREDENTIALS.apiToken,
    latencyMs,
    rateLimitPerMinute,
    clock,
    accountId: options.accountId ?? DEMO_ZENDESK_ACCOUNT_ID,
    webhooks: options.webhooks,
  };
}
