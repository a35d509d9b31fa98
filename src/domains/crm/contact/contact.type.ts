import { Field, ObjectType } from 'type-graphql';
import { Address } from '../../shared/address.type';
import { connectionTypes, salesforceConnectionDocs } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateTimeScalar } from '../../shared/scalars';
import { picklistNote } from '../common/field-docs';

@ObjectType({
  implements: Node,
  description:
    'A Salesforce Contact: a person at an Account. Reads are as the viewer (sharing rules hide what they may not see).',
})
export class Contact extends Node {
  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { description: 'Last name (required in Salesforce).' })
  lastName!: string;

  @Field(() => String, {
    description: 'Full name, as Salesforce composes it from first and last name (read-only).',
  })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Email address; Zendesk tickets link to the Contact by it.',
  })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number, as entered.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Where the contact came from. ${picklistNote('CONTACT', 'leadSource')}`,
  })
  leadSource!: string | null;

  @Field(() => Address, {
    nullable: true,
    description: 'Mailing address (Salesforce Mailing* fields); null when every part is empty.',
  })
  mailingAddress!: Address | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created (UTC).' })
  createdDate!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed (UTC).' })
  lastModifiedDate!: Date;
}

export const { Edge: ContactEdge, Connection: ContactConnection } = connectionTypes(
  'Contact',
  () => Contact,
  salesforceConnectionDocs('Contacts'),
);
