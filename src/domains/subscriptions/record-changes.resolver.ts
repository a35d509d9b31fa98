import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../../server/context';
import type { ChangeTypeName, SObjectTypeName } from '../../subscriptions/normalized-change';
import { recordChangedTopic } from '../../subscriptions/topics';
import { ChangeType } from './change-type.enum';
import { RecordChange } from './record-change.type';
import { SObjectType } from './sobject-type.enum';
import {
  accountIdLookup,
  freshLoaders,
  requireLive,
  subscriberAccessOf,
} from './subscription-context';
import { SubscriberStream, typesOrAll } from './subscriber-stream';

interface RecordChangeArgs {
  types?: SObjectType[] | null;
  ids?: string[] | null;
  accountIds?: string[] | null;
  changeTypes?: ChangeType[] | null;
}

interface SubscribeData {
  args: RecordChangeArgs;
  context: GatewayContext;
  info: GraphQLResolveInfo;
}

/** The subscribe function of a record-change field; `fixedType` for the per-object fields. */
function recordChanges(fixedType?: SObjectTypeName) {
  return async ({ args, context, info }: SubscribeData): Promise<SubscriberStream> => {
    const live = requireLive(context);
    const types = fixedType ? [fixedType] : typesOrAll(args.types as SObjectTypeName[] | null);
    const source = await live.listen(types.map(recordChangedTopic));
    return new SubscriberStream({
      source,
      filter: {
        ids: args.ids,
        accountIds: args.accountIds,
        changeTypes: args.changeTypes as ChangeTypeName[] | null | undefined,
      },
      access: subscriberAccessOf(context, info.schema),
      accessFilter: live.accessFilter,
      lookupAccountIds: accountIdLookup(context, live),
      ...(context.connection ? { connection: context.connection } : {}),
    });
  };
}

const CHANGE_TYPES_DESCRIPTION = 'Only these kinds of change (default: all, GAP included).';
const IDS_DESCRIPTION = 'Only changes to these records.';
const ACCOUNT_IDS_DESCRIPTION = 'Only records of these accounts.';

/**
 * Salesforce Change Data Capture, pushed over graphql-ws. Every change is checked against the
 * subscriber's own access before it is sent (CDC itself ignores sharing).
 */
@Resolver()
export class RecordChangesResolver {
  @Subscription(() => RecordChange, {
    subscribe: recordChanges(),
    description: 'Changes to Accounts, Contacts, Opportunities and Leads you can see.',
  })
  recordChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Arg('types', () => [SObjectType], { nullable: true, description: 'Default: all.' })
    _types: SObjectType[] | null,
    @Arg('ids', () => [ID], { nullable: true, description: IDS_DESCRIPTION })
    _ids: string[] | null,
    @Arg('changeTypes', () => [ChangeType], {
      nullable: true,
      description: CHANGE_TYPES_DESCRIPTION,
    })
    _changeTypes: ChangeType[] | null,
  ): RecordChange {
    freshLoaders(ctx);
    return change;
  }

  @Subscription(() => RecordChange, { subscribe: recordChanges('ACCOUNT') })
  accountChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Arg('ids', () => [ID], { nullable: true, description: IDS_DESCRIPTION })
    _ids: string[] | null,
    @Arg('changeTypes', () => [ChangeType], {
      nullable: true,
      description: CHANGE_TYPES_DESCRIPTION,
    })
    _changeTypes: ChangeType[] | null,
  ): RecordChange {
    freshLoaders(ctx);
    return change;
  }

  @Subscription(() => RecordChange, { subscribe: recordChanges('CONTACT') })
  contactChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Arg('ids', () => [ID], { nullable: true, description: IDS_DESCRIPTION })
    _ids: string[] | null,
    @Arg('accountIds', () => [ID], { nullable: true, description: ACCOUNT_IDS_DESCRIPTION })
    _accountIds: string[] | null,
    @Arg('changeTypes', () => [ChangeType], {
      nullable: true,
      description: CHANGE_TYPES_DESCRIPTION,
    })
    _changeTypes: ChangeType[] | null,
  ): RecordChange {
    freshLoaders(ctx);
    return change;
  }

  @Subscription(() => RecordChange, { subscribe: recordChanges('OPPORTUNITY') })
  opportunityChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Arg('ids', () => [ID], { nullable: true, description: IDS_DESCRIPTION })
    _ids: string[] | null,
    @Arg('accountIds', () => [ID], { nullable: true, description: ACCOUNT_IDS_DESCRIPTION })
    _accountIds: string[] | null,
    @Arg('changeTypes', () => [ChangeType], {
      nullable: true,
      description: CHANGE_TYPES_DESCRIPTION,
    })
    _changeTypes: ChangeType[] | null,
  ): RecordChange {
    freshLoaders(ctx);
    return change;
  }

  @Subscription(() => RecordChange, { subscribe: recordChanges('LEAD') })
  leadChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Arg('ids', () => [ID], { nullable: true, description: IDS_DESCRIPTION })
    _ids: string[] | null,
    @Arg('changeTypes', () => [ChangeType], {
      nullable: true,
      description: CHANGE_TYPES_DESCRIPTION,
    })
    _changeTypes: ChangeType[] | null,
  ): RecordChange {
    freshLoaders(ctx);
    return change;
  }
}
