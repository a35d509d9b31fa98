import { z } from 'zod';

const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const secret = (rule: z.ZodString) => z.preprocess(emptyToUndefined, rule.optional());

/** Default `WEBHOOK_MAX_BODY_BYTES`: Stripe's largest events are a few dozen KiB. */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 256 * 1024;

/**
 * The secrets of the embedded demo (emulator mode), where the emulators sign what they send.
 * Public on purpose, like the demo org's passwords: emulator mode listens on loopback only.
 */
export const DEMO_WEBHOOK_SECRETS = Object.freeze({
  stripe: 'whsec_atom_demo_stripe_webhook_secret',
  zendesk: 'atom-demo-zendesk-webhook-secret',
  quickbooks: 'atom-demo-quickbooks-verifier-token',
});

/** The receivers of Stripe, Zendesk and QuickBooks webhooks (README "Webhooks"). */
export const webhooksEnvironment = {
  STRIPE_WEBHOOK_SECRET: secret(
    z.string().regex(/^whsec_[A-Za-z0-9_]{8,}$/, "the endpoint's signing secret (whsec_...)"),
  ),
  ZENDESK_WEBHOOK_SECRET: secret(z.string().min(8, 'the webhook signing secret (8+ characters)')),
  QUICKBOOKS_WEBHOOK_VERIFIER_TOKEN: secret(
    z.string().min(8, "the app's webhook verifier token (8+ characters)"),
  ),
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(10 * 1024 * 1024)
    .default(DEFAULT_WEBHOOK_MAX_BODY_BYTES),
};

type WebhooksEnvironment = z.infer<z.ZodObject<typeof webhooksEnvironment>>;

/** A receiver without its secret is not mounted: its route answers 404, never unsigned input. */
export interface WebhooksConfig {
  maxBodyBytes: number;
  stripeSecret: string | undefined;
  zendeskSecret: string | undefined;
  quickBooksVerifierToken: string | undefined;
}

/** Emulator mode falls back to the demo secrets; a set variable always wins. */
export function resolveWebhooks(
  env: WebhooksEnvironment,
  salesforceMode: 'emulator' | 'live',
): WebhooksConfig {
  const demo = salesforceMode === 'emulator';
  return {
    maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
    stripeSecret: env.STRIPE_WEBHOOK_SECRET ?? (demo ? DEMO_WEBHOOK_SECRETS.stripe : undefined),
    zendeskSecret: env.ZENDESK_WEBHOOK_SECRET ?? (demo ? DEMO_WEBHOOK_SECRETS.zendesk : undefined),
    quickBooksVerifierToken:
      env.QUICKBOOKS_WEBHOOK_VERIFIER_TOKEN ?? (demo ? DEMO_WEBHOOK_SECRETS.quickbooks : undefined),
  };
}
