import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../account/account.type';
import { crmObjectResolver } from '../common/crm-object-resolver.factory';
import { resolveParent } from '../common/resolve-parent';
import { Contact } from '../contact/contact.type';
import { Opportunity } from '../opportunity/opportunity.type';
import { LeadConnectionArgs } from './lead.args';
import { LEAD_REQUIRED_FIELDS, LeadCreateInput, LeadUpdateInput } from './lead.inputs';
import { Lead, LeadConnection } from './lead.type';

@Resolver(() => Lead)
export class LeadResolver extends crmObjectResolver({
  sobject: 'Lead',
  singular: 'lead',
  plural: 'leads',
  type: Lead,
  connection: LeadConnection,
  connectionArgs: LeadConnectionArgs,
  createInput: LeadCreateInput,
  updateInput: LeadUpdateInput,
  requiredFields: LEAD_REQUIRED_FIELDS,
}) {
  @FieldResolver(() => Account, {
    nullable: true,
    description:
      'The Account the lead was converted into: read in the same SOQL query as the Lead, no extra call. Null until converted, or when the viewer cannot see it.',
  })
  convertedAccount(
    @Root() lead: Lead,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Account'>(ctx, info, lead, 'convertedAccount');
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description:
      'The Contact the lead was converted into: read in the same SOQL query as the Lead, no extra call. Null until converted, or when the viewer cannot see it.',
  })
  convertedContact(
    @Root() lead: Lead,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Contact'>(ctx, info, lead, 'convertedContact');
  }

  @FieldResolver(() => Opportunity, {
    nullable: true,
    description:
      'The Opportunity the lead was converted into: read in the same SOQL query as the Lead, no extra call. Null until converted (or when conversion created none), or when the viewer cannot see it.',
  })
  convertedOpportunity(
    @Root() lead: Lead,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveParent<'Opportunity'>(ctx, info, lead, 'convertedOpportunity');
  }
}
