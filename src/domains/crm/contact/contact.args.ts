import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { ContactFilter } from './contact.filter';
import { ContactOrderBy } from './contact.order-by';

@ArgsType()
export class ContactConnectionArgs extends ConnectionArgs {
  @Field(() => ContactFilter, {
    nullable: true,
    description:
      'Only Contacts matching this filter; null or absent: every one the viewer can see.',
  })
  where?: ContactFilter | null;

  @Field(() => [ContactOrderBy], {
    nullable: true,
    description:
      'Sort keys, first one first; null or absent: by Id. Sorting twice on one field is BAD_USER_INPUT.',
  })
  orderBy?: ContactOrderBy[] | null;
}
