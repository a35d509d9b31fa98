import { isRecord } from '../../lib/is-record';
import {
  WebhookRejectedError,
  base64HmacMatches,
  parseJsonBody,
  singleHeader,
} from '../linked/webhook-verification';

type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/** One entity change of a notification: QuickBooks sends ids only, never the record. */
export interface QuickBooksEntityChange {
  /**
   * realm + entity + id + operation + lastUpdated: QuickBooks events have no id of their
   * own, and a retried delivery repeats all five.
   */
  dedupeKey: string;
  realmId: string;
  entity: string;
  id: string;
  operation: string;
  lastUpdated: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function entityChanges(payload: unknown): QuickBooksEntityChange[] {
  if (!isRecord(payload) || !Array.isArray(payload.eventNotifications)) {
    throw new WebhookRejectedError('payload', 'The signed body has no eventNotifications');
  }
  const changes: QuickBooksEntityChange[] = [];
  for (const notification of payload.eventNotifications as unknown[]) {
    const realmId = isRecord(notification) ? text(notification.realmId) : null;
    const event = isRecord(notification) ? notification.dataChangeEvent : undefined;
    const entities = isRecord(event) ? event.entities : undefined;
    if (realmId === null || !Array.isArray(entities)) {
      throw new WebhookRejectedError('payload', 'A notification lacks realmId or entities');
    }
    for (const entity of entities as unknown[]) {
      const row = isRecord(entity) ? entity : {};
      const name = text(row.name);
      const id = text(row.id);
      const operation = text(row.operation);
      const lastUpdated = text(row.lastUpdated) ?? '';
      if (name === null || id === null || operation === null) {
        throw new WebhookRejectedError('payload', 'An entity lacks name, id or operation');
      }
      changes.push({
        dedupeKey: [realmId, name, id, operation, lastUpdated].join('\u0000'),
        realmId,
        entity: name,
        id,
        operation,
        lastUpdated,
      });
    }
  }
  return changes;
}

/**
 * Verifies `intuit-signature` = base64 HMAC-SHA256(verifier token, raw body), constant-time
 * (https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks). The scheme signs
 * no timestamp, so replays are stopped by the dedupe key alone. Throws WebhookRejectedError.
 */
export function verifyQuickBooksWebhook(
  rawBody: Buffer,
  headers: HeaderBag,
  verifierToken: string,
): QuickBooksEntityChange[] {
  const signature = singleHeader(headers, 'intuit-signature');
  if (signature === undefined) {
    throw new WebhookRejectedError('signature', 'The intuit-signature header is missing');
  }
  if (!base64HmacMatches(verifierToken, rawBody, signature)) {
    throw new WebhookRejectedError('signature', 'The QuickBooks webhook signature does not match');
  }
  return entityChanges(parseJsonBody(rawBody));
}
