import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { OpportunityFilter } from './opportunity.filter';
import { OpportunityOrderBy } from './opportunity.order-by';

@ArgsType()
export class OpportunityConnectionArgs extends ConnectionArgs {
  @Field(() => OpportunityFilter, { nullable: true })
  where?: OpportunityFilter | null;

  @Field(() => [OpportunityOrderBy], { nullable: true })
  orderBy?: OpportunityOrderBy[] | null;
}
