import { isRecord } from '../../lib/is-record';
import {
  WebhookRejectedError,
  base64HmacMatches,
  parseJsonBody,
  singleHeader,
} from '../linked/webhook-verification';

type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Zendesk signs the timestamp with the body but sets no window; ours is Stripe's 300 s, so a
 * captured delivery cannot be replayed later.
 */
export const ZENDESK_WEBHOOK_TOLERANCE_SECONDS = 300;

const TICKET_EVENT_PREFIX = 'zen:event-type:ticket.';

/** A verified Zendesk ticket event (https://developer.zendesk.com/api-reference/webhooks/event-types/ticket-events/). */
export interface ZendeskWebhookEvent {
  /** The event's own id: a retried delivery repeats it. */
  eventId: string;
  /** `zen:event-type:ticket.status_changed` ... */
  type: string;
  /** The ticket the event is about; null for an event that is not about a ticket. */
  ticketId: number | null;
}

function ticketIdOf(payload: Record<string, unknown>): number | null {
  const detail = isRecord(payload.detail) ? payload.detail : {};
  const fromDetail =
    typeof detail.id === 'string' || typeof detail.id === 'number' ? detail.id : '';
  const fromSubject =
    typeof payload.subject === 'string' ? /^zen:ticket:(\d+)$/.exec(payload.subject)?.[1] : '';
  const text = String(fromDetail !== '' ? fromDetail : (fromSubject ?? ''));
  return /^[1-9]\d{0,14}$/.test(text) ? Number(text) : null;
}

/**
 * Verifies `X-Zendesk-Webhook-Signature` = base64 HMAC-SHA256(secret, timestamp + raw body)
 * with `X-Zendesk-Webhook-Signature-Timestamp`, constant-time, within the replay window.
 * Throws WebhookRejectedError.
 */
export function verifyZendeskWebhook(
  rawBody: Buffer,
  headers: HeaderBag,
  secret: string,
  options: { toleranceSeconds?: number; now?: () => number } = {},
): ZendeskWebhookEvent {
  const signature = singleHeader(headers, 'x-zendesk-webhook-signature');
  const timestamp = singleHeader(headers, 'x-zendesk-webhook-signature-timestamp');
  if (signature === undefined || timestamp === undefined) {
    throw new WebhookRejectedError(
      'signature',
      'The X-Zendesk-Webhook-Signature and -Timestamp headers are required',
    );
  }
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  if (!base64HmacMatches(secret, signed, signature)) {
    throw new WebhookRejectedError('signature', 'The Zendesk webhook signature does not match');
  }
  const sentAt = Date.parse(timestamp);
  const now = options.now?.() ?? Date.now();
  const tolerance = (options.toleranceSeconds ?? ZENDESK_WEBHOOK_TOLERANCE_SECONDS) * 1000;
  if (Number.isNaN(sentAt) || Math.abs(now - sentAt) > tolerance) {
    throw new WebhookRejectedError(
      'signature',
      'The Zendesk webhook timestamp is outside the window',
    );
  }
  const payload = parseJsonBody(rawBody);
  if (!isRecord(payload) || typeof payload.id !== 'string' || typeof payload.type !== 'string') {
    throw new WebhookRejectedError('payload', 'The signed body is not a Zendesk event');
  }
  const ticketId = payload.type.startsWith(TICKET_EVENT_PREFIX) ? ticketIdOf(payload) : null;
  if (payload.type.startsWith(TICKET_EVENT_PREFIX) && ticketId === null) {
    throw new WebhookRejectedError('payload', `${payload.type} names no ticket`);
  }
  return { eventId: payload.id, type: payload.type, ticketId };
}
