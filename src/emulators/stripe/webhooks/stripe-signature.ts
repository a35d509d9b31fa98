import { createHmac } from 'node:crypto';

/**
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.rawBody")>`
 * (https://docs.stripe.com/webhooks#verify-manually). The timestamp is the wall clock, not
 * the emulator's clock: receivers reject signatures older than their tolerance (300 s).
 */
export function signStripeWebhook(
  rawBody: string,
  secret: string,
  nowMs = Date.now(),
): Record<string, string> {
  const t = Math.floor(nowMs / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest('hex');
  return { 'Stripe-Signature': `t=${t},v1=${v1}` };
}
