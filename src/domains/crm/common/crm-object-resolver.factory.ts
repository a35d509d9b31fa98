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

  // Typed here too: type-graphql collects inherited field resolvers before it maps them to the subclass.
  @Resolver(() => type)
  abstract class CrmObjectResolver {
    @Query(() => type, { name: spec.singular, nullable: true })
    byId(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeOf<S> | null> {
      return resolveById(ctx, info, sobject, id);
    }

    @Query(() => spec.connection, { name: spec.plural })
    connection(
      @Args(() => spec.connectionArgs) args: ConnectionArguments,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ConnectionShape<NodeOf<S>>> {
      return resolveConnection(ctx, info, sobject, args);
    }

    @FieldResolver(() => User, { nullable: true })
    owner(
      @Root() record: NodeOf<S>,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): User | null | Promise<User | null> {
      return resolveParent<'User'>(ctx, info, record, 'owner');
    }

    @Mutation(() => type, { name: `create${sobject}` })
    create(
      @Arg('input', () => spec.createInput) input: object,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeOf<S>> {
      return createRecord(ctx, info, sobject, payload(input));
    }

    @Mutation(() => type, { name: `update${sobject}` })
    update(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => spec.updateInput) input: object,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeOf<S>> {
      // Built inside the write so a blank required string leaves as BAD_USER_INPUT only after the id is checked.
      return updateRecord(ctx, info, sobject, id, () => payload(input));
    }

    @Mutation(() => ID, { name: `delete${sobject}` })
    remove(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<string> {
      return deleteRecord(ctx, sobject, id);
    }
  }
  return CrmObjectResolver;
}
