import { Counter, type Registry } from 'prom-client';

/**
 * What became of one webhook event (or, for `rejected`, `too_large` and `unavailable`, of one
 * delivery): `published` to the live core, `ignored` (signed but nothing to publish: another
 * event type, no linked Account), `duplicate`, `rejected` (400), `too_large` (413),
 * `unavailable` (503: live changes off, or the event could not be handled now).
 */
export type WebhookOutcome =
  'published' | 'ignored' | 'duplicate' | 'rejected' | 'too_large' | 'unavailable';

export type WebhookObserver = (service: string, outcome: WebhookOutcome, count?: number) => void;

export function createWebhookMetrics(registry: Registry): WebhookObserver {
  const deliveries = new Counter({
    name: 'gateway_webhook_events_total',
    help: 'Webhook events received from Stripe, Zendesk and QuickBooks, by service and outcome',
    labelNames: ['service', 'outcome'],
    registers: [registry],
  });
  return (service, outcome, count = 1) => {
    if (count > 0) deliveries.inc({ service, outcome }, count);
  };
}
