import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { toGraphQLError } from '../../errors';
import type { GatewayContext } from '../../context/gateway-context';
import { DateScalar } from '../shared/scalars';
import { computeSalesPerformance } from './compute-sales-performance';
import { PerformanceGrouping } from './report-groupings.enum';
import { RANGE_FROM_ARG, RANGE_TO_ARG, reportRange } from './report-range';
import { PerformanceReport } from './sales-performance.type';

@Resolver(() => PerformanceReport)
export class SalesPerformanceResolver {
  @Query(() => PerformanceReport, {
    description:
      'Won/lost counts, win rate, won amount, average deal size and sales cycle of closed opportunities with CloseDate in [from, to] (inclusive UTC dates), by group: three aggregate SOQL queries as the viewer, whatever the data size.',
  })
  async salesPerformance(
    @Arg('from', () => DateScalar, RANGE_FROM_ARG)
    from: Date | null,
    @Arg('to', () => DateScalar, RANGE_TO_ARG)
    to: Date | null,
    @Arg('groupBy', () => PerformanceGrouping, {
      nullable: true,
      defaultValue: PerformanceGrouping.OWNER,
      description: 'How to group the rows (default OWNER).',
    })
    groupBy: PerformanceGrouping | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<PerformanceReport> {
    try {
      return await computeSalesPerformance(
        ctx.salesforce,
        groupBy ?? PerformanceGrouping.OWNER, // an explicit null means the default
        reportRange(from, to),
      );
    } catch (err) {
      throw toGraphQLError(err);
    }
  }
}
