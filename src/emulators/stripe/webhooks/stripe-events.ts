import { randomInt } from 'node:crypto';
import type { WebhookSender } from '../../http-kit/webhook-sender';
import type { StripeStore } from '../model/stripe-store';

/** The event types the emulator sends (a subset of https://docs.stripe.com/api/events/types). */
export type StripeEventType =
  | 'payment_intent.created'
  | 'payment_intent.succeeded'
  | 'payment_intent.payment_failed'
  | 'payment_intent.canceled'
  | 'charge.refunded';

export const STRIPE_EVENT_TYPES: readonly StripeEventType[] = [
  'payment_intent.created',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'charge.refunded',
];

/** What API handlers tell about a data change; the sink decides whether anything is sent. */
export interface StripeEventSink {
  /** Sends one event about `object` (snapshotted now); its id, or undefined when not sent. */
  publish(type: StripeEventType, object: object): string | undefined;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Builds Stripe Event objects (fixtures3.json `resources.event`) and hands them to the sender. */
export class StripeEvents implements StripeEventSink {
  constructor(
    private readonly sender: WebhookSender,
    private readonly store: StripeStore,
    private readonly apiVersion: string,
  ) {}

  publish(type: StripeEventType, object: object): string | undefined {
    if (!this.sender.target()) return undefined;
    const id = `evt_${Array.from({ length: 24 }, () => ALPHANUMERIC[randomInt(62)]).join('')}`;
    const sent = this.sender.send({
      id,
      object: 'event',
      api_version: this.apiVersion,
      created: this.store.nowSeconds(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    });
    return sent ? id : undefined;
  }
}
