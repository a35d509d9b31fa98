import { environmentSchema } from './config.schema';
import { DEMO_WEBHOOK_SECRETS, resolveWebhooks } from './webhooks-config';

function parse(env: Record<string, string>) {
  return environmentSchema.safeParse(env);
}

it('uses the demo secrets in emulator mode only, and a set variable over them', () => {
  const empty = parse({});
  if (!empty.success) throw empty.error;
  expect(resolveWebhooks(empty.data, 'emulator')).toEqual({
    maxBodyBytes: 256 * 1024,
    stripeSecret: DEMO_WEBHOOK_SECRETS.stripe,
    zendeskSecret: DEMO_WEBHOOK_SECRETS.zendesk,
    quickBooksVerifierToken: DEMO_WEBHOOK_SECRETS.quickbooks,
  });
  // Live: no secret, no receiver (its route answers 404).
  expect(resolveWebhooks(empty.data, 'live')).toEqual({
    maxBodyBytes: 256 * 1024,
    stripeSecret: undefined,
    zendeskSecret: undefined,
    quickBooksVerifierToken: undefined,
  });
  const set = parse({
    STRIPE_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
    ZENDESK_WEBHOOK_SECRET: 'zendesk-secret-value',
    QUICKBOOKS_WEBHOOK_VERIFIER_TOKEN: 'verifier-token-value',
    WEBHOOK_MAX_BODY_BYTES: '65536',
  });
  if (!set.success) throw set.error;
  expect(resolveWebhooks(set.data, 'emulator')).toEqual({
    maxBodyBytes: 65536,
    stripeSecret: 'whsec_0123456789abcdef',
    zendeskSecret: 'zendesk-secret-value',
    quickBooksVerifierToken: 'verifier-token-value',
  });
});

it('refuses a Stripe secret that is not a whsec_ signing secret, short secrets and a tiny body limit', () => {
  const parsed = parse({
    STRIPE_WEBHOOK_SECRET: 'sk_live_oops',
    ZENDESK_WEBHOOK_SECRET: 'short',
    WEBHOOK_MAX_BODY_BYTES: '10',
  });
  expect(parsed.success).toBe(false);
  const paths = parsed.error?.issues.map((issue) => issue.path.join('.')).sort();
  expect(paths).toEqual([
    'STRIPE_WEBHOOK_SECRET',
    'WEBHOOK_MAX_BODY_BYTES',
    'ZENDESK_WEBHOOK_SECRET',
  ]);
  // The message never echoes the value.
  expect(JSON.stringify(parsed.error?.issues)).not.toContain('sk_live_oops');
});
