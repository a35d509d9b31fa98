import { Ctx, Query, Resolver } from 'type-graphql';
import { toGraphQLError } from '../../errors';
import type { GatewayContext } from '../../context/gateway-context';
import { readApiUsage } from '../../upstreams/salesforce/operations';
import { ApiUsage } from './api-usage.type';

@Resolver(() => ApiUsage)
export class ApiUsageResolver {
  @Query(() => ApiUsage, {
    description: 'Salesforce daily API usage, read fresh (costs one API call).',
  })
  async apiUsage(@Ctx() ctx: GatewayContext): Promise<ApiUsage> {
    try {
      const { used, max } = await readApiUsage(ctx.salesforce);
      // Salesforce answered, so the budget already read this response's Sforce-Limit-Info.
      const reserve = ctx.apiBudget?.reserveOf(max) ?? 0;
      return { used, max, remaining: Math.max(0, max - used), reserve, asOf: new Date() };
    } catch (err) {
      throw toGraphQLError(err);
    }
  }
}
