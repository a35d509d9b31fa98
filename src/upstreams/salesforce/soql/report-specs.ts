import { allOf, compare } from './condition-tree';
import type { DayReportSpec } from './report-queries';

/** Groupings of the sales performance report (the contract's PerformanceGrouping). */
export type PerformanceGroupingKey = 'OWNER' | 'LEAD_SOURCE' | 'TYPE' | 'CLOSE_MONTH';
/** Groupings of the lead conversion report (the contract's LeadGrouping). */
export type LeadGroupingKey = 'LEAD_SOURCE' | 'STATUS' | 'OWNER' | 'INDUSTRY';

/** Inclusive UTC calendar dates `YYYY-MM-DD`; null leaves that side open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checked(date: string): string {
  if (!ISO_DATE.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return date;
}

/** The day after `date` (`YYYY-MM-DD`), for a half-open dateTime bound. */
function nextDay(date: string): string {
  const ms = Date.parse(`${checked(date)}T00:00:00.000Z`) + 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const PERFORMANCE_GROUPS: Record<PerformanceGroupingKey, { group: string[]; labels: string[] }> = {
  OWNER: { group: ['OwnerId'], labels: ['Owner.Name'] },
  LEAD_SOURCE: { group: ['LeadSource'], labels: [] },
  TYPE: { group: ['Type'], labels: [] },
  CLOSE_MONTH: { group: ['CALENDAR_YEAR(CloseDate)', 'CALENDAR_MONTH(CloseDate)'], labels: [] },
};

const LEAD_GROUPS: Record<LeadGroupingKey, { group: string[]; labels: string[] }> = {
  LEAD_SOURCE: { group: ['LeadSource'], labels: [] },
  STATUS: { group: ['Status'], labels: [] },
  OWNER: { group: ['OwnerId'], labels: ['Owner.Name'] },
  INDUSTRY: { group: ['Industry'], labels: [] },
};

/** Extra aggregates of the performance counts query, in this order. */
export const PERFORMANCE_AGGREGATES = ['SUM(Amount)', 'COUNT(Amount)'] as const;

/**
 * Closed opportunities whose CloseDate (a date field) is in [from, to]; won = IsWon; the sales
 * cycle runs from the UTC date of CreatedDate to CloseDate.
 */
export function salesPerformanceSpec(
  groupBy: PerformanceGroupingKey,
  range: DateRange,
): DayReportSpec {
  const where = allOf([
    compare('IsClosed', '=', 'true', 'BOOLEAN'),
    range.from === null ? undefined : compare('CloseDate', '>=', checked(range.from), 'DATE'),
    range.to === null ? undefined : compare('CloseDate', '<=', checked(range.to), 'DATE'),
  ]);
  return {
    sobject: 'Opportunity',
    ...PERFORMANCE_GROUPS[groupBy],
    flag: 'IsWon',
    rangeDate: 'CloseDate',
    otherDate: 'CreatedDate',
    aggregates: PERFORMANCE_AGGREGATES,
    where,
  };
}

/**
 * Leads whose CreatedDate (a dateTime) falls on a UTC day in [from, to], as the half-open
 * instant range [from 00:00Z, to + 1 day 00:00Z); converted = IsConverted; days to convert run
 * from the UTC date of CreatedDate to ConvertedDate.
 */
export function leadConversionSpec(groupBy: LeadGroupingKey, range: DateRange): DayReportSpec {
  const where = allOf([
    range.from === null
      ? undefined
      : compare('CreatedDate', '>=', `${checked(range.from)}T00:00:00Z`, 'DATETIME'),
    range.to === null
      ? undefined
      : compare('CreatedDate', '<', `${nextDay(range.to)}T00:00:00Z`, 'DATETIME'),
  ]);
  return {
    sobject: 'Lead',
    ...LEAD_GROUPS[groupBy],
    flag: 'IsConverted',
    rangeDate: 'CreatedDate',
    otherDate: 'ConvertedDate',
    aggregates: [],
    where,
  };
}
