import { Field, ObjectType } from 'type-graphql';
import { connectionTypes, salesforceConnectionDocs } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';

@ObjectType({
  implements: Node,
  description:
    'A Salesforce user of the org: a record owner (`owner`, `ownerId`) or the viewer. Read as the viewer: Salesforce decides which users they see (all of the org’s internal users under the default sharing; fewer when the org’s User sharing is private, or for external users).',
})
export class User extends Node {
  @Field(() => String, { description: 'Full name (Salesforce `Name`: first and last name).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => Boolean, {
    description:
      'False once an admin deactivated the user: they can no longer sign in, and keep the records they own.',
  })
  isActive!: boolean;
}

export const { Edge: UserEdge, Connection: UserConnection } = connectionTypes(
  'User',
  () => User,
  salesforceConnectionDocs('Users'),
);
