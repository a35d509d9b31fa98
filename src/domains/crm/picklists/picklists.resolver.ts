import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import type { DescribedField } from '../../../upstreams/salesforce/client';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import { SALESFORCE_OBJECT_OF, SObjectType } from '../../live/sobject-type.enum';
import { withGraphQLErrors } from '../common/graphql-errors';
import { picklistFields } from './picklist-fields';
import { PicklistField } from './picklist.type';

function describe(ctx: GatewayContext, object: SObjectName): Promise<DescribedField[]> {
  if (ctx.describeCache)
    return ctx.describeCache.picklistFields(ctx.viewer.cacheScope, object, ctx.salesforce);
  return ctx.salesforce.describeFields?.(object) ?? Promise.resolve([]);
}

@Resolver()
export class PicklistsResolver {
  @Query(() => [PicklistField], {
    description:
      "Allowed values and labels of an object's picklist fields (`stageName`, `industry`, `leadSource`, lead `status`, `rating`, opportunity and account `type`, custom picklists...), to build selects: read from Salesforce describe as the viewer, so fields they cannot read are left out. Costs one describe call per object, then none: kept per org and user for 10 minutes, and dropped at once by `refreshCache` and by a schema reload. A field that is not a readable picklist of the object is BAD_USER_INPUT.",
  })
  picklists(
    @Arg('object', () => SObjectType, { description: 'The CRM object whose fields to list.' })
    object: SObjectType,
    @Arg('fields', () => [String], {
      nullable: true,
      description:
        'Graph field names (`stageName`, `Region__c`), answered in this order; null or absent: every picklist field of the object.',
    })
    fields: string[] | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<PicklistField[]> {
    const name = SALESFORCE_OBJECT_OF[object];
    return withGraphQLErrors(async () => picklistFields(name, await describe(ctx, name), fields));
  }
}
