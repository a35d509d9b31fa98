import type { WebhookSender } from '../../http-kit/webhook-sender';
import { qboDateTime } from '../seed/qbo-time';

export type InvoiceOperation = 'Create' | 'Update' | 'Void' | 'Delete';

/** What writes report; each returns an id for the notification, or undefined when not sent. */
export interface QuickBooksEventSink {
  invoice(operation: InvoiceOperation, invoiceId: string, lastUpdated: Date): string | undefined;
}

/**
 * Intuit's data change notifications: only the entity's name, id, operation and time (the
 * receiver reads the entity back through the API). Intuit batches changes; the emulator sends
 * one notification per change, so a demo's feed updates at once. Intuit's payload has no id of
 * its own: the id returned (and answered by the trigger) is the emulator's delivery id.
 */
export class QuickBooksEvents implements QuickBooksEventSink {
  constructor(
    private readonly sender: WebhookSender,
    private readonly realmId: string,
  ) {}

  invoice(operation: InvoiceOperation, invoiceId: string, lastUpdated: Date): string | undefined {
    if (!this.sender.target()) return undefined;
    return this.sender.send({
      eventNotifications: [
        {
          realmId: this.realmId,
          dataChangeEvent: {
            entities: [
              {
                name: 'Invoice',
                id: invoiceId,
                operation,
                lastUpdated: qboDateTime(lastUpdated.getTime()),
              },
            ],
          },
        },
      ],
    });
  }
}
