import type { LinkedChange, LinkedChangeService } from '../../live/linked-changes';
import { linkedChangeTopics } from '../../live/linked-changes';
import type { LinkedChangeSink } from '../../live/live-changes';
import { createQuickBooksLoaders, type QuickBooksInvoice } from '../../upstreams/quickbooks';
import { verifyQuickBooksWebhook } from '../../upstreams/quickbooks/webhooks';
import type { StripePaymentRecord } from '../../upstreams/stripe';
import { verifyStripeWebhook } from '../../upstreams/stripe/webhooks';
import type { ZendeskTicketRecord } from '../../upstreams/zendesk';
import { verifyZendeskWebhook } from '../../upstreams/zendesk/webhooks';
import {
  accountOfQuickBooksCustomer,
  accountOfStripeCustomer,
  accountOfZendeskOrganization,
  type LinkedChangeReadDeps,
} from './linked-change-accounts';
import { ticketStatusFromZendesk } from './tickets/ticket-status';

type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/** A QuickBooks invoice as published: invoice Ids are unique only within one company. */
export interface PublishedInvoice {
  realmId: string;
  invoice: QuickBooksInvoice;
}

export const paymentReceivedTopic = linkedChangeTopics.paymentReceived<StripePaymentRecord>();
export const ticketChangedTopic = linkedChangeTopics.ticketChanged<ZendeskTicketRecord>();
export const invoiceChangedTopic = linkedChangeTopics.invoiceChanged<PublishedInvoice>();

/** One verified event of a delivery: its dedupe key and the work of publishing it. */
export interface ReceivedEvent {
  key: string;
  type: string;
  /** Resolves the Account, reads what the event only names, publishes; false: nothing to publish. */
  publish(): Promise<boolean>;
}

/** Verifies a delivery's signature on its raw bytes and lists its events; throws WebhookRejectedError. */
export type WebhookReceiver = (rawBody: Buffer, headers: HeaderBag) => ReceivedEvent[];

export interface WebhookEventDeps {
  sink: LinkedChangeSink;
  /** A fresh read scope per event (its own request id and rows budget). */
  reads(eventKey: string): LinkedChangeReadDeps;
}

function changeOf<R>(
  service: LinkedChangeService,
  key: string,
  type: string,
  accountId: string,
  record: R,
): LinkedChange<R> {
  return {
    service,
    eventId: key,
    eventType: type,
    accountId,
    record,
    receivedAt: new Date().toISOString(),
  };
}

/**
 * `paymentReceived` is fed by `payment_intent.succeeded`; other event types are acknowledged
 * and dropped. The event carries the whole PaymentIntent, so Stripe is asked only for the
 * customer's metadata when no Account holds the customer in its link field.
 */
export function stripeReceiver(secret: string, deps: WebhookEventDeps): WebhookReceiver {
  return (rawBody, headers) => {
    const event = verifyStripeWebhook(rawBody, headers, secret);
    return [
      {
        key: event.eventId,
        type: event.type,
        async publish() {
          const payment = event.payment;
          // No customer, no Account: a payment made without one belongs to nobody's feed.
          const customerId = payment?.customerId ?? null;
          if (payment === null || customerId === null) return false;
          const accountId = await accountOfStripeCustomer(deps.reads(event.eventId), customerId);
          if (accountId === null) return false;
          await deps.sink.publish(
            paymentReceivedTopic,
            changeOf('stripe', event.eventId, event.type, accountId, payment),
          );
          return true;
        },
      },
    ];
  };
}

/**
 * `ticketChanged` is fed by every ticket event (`zen:event-type:ticket.*`). The ticket is read
 * from Zendesk by id: the canonical shape, as queries show it; a deleted ticket is dropped.
 */
export function zendeskReceiver(secret: string, deps: WebhookEventDeps): WebhookReceiver {
  return (rawBody, headers) => {
    const event = verifyZendeskWebhook(rawBody, headers, secret);
    return [
      {
        key: event.eventId,
        type: event.type,
        async publish() {
          if (event.ticketId === null) return false;
          const reads = deps.reads(event.eventId);
          const [ticket] = await reads.linked.upstreams.zendesk.ticketsByIds(
            [event.ticketId],
            reads.operation,
          );
          // A deleted ticket (or a status the graph has no value for) is not a Ticket any
          // more; a ticket without organization belongs to no Account.
          if (!ticket || ticketStatusFromZendesk(ticket.status) === undefined) return false;
          if (ticket.organization_id === null) return false;
          const accountId = await accountOfZendeskOrganization(reads, ticket.organization_id);
          if (accountId === null) return false;
          await deps.sink.publish(
            ticketChangedTopic,
            changeOf('zendesk', event.eventId, event.type, accountId, ticket),
          );
          return true;
        },
      },
    ];
  };
}

/** Invoice operations `invoiceChanged` is fed by; a deleted invoice cannot be read any more. */
const INVOICE_OPERATIONS: ReadonlySet<string> = new Set(['Create', 'Update', 'Void', 'Emailed']);

/**
 * `invoiceChanged` is fed by Invoice Create, Update, Void and Emailed. QuickBooks sends ids
 * only: the invoice is read through the QuickBooks upstream; another company's is dropped.
 */
export function quickBooksReceiver(verifierToken: string, deps: WebhookEventDeps): WebhookReceiver {
  return (rawBody, headers) =>
    verifyQuickBooksWebhook(rawBody, headers, verifierToken).map((change) => ({
      key: change.dedupeKey,
      type: `${change.entity}.${change.operation}`,
      async publish() {
        if (change.entity !== 'Invoice' || !INVOICE_OPERATIONS.has(change.operation)) return false;
        const reads = deps.reads(change.dedupeKey);
        const loaders = createQuickBooksLoaders(reads.linked.upstreams.quickbooks, reads.operation);
        if (loaders.realmId() !== change.realmId) return false;
        const invoice = await loaders.invoiceById.load(change.id);
        if (!invoice) return false;
        const accountId = await accountOfQuickBooksCustomer(
          reads,
          invoice.customerId,
          invoice.customerName,
        );
        if (accountId === null) return false;
        await deps.sink.publish(
          invoiceChangedTopic,
          changeOf('quickbooks', change.dedupeKey, change.operation, accountId, {
            realmId: change.realmId,
            invoice,
          }),
        );
        return true;
      },
    }));
}
