import { ArgsType, Field, Int } from 'type-graphql';
import { TicketStatus } from './ticket-status';

/** `tickets(first: Int = 20, after: String, status: [TicketStatus!])` on Account and Contact. */
@ArgsType()
export class TicketConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description:
      'Tickets per page, 0 to 200 (default 20); anything else is BAD_USER_INPUT, before Zendesk is called.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The `endCursor` of the previous page; a cursor of another list is BAD_USER_INPUT.',
  })
  after?: string | null;

  @Field(() => [TicketStatus], {
    nullable: true,
    description: 'Only tickets in one of these statuses; absent or empty: every status.',
  })
  status?: TicketStatus[] | null;
}
