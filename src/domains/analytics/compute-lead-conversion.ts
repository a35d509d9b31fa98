import type { SalesforceClient } from '../../upstreams/salesforce/client';
import { readLeadConversion } from '../../upstreams/salesforce/operations';
import type { DateRange } from '../../upstreams/salesforce/soql';
import { LeadConversionReport, LeadConversionRow } from './lead-conversion.type';
import type { LeadGrouping } from './report-groupings.enum';
import { byKeyNoneLast, days, textKey } from './report-range';
import { summarizeDayReport, type DayReportGroup } from './summarize-day-report';

function row(key: string, g: DayReportGroup): LeadConversionRow {
  return Object.assign(new LeadConversionRow(), {
    key,
    leads: g.count,
    converted: g.flagged,
    conversionRate: g.count === 0 ? 0 : g.flagged / g.count,
    // The range date is CreatedDate here: days to convert = ConvertedDate − CreatedDate.
    averageDaysToConvert: g.flagged === 0 ? null : days(-g.rangeMinusOtherDays / g.flagged),
  });
}

/**
 * The lead conversion report as `salesforce`'s user sees it: three aggregate queries sent
 * together (see buildDayReportQueries), whatever the number of leads.
 */
export async function computeLeadConversion(
  salesforce: SalesforceClient,
  groupBy: LeadGrouping,
  range: DateRange,
): Promise<LeadConversionReport> {
  const summary = summarizeDayReport(await readLeadConversion(salesforce, groupBy, range), 0);
  const rows = summary.groups.map((g) => row(textKey(g.group[0]), g)).sort(byKeyNoneLast);
  return Object.assign(new LeadConversionReport(), {
    rows,
    total: row('TOTAL', summary.total),
  });
}
