import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { UserFilter } from './user.filter';
import { UserOrderBy } from './user.order-by';

@ArgsType()
export class UserConnectionArgs extends ConnectionArgs {
  @Field(() => UserFilter, {
    nullable: true,
    description: 'Only users matching this filter; null or absent: every user of the org.',
  })
  where?: UserFilter | null;

  @Field(() => [UserOrderBy], {
    nullable: true,
    description: 'Sort keys, first one first; absent: by Id.',
  })
  orderBy?: UserOrderBy[] | null;
}
