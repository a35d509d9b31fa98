import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { BadUserInputError } from '../../../errors';
import { convertLead } from '../../../upstreams/salesforce/operations';
import { Account } from '../account/account.type';
import { withGraphQLErrors } from '../common/graphql-errors';
import { parseIdArgument } from '../common/ids';
import { readFresh } from '../common/record-writes';
import { Contact } from '../contact/contact.type';
import { Opportunity } from '../opportunity/opportunity.type';
import { ConvertLeadInput } from './convert-lead.input';
import { LeadConversion } from './lead-conversion.type';
import { Lead } from './lead.type';

function optionalId(id: string | null | undefined, argument: string): string | null {
  return id === null || id === undefined ? null : parseIdArgument(id, argument);
}

@Resolver(() => LeadConversion)
export class LeadConversionResolver {
  @Mutation(() => LeadConversion, {
    description:
      'Converts a Lead into an Account, a Contact and (unless told not to) an Opportunity, as the viewer: one Salesforce convertLead call, then a fresh read of each record you select. BAD_USER_INPUT for a blank or unknown converted status, a malformed or unknown Id, or an already converted lead; FORBIDDEN for a lead or record the viewer may not see or change.',
  })
  convertLead(
    @Arg('input', () => ConvertLeadInput, { description: 'The lead and how to convert it.' })
    input: ConvertLeadInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<LeadConversion> {
    return withGraphQLErrors(async () => {
      if (input.convertedStatus.trim() === '') {
        throw new BadUserInputError('convertedStatus must not be empty', {
          argument: 'input.convertedStatus',
          fields: ['convertedStatus'],
        });
      }
      const result = await convertLead(ctx.salesforce, {
        leadId: parseIdArgument(input.leadId, 'input.leadId'),
        convertedStatus: input.convertedStatus,
        accountId: optionalId(input.accountId, 'input.accountId'),
        contactId: optionalId(input.contactId, 'input.contactId'),
        doNotCreateOpportunity: input.doNotCreateOpportunity ?? false,
        opportunityName: input.opportunityName ?? null,
      });
      return new LeadConversion(result);
    }, 'Lead');
  }

  @FieldResolver(() => Lead)
  lead(
    @Root() conversion: LeadConversion,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Lead> {
    return withGraphQLErrors(() => readFresh(ctx, info, 'Lead', conversion.result.leadId));
  }

  @FieldResolver(() => Account)
  account(
    @Root() conversion: LeadConversion,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account> {
    return withGraphQLErrors(() => readFresh(ctx, info, 'Account', conversion.result.accountId));
  }

  @FieldResolver(() => Contact)
  contact(
    @Root() conversion: LeadConversion,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Contact> {
    return withGraphQLErrors(() => readFresh(ctx, info, 'Contact', conversion.result.contactId));
  }

  @FieldResolver(() => Opportunity, { nullable: true })
  opportunity(
    @Root() conversion: LeadConversion,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Opportunity | null> {
    const id = conversion.result.opportunityId;
    return id === null
      ? Promise.resolve(null)
      : withGraphQLErrors(() => readFresh(ctx, info, 'Opportunity', id));
  }
}
