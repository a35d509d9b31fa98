import { createHmac } from 'node:crypto';

/**
 * `intuit-signature`: base64 HMAC-SHA256 of the raw body with the app's webhook verifier
 * token as the key (https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks/managing-webhooks-notifications#validating-the-notification).
 */
export function signQuickBooksWebhook(
  rawBody: string,
  verifierToken: string,
): Record<string, string> {
  return {
    'intuit-signature': createHmac('sha256', verifierToken)
      .update(rawBody, 'utf8')
      .digest('base64'),
  };
}
