import { createHmac } from 'node:crypto';
import type { WebhookSigner } from '../../http-kit/webhook-sender';

/**
 * Zendesk signs `timestamp + body` with the webhook's signing secret: base64 HMAC-SHA256 in
 * `X-Zendesk-Webhook-Signature`, the timestamp in `X-Zendesk-Webhook-Signature-Timestamp`
 * (https://developer.zendesk.com/documentation/webhooks/verifying/). The timestamp is the
 * wall clock (receivers may reject old ones), in Zendesk's ISO form without milliseconds.
 */
export function signZendeskWebhook(
  rawBody: string,
  secret: string,
  nowMs = Date.now(),
): Record<string, string> {
  const timestamp = new Date(Math.floor(nowMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const signature = createHmac('sha256', secret)
    .update(timestamp + rawBody, 'utf8')
    .digest('base64');
  return {
    'X-Zendesk-Webhook-Signature': signature,
    'X-Zendesk-Webhook-Signature-Timestamp': timestamp,
  };
}

/**
 * The emulator's one webhook: its id in `X-Zendesk-Webhook-Id`, and each event's delivery id
 * (the same on every retry) in `X-Zendesk-Webhook-Invocation-Id`.
 */
export function zendeskWebhookSigner(webhookId: string): WebhookSigner {
  return (rawBody, secret, deliveryId) => ({
    ...signZendeskWebhook(rawBody, secret),
    'X-Zendesk-Webhook-Id': webhookId,
    'X-Zendesk-Webhook-Invocation-Id': deliveryId,
  });
}
