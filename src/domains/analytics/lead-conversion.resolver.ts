import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { toGraphQLError } from '../../errors';
import type { GatewayContext } from '../../context/gateway-context';
import { DateScalar } from '../shared/scalars';
import { computeLeadConversion } from './compute-lead-conversion';
import { LeadConversionReport } from './lead-conversion.type';
import { LeadGrouping } from './report-groupings.enum';
import { RANGE_FROM_ARG, RANGE_TO_ARG, reportRange } from './report-range';

@Resolver(() => LeadConversionReport)
export class LeadConversionResolver {
  @Query(() => LeadConversionReport, {
    description:
      'Leads created in [from, to] (inclusive UTC dates), how many converted and how fast, by group: three aggregate SOQL queries as the viewer, whatever the data size.',
  })
  async leadConversion(
    @Arg('from', () => DateScalar, RANGE_FROM_ARG)
    from: Date | null,
    @Arg('to', () => DateScalar, RANGE_TO_ARG)
    to: Date | null,
    @Arg('groupBy', () => LeadGrouping, {
      nullable: true,
      defaultValue: LeadGrouping.LEAD_SOURCE,
      description: 'How to group the rows (default LEAD_SOURCE).',
    })
    groupBy: LeadGrouping | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<LeadConversionReport> {
    try {
      return await computeLeadConversion(
        ctx.salesforce,
        groupBy ?? LeadGrouping.LEAD_SOURCE, // an explicit null means the default
        reportRange(from, to),
      );
    } catch (err) {
      throw toGraphQLError(err);
    }
  }
}
