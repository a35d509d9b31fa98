import { defineTopic, type Topic } from './topics';

/** The linked services whose webhooks feed the live core. */
export type LinkedChangeService = 'stripe' | 'zendesk' | 'quickbooks';

/**
 * One linked-service event, published once by the instance that received its webhook and
 * already resolved to its Salesforce Account (so subscribers never ask the service again).
 * `record` is the upstream's plain record (JSON-safe: it crosses Redis); the core never reads
 * it, the subscription resolvers map it to the contract's type.
 */
export interface LinkedChange<R> {
  service: LinkedChangeService;
  /** The webhook's dedupe key: Stripe's `evt_…`, Zendesk's event id, QuickBooks' entity key. */
  eventId: string;
  /** The service's event type (`payment_intent.succeeded`, `zen:event-type:ticket.created`, `Update`). */
  eventType: string;
  /** The 18-character Id of the Account the record belongs to. */
  accountId: string;
  record: R;
  /** ISO 8601: when the gateway received the webhook. */
  receivedAt: string;
}

export const LINKED_CHANGE_TOPIC_PREFIX = 'linked.';

/** A topic's payload record type is chosen by its publisher and its subscribers (phantom). */
export const linkedChangeTopics = {
  paymentReceived: <R>(): Topic<LinkedChange<R>> =>
    defineTopic(`${LINKED_CHANGE_TOPIC_PREFIX}payment-received`),
  ticketChanged: <R>(): Topic<LinkedChange<R>> =>
    defineTopic(`${LINKED_CHANGE_TOPIC_PREFIX}ticket-changed`),
  invoiceChanged: <R>(): Topic<LinkedChange<R>> =>
    defineTopic(`${LINKED_CHANGE_TOPIC_PREFIX}invoice-changed`),
} as const;
