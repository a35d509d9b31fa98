import { Field, Int, ObjectType } from 'type-graphql';
import type { Account } from '../../crm/account/account.type';
import type { Contact } from '../../crm/contact/contact.type';
import { connectionTypes } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { linkedConnectionDocs } from '../linked-connection';
import { DateTimeScalar } from '../../shared/scalars';
import { TicketPriority, TicketStatus } from './ticket-status';

/** How a ticket was reached: what its `account`, `contact` and `requesterEmail` already know. */
export interface TicketOrigin {
  /** Reached through `Account.tickets`: the Account it belongs to. */
  account?: Account;
  /** Reached through `Contact.tickets`: the requester is this Contact, with this email. */
  contact?: Contact;
  requesterEmail?: string;
}

@ObjectType({
  implements: Node,
  description:
    'A Zendesk Support ticket. Its id is `zendesk-ticket:<number>`; `node(id:)` reads it from Zendesk.',
})
export class Ticket extends Node {
  @Field(() => Int, { description: "Zendesk's ticket number (its id in Zendesk)." })
  number!: number;

  @Field(() => String, {
    description: "The subject; Zendesk's description's first line when the ticket has none.",
  })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'The first comment of the ticket.' })
  description!: string | null;

  @Field(() => TicketStatus, { description: 'The ticket’s status category.' })
  status!: TicketStatus;

  @Field(() => TicketPriority, {
    nullable: true,
    description: 'Zendesk priority; null when none was set.',
  })
  priority!: TicketPriority | null;

  @Field(() => DateTimeScalar, { description: 'When the ticket was created in Zendesk.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the ticket last changed in Zendesk.' })
  updatedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The page agents open in Zendesk (`https://<subdomain>.zendesk.com/agent/tickets/<number>`), not the API URL.',
  })
  url!: string | null;

  /** Zendesk's `organization_id`: the Account's organization. */
  organizationId!: number | null;

  /** Zendesk's `requester_id`: the user whose email is the Contact's. */
  requesterId!: number;

  origin!: TicketOrigin;
}

export const { Edge: TicketEdge, Connection: TicketConnection } = connectionTypes(
  'Ticket',
  () => Ticket,
  linkedConnectionDocs('Zendesk tickets'),
);
