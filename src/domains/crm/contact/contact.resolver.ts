import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GatewayContext } from '../../../server/context';
import { resolveById } from '../common/resolve-by-id';
import { resolveConnection } from '../common/resolve-connection';
import { resolveParent } from '../common/resolve-parent';
import { createRecord, deleteRecord, updateRecord } from '../common/record-writes';
import { toRecordPayload } from '../common/record-payload';
import { Account } from '../account/account.type';
import { User } from '../user/user.type';
import { ContactConnectionArgs } from './contact.args';
import { CONTACT_REQUIRED_FIELDS, ContactCreateInput, ContactUpdateInput } from './contact.inputs';
import { Contact, ContactConnection } from './contact.type';

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => Contact, { nullable: true })
  contact(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Contact | null> {
    return resolveById(ctx, info, 'Contact', id);
  }

  @Query(() => ContactConnection)
  contacts(
    @Args(() => ContactConnectionArgs) args: ContactConnectionArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveConnection(ctx, info, 'Contact', args);
  }

  @FieldResolver(() => Account, { nullable: true })
  account(@Root() contact: Contact, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'Account'>(ctx, info, contact, 'account');
  }

  @FieldResolver(() => User, { nullable: true })
  owner(@Root() contact: Contact, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return resolveParent<'User'>(ctx, info, contact, 'owner');
  }

  @Mutation(() => Contact)
  createContact(
    @Arg('input', () => ContactCreateInput) input: ContactCreateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Contact> {
    return createRecord(
      ctx,
      info,
      'Contact',
      toRecordPayload('Contact', input, CONTACT_REQUIRED_FIELDS),
    );
  }

  @Mutation(() => Contact)
  updateContact(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ContactUpdateInput) input: ContactUpdateInput,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Contact> {
    return updateRecord(ctx, info, 'Contact', id, () =>
      toRecordPayload('Contact', input, CONTACT_REQUIRED_FIELDS),
    );
  }

  @Mutation(() => ID)
  deleteContact(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<string> {
    return deleteRecord(ctx, 'Contact', id);
  }
}
