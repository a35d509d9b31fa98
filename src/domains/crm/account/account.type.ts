import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Address } from '../../shared/address.type';
import { connectionTypes, salesforceConnectionDocs } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateTimeScalar } from '../../shared/scalars';
import { picklistNote, SALESFORCE_MONEY } from '../common/field-docs';

@ObjectType({
  implements: Node,
  description:
    'A Salesforce Account: a company you sell to. Reads are as the viewer (sharing rules hide what they may not see); linked-service fields add Stripe, Zendesk and QuickBooks data.',
})
export class Account extends Node {
  @Field(() => String, { description: 'Account name (Salesforce `Name`).' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: `Account type, e.g. "Customer - Direct". ${picklistNote('ACCOUNT', 'type')}`,
  })
  type!: string | null;

  @Field(() => String, { nullable: true, description: picklistNote('ACCOUNT', 'industry') })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL, as entered.' })
  website!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Main phone number, as entered (not normalized).',
  })
  phone!: string | null;

  @Field(() => Float, { nullable: true, description: `Annual revenue. ${SALESFORCE_MONEY}` })
  annualRevenue!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of employees.' })
  numberOfEmployees!: number | null;

  @Field(() => Address, {
    nullable: true,
    description: 'Billing address (Salesforce Billing* fields); null when every part is empty.',
  })
  billingAddress!: Address | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created (UTC).' })
  createdDate!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed (UTC).' })
  lastModifiedDate!: Date;
}

export const { Edge: AccountEdge, Connection: AccountConnection } = connectionTypes(
  'Account',
  () => Account,
  salesforceConnectionDocs('Accounts'),
);
