import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { Account } from '../account/account.type';
import { crmObjectResolver } from '../common/crm-object-resolver.factory';
import { resolveParent } from '../common/resolve-parent';
import { ContactConnectionArgs } from './contact.args';
import { CONTACT_REQUIRED_FIELDS, ContactCreateInput, ContactUpdateInput } from './contact.inputs';
import { Contact, ContactConnection } from './contact.type';

@Resolver(() => Contact)
export class ContactResolver extends crmObjectResolver({
  sobject: 'Contact',
  singular: 'contact',
  plural: 'contacts',
  type: Contact,
  connection: ContactConnection,
  connectionArgs: ContactConnectionArgs,
  createInput: ContactCreateInput,
  updateInput: ContactUpdateInput,
  requiredFields: CONTACT_REQUIRED_FIELDS,
}) {
  @FieldResolver(() => Account, {
    nullable: true,
    description:
      'The Contact’s Account (AccountId): read in the same SOQL query as the Contact, no extra call. Null without one or when the viewer cannot see it.',
  })
  account(@Root() contact: Contact, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'Account'>(ctx, info, contact, 'account');
  }
}
