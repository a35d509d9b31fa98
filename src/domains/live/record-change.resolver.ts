import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context/gateway-context';
import { ENTITY_NAMES } from '../../upstreams/salesforce/cdc/entity-names';
import type { SObjectName } from '../../upstreams/salesforce/soql';
import { loadNode } from '../crm/common/resolve-by-id';
import { selectedFields } from '../crm/common/selected-fields';
import type { NodeOf } from '../crm/common/node-types';
import { ChangeType } from './change-type.enum';
import { RecordChange } from './record-change.type';
import { RecordUnion } from './record.union';

const WITH_RECORD: ReadonlySet<ChangeType> = new Set([
  ChangeType.CREATE,
  ChangeType.UPDATE,
  ChangeType.UNDELETE,
]);

@Resolver(() => RecordChange)
export class RecordChangeResolver {
  @FieldResolver(() => RecordUnion, {
    nullable: true,
    description:
      'The record now, read as you with the fields you select: for CREATE, UPDATE and UNDELETE of one record; null on DELETE, GAP, several records, or when you can no longer see it.',
  })
  async record(
    @Root() change: RecordChange,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeOf<SObjectName> | null> {
    const [id, ...more] = change.recordIds;
    if (!WITH_RECORD.has(change.changeType) || id === undefined || more.length > 0) return null;
    const sobject = ENTITY_NAMES[change.type];
    const read = () => loadNode(ctx, info, sobject, id);
    if (!ctx.live) return read();
    // Subscribers of one viewer asking the same fields share one read of the changed record.
    const key = [
      'record',
      ctx.viewer.cacheScope,
      change.replayId,
      id,
      selectedFields(info, sobject, false, ctx.linkFields).join(','),
    ].join('\u0000');
    return ctx.live.shared(key, read);
  }
}
