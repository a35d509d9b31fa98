import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { AccountFilter } from './account.filter';
import { AccountOrderBy } from './account.order-by';

@ArgsType()
export class AccountConnectionArgs extends ConnectionArgs {
  @Field(() => AccountFilter, {
    nullable: true,
    description:
      'Only Accounts matching this filter; null or absent: every Account the viewer can see.',
  })
  where?: AccountFilter | null;

  @Field(() => [AccountOrderBy], {
    nullable: true,
    description:
      'Sort keys, first one first; null or absent: by Id. Sorting twice on one field is BAD_USER_INPUT.',
  })
  orderBy?: AccountOrderBy[] | null;
}
