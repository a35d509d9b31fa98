import type { SalesforceClient } from '../../upstreams/salesforce/client';
import { readSalesPerformance } from '../../upstreams/salesforce/operations';
import type { DateRange } from '../../upstreams/salesforce/soql';
import { PerformanceGrouping } from './report-groupings.enum';
import { byKeyNoneLast, days, money, textKey } from './report-range';
import { PerformanceReport, PerformanceRow } from './sales-performance.type';
import { summarizeDayReport, type DayReportGroup } from './summarize-day-report';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function row(key: string, label: string, g: DayReportGroup): PerformanceRow {
  const won = g.flagged;
  const lost = g.count - g.flagged;
  const [wonAmount = 0, wonWithAmount = 0] = g.flaggedAggregates;
  return Object.assign(new PerformanceRow(), {
    key,
    label,
    wonCount: won,
    lostCount: lost,
    winRate: g.count === 0 ? 0 : won / g.count,
    wonAmount: money(wonAmount),
    averageDealSize: wonWithAmount === 0 ? 0 : money(wonAmount / wonWithAmount),
    averageSalesCycleDays: won === 0 ? null : days(g.rangeMinusOtherDays / won),
  });
}

function keyAndLabel(groupBy: PerformanceGrouping, g: DayReportGroup): [string, string] {
  if (groupBy === PerformanceGrouping.CLOSE_MONTH) {
    const [year, month] = g.group.map(Number) as [number, number];
    return [`${year}-${String(month).padStart(2, '0')}`, `${MONTHS[month - 1] ?? '?'} ${year}`];
  }
  const key = textKey(g.group[0]);
  if (groupBy === PerformanceGrouping.OWNER) return [key, textKey(g.labels[0])];
  return [key, key];
}

/**
 * The sales performance report as `salesforce`'s user sees it: three aggregate queries sent
 * together (see buildDayReportQueries), whatever the number of opportunities.
 */
export async function computeSalesPerformance(
  salesforce: SalesforceClient,
  groupBy: PerformanceGrouping,
  range: DateRange,
): Promise<PerformanceReport> {
  const summary = summarizeDayReport(await readSalesPerformance(salesforce, groupBy, range), 2);
  const rows = summary.groups.map((g) => row(...keyAndLabel(groupBy, g), g));
  rows.sort(
    groupBy === PerformanceGrouping.OWNER
      ? (a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key)
      : byKeyNoneLast,
  );
  return Object.assign(new PerformanceReport(), {
    rows,
    total: row('TOTAL', 'Total', summary.total),
    from: range.from,
    to: range.to,
  });
}
