import { ArgsType, Field, Int } from 'type-graphql';
import { PaymentStatus } from './payment-status.enum';

@ArgsType()
export class AccountPaymentsArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description:
      'Payments per page, 0 to 200 (default 20); anything else is BAD_USER_INPUT, before Stripe is called.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The `endCursor` of the previous page; a cursor of another list is BAD_USER_INPUT.',
  })
  after?: string | null;

  @Field(() => [PaymentStatus], {
    nullable: true,
    description: 'Only payments in one of these statuses (all when absent).',
  })
  status?: PaymentStatus[] | null;
}
