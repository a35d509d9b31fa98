import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { OpportunityFilter } from './opportunity.filter';
import { OpportunityOrderBy } from './opportunity.order-by';

@ArgsType()
export class OpportunityConnectionArgs extends ConnectionArgs {
  @Field(() => OpportunityFilter, {
    nullable: true,
    description:
      'Only Opportunities matching this filter; null or absent: every one the viewer can see.',
  })
  where?: OpportunityFilter | null;

  @Field(() => [OpportunityOrderBy], {
    nullable: true,
    description:
      'Sort keys, first one first; null or absent: by Id. Sorting twice on one field is BAD_USER_INPUT.',
  })
  orderBy?: OpportunityOrderBy[] | null;
}
