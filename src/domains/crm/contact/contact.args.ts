import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../shared/connection.args';
import { ContactFilter } from './contact.filter';
import { ContactOrderBy } from './contact.order-by';

@ArgsType()
export class ContactConnectionArgs extends ConnectionArgs {
  @Field(() => ContactFilter, { nullable: true })
  where?: ContactFilter | null;

  @Field(() => [ContactOrderBy], { nullable: true })
  orderBy?: ContactOrderBy[] | null;
}
