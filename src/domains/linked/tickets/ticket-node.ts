import type { GatewayContext } from '../../../context/gateway-context';
import { BadUserInputError } from '../../../errors';
import type { Node } from '../../shared/node.interface';
import { withGraphQLErrors } from '../../crm/common/graphql-errors';
import { TICKET_ID_PREFIX, toTicket } from './ticket-mapper';

/** `Ticket.number` is a GraphQL Int. */
const MAX_TICKET_NUMBER = 2_147_483_647;

/** `node(id: "zendesk-ticket:123")`: the ticket (batched `show_many`); null when it does not exist. */
export async function ticketNode(ctx: GatewayContext, localId: string): Promise<Node | null> {
  const number = /^[1-9]\d{0,9}$/.test(localId) ? Number(localId) : NaN;
  if (!(number <= MAX_TICKET_NUMBER)) {
    throw new BadUserInputError(
      `"${TICKET_ID_PREFIX}:${localId.slice(0, 40)}" is not a ticket id: the part after the colon is the Zendesk ticket number`,
      { argument: 'id' },
    );
  }
  const loaders = ctx.linked.zendesk;
  const record = await withGraphQLErrors(() => loaders.ticketById.load(number));
  return record ? (toTicket(record, loaders.agentTicketUrl(record.id), {}) ?? null) : null;
}
