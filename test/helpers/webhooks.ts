/**
 * Signed webhook deliveries as Stripe, Zendesk and QuickBooks send them: Stripe signed by
 * stripe-node's own `generateTestHeaderString`, the others with node:crypto exactly as their
 * docs describe. Each helper POSTs to a gateway's `/webhooks/<service>` over real HTTP.
 */
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { DEMO_WEBHOOK_SECRETS } from '../../src/config';

export interface Delivery {
  status: number;
  body: Record<string, unknown>;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Delivery> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

let sequence = 0;
/** Unique per process run: ids never collide with a Redis key left by another test. */
export function uniqueSuffix(): string {
  sequence += 1;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${sequence}`;
}

/** A succeeded PaymentIntent as Stripe puts it in `data.object`. */
export function paymentIntent(
  customer: string,
  overrides: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    id: `pi_wh${uniqueSuffix()}`,
    object: 'payment_intent',
    amount: 4200,
    amount_received: 4200,
    currency: 'usd',
    status: 'succeeded',
    customer,
    description: 'Paid through a webhook test',
    created: Math.floor(Date.now() / 1000),
    metadata: {},
    latest_charge: null,
    last_payment_error: null,
    livemode: false,
    ...overrides,
  };
}

export function stripeEvent(
  object: Record<string, unknown>,
  type = 'payment_intent.succeeded',
  id = `evt_wh${uniqueSuffix()}`,
): string {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: '2025-03-31.basil',
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
}

export function stripeSignature(
  payload: string,
  options: { timestamp?: number; secret?: string } = {},
): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? DEMO_WEBHOOK_SECRETS.stripe,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
}

export function postStripe(origin: string, payload: string, signature?: string): Promise<Delivery> {
  return post(
    `${origin}/webhooks/stripe`,
    payload,
    signature === undefined ? {} : { 'stripe-signature': signature },
  );
}

export function zendeskTicketEvent(
  ticketId: number,
  type = 'zen:event-type:ticket.status_changed',
  id: string = crypto.randomUUID(),
): string {
  return JSON.stringify({
    account_id: 1,
    type,
    id,
    time: new Date().toISOString(),
    zendesk_event_version: '2022-11-06',
    subject: `zen:ticket:${ticketId}`,
    detail: { id: String(ticketId), status: 'OPEN', subject: 'From a webhook test' },
    event: {},
  });
}

export function zendeskHeaders(
  payload: string,
  options: { timestamp?: string; secret?: string } = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? new Date().toISOString();
  const signature = createHmac('sha256', options.secret ?? DEMO_WEBHOOK_SECRETS.zendesk)
    .update(timestamp + payload)
    .digest('base64');
  return {
    'x-zendesk-webhook-signature': signature,
    'x-zendesk-webhook-signature-timestamp': timestamp,
  };
}

export function postZendesk(
  origin: string,
  payload: string,
  headers: Record<string, string>,
): Promise<Delivery> {
  return post(`${origin}/webhooks/zendesk`, payload, headers);
}

export function quickBooksInvoiceEvent(
  realmId: string,
  invoiceId: string,
  operation = 'Update',
  lastUpdated: string = new Date().toISOString(),
): string {
  return JSON.stringify({
    eventNotifications: [
      {
        realmId,
        dataChangeEvent: {
          entities: [{ name: 'Invoice', id: invoiceId, operation, lastUpdated }],
        },
      },
    ],
  });
}

export function quickBooksSignature(payload: string, token?: string): string {
  return createHmac('sha256', token ?? DEMO_WEBHOOK_SECRETS.quickbooks)
    .update(payload)
    .digest('base64');
}

export function postQuickBooks(
  origin: string,
  payload: string,
  signature?: string,
): Promise<Delivery> {
  return post(
    `${origin}/webhooks/quickbooks`,
    payload,
    signature === undefined ? {} : { 'intuit-signature': signature },
  );
}
