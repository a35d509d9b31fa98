import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { LeadFilter } from './lead.filter';
import { LeadOrderBy } from './lead.order-by';

@ArgsType()
export class LeadConnectionArgs extends ConnectionArgs {
  @Field(() => LeadFilter, { nullable: true })
  where?: LeadFilter | null;

  @Field(() => [LeadOrderBy], { nullable: true })
  orderBy?: LeadOrderBy[] | null;
}
