import { Field, Float, ObjectType } from 'type-graphql';
import { connectionTypes, salesforceConnectionDocs } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { picklistNote, SALESFORCE_MONEY } from '../common/field-docs';

@ObjectType({
  implements: Node,
  description:
    'A Salesforce Lead: a prospect not yet qualified; `convertLead` turns it into an Account, a Contact and optionally an Opportunity. Reads are as the viewer.',
})
export class Lead extends Node {
  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { description: 'Last name (required in Salesforce).' })
  lastName!: string;

  @Field(() => String, {
    description: 'Full name, as Salesforce composes it from first and last name (read-only).',
  })
  name!: string;

  @Field(() => String, {
    description: 'Company name (required in Salesforce); becomes the Account name on conversion.',
  })
  company!: string;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number, as entered.' })
  phone!: string | null;

  @Field(() => String, {
    description: `Lead status, e.g. "Open - Not Contacted". ${picklistNote('LEAD', 'status')}`,
  })
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: `Lead source. ${picklistNote('LEAD', 'leadSource')}`,
  })
  leadSource!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Industry. ${picklistNote('LEAD', 'industry')}`,
  })
  industry!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Rating (Hot, Warm, Cold in a default org). ${picklistNote('LEAD', 'rating')}`,
  })
  rating!: string | null;

  @Field(() => Float, { nullable: true, description: `Annual revenue. ${SALESFORCE_MONEY}` })
  annualRevenue!: number | null;

  @Field(() => Boolean, {
    description:
      'True once converted (`convertLead`); a converted lead is read-only in Salesforce.',
  })
  isConverted!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the lead was converted; null until then.',
  })
  convertedDate!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created (UTC).' })
  createdDate!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed (UTC).' })
  lastModifiedDate!: Date;
}

export const { Edge: LeadEdge, Connection: LeadConnection } = connectionTypes(
  'Lead',
  () => Lead,
  salesforceConnectionDocs('Leads'),
);
