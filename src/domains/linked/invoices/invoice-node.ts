import type { GatewayContext } from '../../../context/gateway-context';
import { BadUserInputError } from '../../../errors';
import type { Node } from '../../shared/node.interface';
import { INVOICE_ID_PREFIX, toDomainInvoice } from './invoice-mapper';

const LOCAL_ID = /^(\d{1,30}):(\d{1,20})$/;

/**
 * `node(id: "quickbooks-invoice:<realm>:<id>")`: null when the invoice does not exist or
 * belongs to another company; a malformed id is BAD_USER_INPUT. Throws LinkedServiceError when
 * QuickBooks fails (the nullable `node` then answers null with the error).
 */
export async function invoiceNode(ctx: GatewayContext, localId: string): Promise<Node | null> {
  const match = LOCAL_ID.exec(localId);
  if (!match) {
    throw new BadUserInputError(
      `"${INVOICE_ID_PREFIX}:${localId.slice(0, 60)}" is not an invoice id (${INVOICE_ID_PREFIX}:<realm id>:<invoice Id>, digits)`,
      { argument: 'id' },
    );
  }
  const [, realmId, invoiceId] = match as unknown as [string, string, string];
  const loaders = ctx.linked.quickbooks;
  if (realmId !== loaders.realmId()) return null;
  const record = await loaders.invoiceById.load(invoiceId);
  return record ? toDomainInvoice(record, realmId, null) : null;
}
