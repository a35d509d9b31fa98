import type { GatewayContext } from '../../context/gateway-context';
import { BadUserInputError } from '../../errors';
import type { Node } from '../shared/node.interface';
import { invoiceNode } from './invoices/invoice-node';
import { paymentNode } from './payments/payment-node';
import { ticketNode } from './tickets/ticket-node';

/**
 * The global ids of linked-service nodes: `stripe-payment:pi_…`, `zendesk-ticket:123`,
 * `quickbooks-invoice:<realm>:<id>`. Salesforce Ids never contain a colon, so the prefix alone
 * tells the two apart.
 */
const LINKED_NODE_KINDS: Record<
  string,
  (ctx: GatewayContext, localId: string) => Promise<Node | null>
> = {
  'stripe-payment': paymentNode,
  'zendesk-ticket': ticketNode,
  'quickbooks-invoice': invoiceNode,
};

/** Whether `node(id:)` should look in a linked service (the id has a `kind:` prefix). */
export function isLinkedNodeId(id: string): boolean {
  return id.includes(':');
}

export function resolveLinkedNode(ctx: GatewayContext, id: string): Promise<Node | null> {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const localId = id.slice(colon + 1);
  const load = LINKED_NODE_KINDS[kind];
  if (load === undefined || localId === '') {
    throw new BadUserInputError(
      `id "${id.slice(0, 80)}" is neither a Salesforce Id nor a linked id (${Object.keys(LINKED_NODE_KINDS).join(':…, ')}:…)`,
      { argument: 'id' },
    );
  }
  return load(ctx, localId);
}
