import type { SalesforceClient } from '../client';
import {
  buildDayReportQueries,
  DAY_REPORT_COLUMNS as C,
  type AliasedQuery,
  type DateRange,
  type DayReportSpec,
  leadConversionSpec,
  type LeadGroupingKey,
  type PerformanceGroupingKey,
  salesPerformanceSpec,
} from '../soql';

/** A grouping value as Salesforce answers it: text, a number (date functions) or null. */
export type GroupValue = string | number | boolean | null;

export interface DayReportCountRow {
  group: GroupValue[];
  labels: Array<string | null>;
  flag: boolean;
  /** CALENDAR_YEAR / CALENDAR_MONTH of the range date. */
  year: number;
  month: number;
  count: number;
  /** The spec's extra aggregates in order (null when Salesforce sums no value). */
  aggregates: Array<number | null>;
}

export interface DayReportRangeDayRow {
  group: GroupValue[];
  /** DAY_IN_MONTH of the range date. */
  day: number;
  /** CALENDAR_YEAR of the other date. */
  year: number;
  count: number;
}

export interface DayReportOtherDayRow {
  group: GroupValue[];
  /** DAY_IN_YEAR of the other date. */
  day: number;
  count: number;
}

export interface DayReportRows {
  counts: DayReportCountRow[];
  rangeDays: DayReportRangeDayRow[];
  otherDays: DayReportOtherDayRow[];
}

type Row = Record<string, unknown>;

function reader(query: AliasedQuery) {
  const value = (row: Row, alias: string): unknown => row[query.columns.get(alias) ?? alias];
  const num = (row: Row, alias: string): number => {
    const v = value(row, alias);
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  const group = (row: Row, size: number): GroupValue[] =>
    Array.from({ length: size }, (_, i) => {
      const v = value(row, C.group(i));
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    });
  return { value, num, group };
}

/**
 * The three aggregate queries of a day report (see buildDayReportQueries), sent together:
 * three Salesforce calls whatever the number of records, each answering one batch.
 */
export async function readDayReport(
  client: SalesforceClient,
  spec: DayReportSpec,
): Promise<DayReportRows> {
  const queries = buildDayReportQueries(spec);
  const [counts, rangeDays, otherDays] = await Promise.all([
    client.queryAll(queries.counts.soql) as Promise<Row[]>,
    client.queryAll(queries.rangeDays.soql) as Promise<Row[]>,
    client.queryAll(queries.otherDays.soql) as Promise<Row[]>,
  ]);
  const size = spec.group.length;
  const c = reader(queries.counts);
  const r = reader(queries.rangeDays);
  const o = reader(queries.otherDays);
  return {
    counts: counts.map((row) => ({
      group: c.group(row, size),
      labels: spec.labels.map((_, i) => {
        const v = c.value(row, C.label(i));
        return typeof v === 'string' ? v : null;
      }),
      flag: c.value(row, C.flag) === true,
      year: c.num(row, C.year),
      month: c.num(row, C.month),
      count: c.num(row, C.count),
      aggregates: spec.aggregates.map((_, i) => {
        const v = c.value(row, C.aggregate(i));
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      }),
    })),
    rangeDays: rangeDays.map((row) => ({
      group: r.group(row, size),
      day: r.num(row, C.day),
      year: r.num(row, C.year),
      count: r.num(row, C.count),
    })),
    otherDays: otherDays.map((row) => ({
      group: o.group(row, size),
      day: o.num(row, C.day),
      count: o.num(row, C.count),
    })),
  };
}

/**
 * Closed opportunities by `groupBy` with CloseDate in the range: counts and sums split by IsWon
 * (aggregates: SUM(Amount), COUNT(Amount)), day parts of CloseDate and CreatedDate of won deals.
 */
export function readSalesPerformance(
  client: SalesforceClient,
  groupBy: PerformanceGroupingKey,
  range: DateRange,
): Promise<DayReportRows> {
  return readDayReport(client, salesPerformanceSpec(groupBy, range));
}

/** Leads created in the range by `groupBy`: counts split by IsConverted, day parts of converted ones. */
export function readLeadConversion(
  client: SalesforceClient,
  groupBy: LeadGroupingKey,
  range: DateRange,
): Promise<DayReportRows> {
  return readDayReport(client, leadConversionSpec(groupBy, range));
}
