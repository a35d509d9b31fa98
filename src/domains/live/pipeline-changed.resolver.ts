import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { toGraphQLError } from '../../errors';
import type { GatewayContext } from '../../context/gateway-context';
import { PIPELINE_CHANGED_TOPIC, type PipelineChanged } from '../../live/topics';
import { buildPipelineQuery } from '../../upstreams/salesforce/soql';
import { computePipeline } from '../analytics/compute-pipeline';
import { PipelineReport } from '../analytics/pipeline-report.type';
import { OpportunityFilter } from '../crm/opportunity/opportunity.filter';
import { SlowConsumerGuard } from './slow-consumer-guard';
import { freshLoaders, requireLive } from './subscription-context';

interface PipelineSubscribeData {
  args: { where?: OpportunityFilter | null };
  context: GatewayContext;
}

async function pipelineTicks({
  args,
  context,
}: PipelineSubscribeData): Promise<SlowConsumerGuard<PipelineChanged>> {
  const live = requireLive(context);
  try {
    // Compiled once up front so a bad filter (a null operator, too long for a URL) is refused
    // now, not reported again on every tick.
    buildPipelineQuery(args.where ?? null);
  } catch (err) {
    throw toGraphQLError(err);
  }
  const source = await live.listen([PIPELINE_CHANGED_TOPIC]);
  return new SlowConsumerGuard(source, context.connection);
}

/**
 * The coalescer (on the consuming instance) turns a burst of Opportunity changes into a few
 * "pipeline changed" ticks; each subscriber then runs the aggregate as itself, shared by
 * subscribers of the same viewer and filter, so sharing rules shape every number.
 */
@Resolver()
export class PipelineChangedResolver {
  @Subscription(() => PipelineReport, {
    subscribe: pipelineTicks,
    description:
      'The `pipeline(where)` report again after Opportunities changed; bursts are coalesced. Query `pipeline` for the current report first.',
  })
  async pipelineChanged(
    @Root() tick: PipelineChanged,
    @Ctx() ctx: GatewayContext,
    @Arg('where', () => OpportunityFilter, {
      nullable: true,
      description:
        'The `pipeline(where:)` filter to report on; null or absent: every open opportunity the viewer can see. A bad filter is BAD_USER_INPUT at subscribe time.',
    })
    where: OpportunityFilter | null,
  ): Promise<PipelineReport> {
    freshLoaders(ctx);
    const live = requireLive(ctx);
    const key = ['pipeline', ctx.viewer.cacheScope, tick.asOf, JSON.stringify(where ?? null)].join(
      '\u0000',
    );
    try {
      return await live.shared(key, () => computePipeline(ctx.salesforce, where));
    } catch (err) {
      throw toGraphQLError(err);
    }
  }
}
