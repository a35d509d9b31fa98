import type { TriggerReply } from '../../http-kit/admin-routes';
import type { QuickBooksContext } from '../emulator-context';
import {
  createInvoice,
  deleteInvoice,
  InvoiceInvalid,
  updateInvoice,
  voidInvoice,
} from '../model/invoice-changes';
import type { InvoiceOperation } from './quickbooks-events';

const OPERATIONS: readonly InvoiceOperation[] = ['Create', 'Update', 'Void', 'Delete'];
const ITEMS = [
  ['1', 'Services', 150],
  ['3', 'Subscription', 1200],
  ['5', 'Support Plan', 750],
] as const;

const bad = (error: string, status = 400): TriggerReply => ({ status, body: { error } });

/**
 * `POST /__emulator/webhooks/trigger`. `{"invoiceId": "..", "operation"?: "Update" | "Void" |
 * "Delete"}` changes that invoice (an Update without fields records payment of its balance)
 * and notifies; otherwise `{"customerId"?: ".."}` bills that customer (a random one linked to
 * Salesforce when omitted) a new invoice. Answers `{id, operation, eventId}`.
 */
export function triggerQuickBooksWebhook(
  ctx: QuickBooksContext,
  body: Record<string, unknown>,
): TriggerReply {
  const now = ctx.options.clock();
  const data = ctx.data();
  const { invoiceId, customerId, operation: requested, ...fields } = body;
  const operation = requested ?? (invoiceId === undefined ? 'Create' : 'Update');
  if (typeof operation !== 'string' || !OPERATIONS.includes(operation as InvoiceOperation))
    return bad(`operation must be one of ${OPERATIONS.join(', ')}`);
  try {
    if (operation === 'Create') {
      const customer = pickCustomer(ctx, customerId);
      if (typeof customer !== 'string') return customer;
      const rng = ctx.triggerRandom;
      const [itemId, name, price] = rng.pick(ITEMS);
      const qty = rng.int(1, 6);
      const invoice = createInvoice(
        data,
        {
          CustomerRef: { value: customer },
          Line: [
            {
              Description: `${name} (emulator trigger)`,
              Amount: price * qty,
              DetailType: 'SalesItemLineDetail',
              SalesItemLineDetail: { ItemRef: { value: itemId, name }, UnitPrice: price, Qty: qty },
            },
          ],
        },
        now,
      );
      const eventId = ctx.events.invoice('Create', invoice.Id, now) ?? null;
      return { status: 200, body: { id: invoice.Id, operation, eventId } };
    }
    if (typeof invoiceId !== 'string') return bad('invoiceId must be an invoice Id (a string)');
    const invoice = data.invoices.find((i) => i.Id === invoiceId);
    if (!invoice) return bad(`no invoice ${invoiceId}`, 404);
    if (operation === 'Delete') deleteInvoice(data, invoice);
    else if (operation === 'Void') voidInvoice(data, invoice, now);
    else
      updateInvoice(data, invoice, Object.keys(fields).length > 0 ? fields : { Balance: 0 }, now);
    const eventId = ctx.events.invoice(operation as InvoiceOperation, invoice.Id, now) ?? null;
    return { status: 200, body: { id: invoice.Id, operation, eventId } };
  } catch (err) {
    if (err instanceof InvoiceInvalid) return bad(err.detail);
    throw err;
  }
}

/** The customer Id to bill, or the trigger's refusal. */
function pickCustomer(ctx: QuickBooksContext, requested: unknown): string | TriggerReply {
  const customers = ctx.data().customers;
  if (requested !== undefined) {
    if (typeof requested !== 'string') return bad('customerId must be a customer Id (a string)');
    return customers.some((c) => c.Id === requested)
      ? requested
      : bad(`no customer ${requested}`, 404);
  }
  const pool =
    ctx.linkedCustomerIds.length > 0 ? ctx.linkedCustomerIds : customers.map((c) => c.Id);
  return pool.length > 0 ? ctx.triggerRandom.pick(pool) : bad('no customers to bill', 404);
}
