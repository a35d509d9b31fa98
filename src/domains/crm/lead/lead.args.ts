import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { LeadFilter } from './lead.filter';
import { LeadOrderBy } from './lead.order-by';

@ArgsType()
export class LeadConnectionArgs extends ConnectionArgs {
  @Field(() => LeadFilter, {
    nullable: true,
    description: 'Only Leads matching this filter; null or absent: every one the viewer can see.',
  })
  where?: LeadFilter | null;

  @Field(() => [LeadOrderBy], {
    nullable: true,
    description:
      'Sort keys, first one first; null or absent: by Id. Sorting twice on one field is BAD_USER_INPUT.',
  })
  orderBy?: LeadOrderBy[] | null;
}
