import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { toGraphQLError } from '../../errors';
import type { GatewayContext } from '../../context/gateway-context';
import { OpportunityFilter } from '../crm/opportunity/opportunity.filter';
import { computePipeline } from './compute-pipeline';
import { PipelineReport } from './pipeline-report.type';

@Resolver(() => PipelineReport)
export class PipelineResolver {
  @Query(() => PipelineReport, {
    description:
      'Open opportunities (IsClosed = false) matching `where`, by stage: one aggregate SOQL as the viewer.',
  })
  async pipeline(
    @Arg('where', () => OpportunityFilter, {
      nullable: true,
      description:
        'Only open opportunities matching this filter (same rules as `opportunities(where:)`); null or absent: all open ones the viewer can see.',
    })
    where: OpportunityFilter | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<PipelineReport> {
    try {
      return await computePipeline(ctx.salesforce, where);
    } catch (err) {
      throw toGraphQLError(err);
    }
  }
}
