import type { StripeStore } from '../model/stripe-store';
import type { CallStats } from './call-stats';
import type { IdempotencyStore } from './idempotency-store';
import type { Outage } from '../../http-kit/outage';
import type { WebhookSender } from '../../http-kit/webhook-sender';
import type { SeededRandom } from '../../seed';
import type { StripeEvents } from '../webhooks/stripe-events';

export interface StripeEmulatorContext {
  store: StripeStore;
  stats: CallStats;
  idempotency: IdempotencyStore;
  outage: Outage;
  /** Secret keys the emulator accepts. */
  apiKeys: ReadonlySet<string>;
  /** Echoed as `Stripe-Version` when the request names none. */
  apiVersion: string;
  /** `Retry-After` seconds of a rate-limited answer. */
  retryAfterSeconds: number;
  nextRequestId(): string;
  /** Outgoing webhooks: the sender and the events the API's data changes publish. */
  webhooks: WebhookSender;
  events: StripeEvents;
  /** Picks the trigger's customers and amounts. */
  triggerRandom: SeededRandom;
}
