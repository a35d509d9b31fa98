import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context/gateway-context';
import { SALESFORCE_OBJECT_OF, SObjectType } from '../live/sobject-type.enum';

/**
 * Any viewer may call it: it only makes the next reads go to Salesforce (what they read is
 * still filtered by Salesforce's sharing), it exposes nothing, and its cost is bounded by the
 * operation rate limit like any other mutation. It drops the entries of every viewer, since
 * what one viewer saw as stale is stale for all.
 */
@Resolver()
export class RefreshCacheResolver {
  @Mutation(() => Boolean, {
    description:
      "Drops the gateway's cached Salesforce data of these object types (every type when null or absent), for every viewer and every instance; the next reads go to Salesforce. Also drops the describes `picklists` keeps (every object, every viewer, this instance). True once dropped; false when the gateway keeps no record cache (CACHE_ENABLED=false).",
  })
  async refreshCache(
    @Ctx() ctx: GatewayContext,
    @Arg('types', () => [SObjectType], {
      nullable: true,
      description: 'The object types to drop; null or absent: every type.',
    })
    types?: SObjectType[] | null,
  ): Promise<boolean> {
    // Picklist metadata is refreshed too, with or without a record cache.
    ctx.describeCache?.clear();
    if (ctx.cache === undefined) return false;
    await ctx.cache.invalidate(
      types === undefined || types === null
        ? 'all'
        : types.map((type) => SALESFORCE_OBJECT_OF[type]),
      'refresh',
    );
    return true;
  }
}
