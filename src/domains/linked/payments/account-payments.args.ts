import { ArgsType, Field, Int } from 'type-graphql';
import { PaymentStatus } from './payment-status.enum';

@ArgsType()
export class AccountPaymentsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => [PaymentStatus], {
    nullable: true,
    description: 'Only payments in one of these statuses (all when absent).',
  })
  status?: PaymentStatus[] | null;
}
