import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../../context/gateway-context';
import type { ChangeTypeName, SObjectTypeName } from '../../live/normalized-change';
import { recordChangedTopic } from '../../live/topics';
import {
  AccountScopedChangeArgs,
  AnyRecordChangeArgs,
  RecordChangeArgs,
} from './record-changes.args';
import { RecordChange } from './record-change.type';
import {
  accountIdLookup,
  freshLoaders,
  requireLive,
  subscriberAccessOf,
} from './subscription-context';
import { SlowConsumerGuard } from './slow-consumer-guard';
import { SubscriberStream, typesOrAll } from './subscriber-stream';
import { parseSubscriptionIds } from './subscription-ids';

/** Raw GraphQL arguments of any record-change field; fields without an argument omit it. */
type RawRecordChangeArgs = Partial<AnyRecordChangeArgs & AccountScopedChangeArgs>;

interface SubscribeData {
  args: RawRecordChangeArgs;
  context: GatewayContext;
  info: GraphQLResolveInfo;
}

/** The subscribe function of a record-change field; `fixedType` for the per-object fields. */
function recordChanges(fixedType?: SObjectTypeName) {
  return async ({ args, context, info }: SubscribeData): Promise<SubscriberStream> => {
    const live = requireLive(context);
    const types = fixedType ? [fixedType] : typesOrAll(args.types as SObjectTypeName[] | null);
    // Before listening: a malformed Id is refused at once rather than never matching.
    const ids = parseSubscriptionIds(args.ids, 'ids', types);
    const accountIds = parseSubscriptionIds(args.accountIds, 'accountIds', ['ACCOUNT']);
    const source = await live.listen(types.map(recordChangedTopic));
    return new SubscriberStream({
      source: new SlowConsumerGuard(source, context.connection),
      filter: {
        ids,
        accountIds,
        changeTypes: args.changeTypes as ChangeTypeName[] | null | undefined,
      },
      access: subscriberAccessOf(context, info.schema),
      accessFilter: live.accessFilter,
      lookupAccountIds: accountIdLookup(context, live),
    });
  };
}

/**
 * Salesforce Change Data Capture, pushed over graphql-ws. Every change is checked against the
 * subscriber's own access before it is sent (CDC itself ignores sharing). The arguments are
 * read by `recordChanges` (the subscribe function); the field methods only declare them.
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
    @Args(() => AnyRecordChangeArgs) _args: AnyRecordChangeArgs,
  ): RecordChange {
    return delivered(change, ctx);
  }

  @Subscription(() => RecordChange, {
    subscribe: recordChanges('ACCOUNT'),
    description:
      'Changes to Accounts you can see (Salesforce Change Data Capture), as they commit.',
  })
  accountChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Args(() => RecordChangeArgs) _args: RecordChangeArgs,
  ): RecordChange {
    return delivered(change, ctx);
  }

  @Subscription(() => RecordChange, {
    subscribe: recordChanges('CONTACT'),
    description:
      'Changes to Contacts you can see (Salesforce Change Data Capture), as they commit. `accountIds` narrows them to the Contacts of those Accounts.',
  })
  contactChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Args(() => AccountScopedChangeArgs) _args: AccountScopedChangeArgs,
  ): RecordChange {
    return delivered(change, ctx);
  }

  @Subscription(() => RecordChange, {
    subscribe: recordChanges('OPPORTUNITY'),
    description:
      'Changes to Opportunitys you can see (Salesforce Change Data Capture), as they commit. `accountIds` narrows them to the Opportunities of those Accounts.',
  })
  opportunityChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Args(() => AccountScopedChangeArgs) _args: AccountScopedChangeArgs,
  ): RecordChange {
    return delivered(change, ctx);
  }

  @Subscription(() => RecordChange, {
    subscribe: recordChanges('LEAD'),
    description: 'Changes to Leads you can see (Salesforce Change Data Capture), as they commit.',
  })
  leadChanged(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Args(() => RecordChangeArgs) _args: RecordChangeArgs,
  ): RecordChange {
    return delivered(change, ctx);
  }
}

/** Each event is resolved with loaders of its own: `record` must be read as of this change. */
function delivered(change: RecordChange, ctx: GatewayContext): RecordChange {
  freshLoaders(ctx);
  return change;
}
