import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { AccountFilter } from './account.filter';
import { AccountOrderBy } from './account.order-by';

@ArgsType()
export class AccountConnectionArgs extends ConnectionArgs {
  @Field(() => AccountFilter, { nullable: true })
  where?: AccountFilter | null;

  @Field(() => [AccountOrderBy], { nullable: true })
  orderBy?: AccountOrderBy[] | null;
}
