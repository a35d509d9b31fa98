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
  type ClassType,
} from 'type-graphql';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import type { GatewayContext } from '../../../context/gateway-context';
import type { ConnectionShape } from '../../shared/connection.types';
import { User } from '../user/user.type';
import type { ConnectionArguments } from './connection-args';
import type { NodeOf } from './node-types';
import { toRecordPayload } from './record-payload';
import { createRecord, deleteRecord, updateRecord } from './record-writes';
import { resolveById } from './resolve-by-id';
import { resolveConnection } from './resolve-connection';
import { resolveParent } from './resolve-parent';

/** The CRM objects with a by-id query, a connection query and create/update/delete mutations. */
export type CrudObject = Exclude<SObjectName, 'User'>;

export interface CrmObjectResolverSpec<S extends CrudObject> {
  sobject: S;
  /** Root query names (`opportunity`/`opportunities`); mutations are named after `sobject`. */
  singular: string;
  plural: string;
  type: ClassType<NodeOf<S>>;
  connection: ClassType;
  connectionArgs: ClassType<ConnectionArguments>;
  createInput: ClassType;
  updateInput: ClassType;
  /** Fields that may not be blank strings on create or update. */
  requiredFields: readonly string[];
}

/**
 * The root fields every CRM object has, as an abstract resolver to extend (type-graphql
 * resolver inheritance): `<singular>(id)`, `<plural>(first, after, where, orderBy)`,
 * `create<S>(input)`, `update<S>(id, input)`, `delete<S>(id)`, and the `owner` every record
 * has. The subclass, decorated `@Resolver(() => <Type>)`, keeps only the object's own field
 * resolvers.
 */
export function crmObjectResolver<S extends CrudObject>(spec: CrmObjectResolverSpec<S>) {
  const { sobject, type, requiredFields } = spec;
  const payload = (input: object) => toRecordPayload(sobject, input, requiredFields);
  const aSobject = `${/^[AEIOU]/.test(sobject) ? 'an' : 'a'} ${sobject}`;

  // Typed here too: type-graphql collects inherited field resolvers before it maps them to the subclass.
  @Resolver(() => type)
  abstract class CrmObjectResolver {
    @Query(() => type, {
      name: spec.singular,
      nullable: true,
      description: `The ${sobject} with this Id as the viewer sees it: one SOQL query (batched with the request's other reads of ${sobject} by Id). Null when it does not exist, is not visible to the viewer, or the Id is another object's; a malformed Id is BAD_USER_INPUT.`,
    })
    byId(
      @Arg('id', () => ID, {
        description: `The ${sobject}'s Salesforce Id, 15 or 18 characters.`,
      })
      id: string,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeOf<S> | null> {
      return resolveById(ctx, info, sobject, id);
    }

    @Query(() => spec.connection, {
      name: spec.plural,
      description: `${sobject} records the viewer can see, one page at a time: one SOQL query per page (plus a COUNT() query when \`totalCount\` is selected); nested connections and parents of the page are batched across it (one query per relationship and batch of up to 200 parents, not per row). Keyset paging: pass \`pageInfo.endCursor\` as \`after\`. A bad filter, sort or cursor, or \`first\` outside 0..200, is BAD_USER_INPUT before any Salesforce call.`,
    })
    connection(
      @Args(() => spec.connectionArgs) args: ConnectionArguments,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ConnectionShape<NodeOf<S>>> {
      return resolveConnection(ctx, info, sobject, args);
    }

    @FieldResolver(() => User, {
      nullable: true,
      description:
        'The User who owns the record (OwnerId). Read in the same SOQL query as the record (a parent path), no extra call; null only when the viewer cannot read the user.',
    })
    owner(
      @Root() record: NodeOf<S>,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): User | null | Promise<User | null> {
      return resolveParent<'User'>(ctx, info, record, 'owner');
    }

    @Mutation(() => type, {
      name: `create${sobject}`,
      description: `Creates ${aSobject} as the viewer and returns it read back with the fields you select (two Salesforce calls: insert, then a fresh read). Salesforce validation, required fields and restricted picklists fail with BAD_USER_INPUT (\`extensions.fields\` names the graph fields), missing rights with FORBIDDEN, duplicates with CONFLICT.`,
    })
    create(
      @Arg('input', () => spec.createInput, { description: `The new ${sobject}'s fields.` })
      input: object,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeOf<S>> {
      return createRecord(ctx, info, sobject, payload(input));
    }

    @Mutation(() => type, {
      name: `update${sobject}`,
      description: `Updates ${aSobject} as the viewer (only the fields given; null clears one) and returns it read back fresh (two Salesforce calls: update, then a read). NOT_FOUND when the Id is unknown, deleted or another object's; FORBIDDEN when the viewer may not edit the record (hidden from them by sharing, or read-only); Salesforce validation errors are BAD_USER_INPUT.`,
    })
    update(
      @Arg('id', () => ID, { description: `The ${sobject}'s Salesforce Id.` }) id: string,
      @Arg('input', () => spec.updateInput, {
        description: 'The fields to change; absent fields are left as they are.',
      })
      input: object,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeOf<S>> {
      // Built inside the write so a blank required string leaves as BAD_USER_INPUT only after the id is checked.
      return updateRecord(ctx, info, sobject, id, () => payload(input));
    }

    @Mutation(() => ID, {
      name: `delete${sobject}`,
      description: `Deletes ${aSobject} as the viewer (to the Salesforce recycle bin) and returns its Id: one Salesforce call. NOT_FOUND when the Id is unknown, already deleted or another object's; FORBIDDEN when the viewer may not delete the record (hidden from them by sharing, or no delete rights).`,
    })
    remove(
      @Arg('id', () => ID, { description: `The ${sobject}'s Salesforce Id.` }) id: string,
      @Ctx() ctx: GatewayContext,
    ): Promise<string> {
      return deleteRecord(ctx, sobject, id);
    }
  }
  return CrmObjectResolver;
}
