import {
  composeQuery,
  getField,
  type FieldType,
  type GroupByClause,
} from '@jetstreamapp/soql-parser-js';
import { allOf, compare, type MaybeCondition } from './condition-tree';
import { assertQueryFitsRequestUri } from './request-uri-limit';
import { toWhereClause } from './where-composer';

/**
 * The three aggregate queries of a "how many, how many of them X, and how many days did X take"
 * report (sales performance, lead conversion). Salesforce cannot AVG a date difference, so the
 * day counts are summed exactly from date parts: a date's day number is
 * `dayNumber(year, month, 1) + (DAY_IN_MONTH − 1)` or `dayNumber(year, 1, 1) + (DAY_IN_YEAR − 1)`,
 * and a sum over records is a sum over groups of those parts times COUNT(Id). Splitting each date
 * into a coarse and a fine part keeps every result bounded by groups × months (or years) and
 * groups × 31 (or 366) rows, whatever the number of records:
 *
 * 1. `counts`: group, flag, CALENDAR_YEAR + CALENDAR_MONTH of the range date, COUNT(Id) and the
 *    extra aggregates (SUM(Amount)...) — all records.
 * 2. `rangeDays`: group, DAY_IN_MONTH of the range date, CALENDAR_YEAR of the other date — flagged
 *    records only.
 * 3. `otherDays`: group, DAY_IN_YEAR of the other date — flagged records only.
 *
 * Date functions read dateTime fields (CreatedDate) in UTC: without `convertTimezone()` Salesforce
 * applies them to the UTC value, which is what the reports promise (UTC calendar dates).
 */
export interface DayReportSpec {
  sobject: 'Opportunity' | 'Lead';
  /** Grouping expressions: fields or date functions, selected and grouped in every query. */
  group: readonly string[];
  /** More grouped fields read from the counts query only (the owner's name for a label). */
  labels: readonly string[];
  /** Boolean field whose true rows the day sums cover (IsWon, IsConverted). */
  flag: string;
  /** The date the report's range filters on (CloseDate, CreatedDate). */
  rangeDate: string;
  /** The other date of the day difference (CreatedDate, ConvertedDate). */
  otherDate: string;
  /** Extra aggregates of the counts query (`SUM(Amount)`), read back as a0, a1... */
  aggregates: readonly string[];
  /** The condition every query applies (record set and range); undefined for none. */
  where: MaybeCondition;
}

/** Result column aliases, shared by the builder and the row reader. */
export const DAY_REPORT_COLUMNS = {
  group: (i: number) => `g${i}`,
  label: (i: number) => `l${i}`,
  aggregate: (i: number) => `a${i}`,
  flag: 'flag',
  year: 'yr',
  month: 'mo',
  day: 'dy',
  count: 'n',
} as const;

/** One query and where each requested alias's value is (a repeated expression answers once). */
export interface AliasedQuery {
  soql: string;
  columns: ReadonlyMap<string, string>;
}

export interface DayReportQueries {
  counts: AliasedQuery;
  rangeDays: AliasedQuery;
  otherDays: AliasedQuery;
}

const FUNCTION_CALL = /^(\w+)\((\w+)\)$/;

/** A grouped expression of a spec (`OwnerId`, `Owner.Name`, `CALENDAR_YEAR(CloseDate)`) as parser nodes. */
function groupedNode(
  expression: string,
  alias: string,
): { field: FieldType; groupBy: GroupByClause } {
  const call = FUNCTION_CALL.exec(expression);
  if (call) {
    const [, functionName = '', parameter = ''] = call;
    return {
      field: getField({ functionName, parameters: [parameter], alias }),
      groupBy: { fn: { functionName, parameters: [parameter] } },
    };
  }
  const field = getField(expression);
  return { field: { ...field, alias } as FieldType, groupBy: { field: expression } };
}

/** An aggregate of a spec (`COUNT(Id)`, `SUM(Amount)`) as a parser node. */
function aggregateNode(expression: string, alias: string): FieldType {
  const call = FUNCTION_CALL.exec(expression);
  if (!call) throw new RangeError(`not an aggregate call: ${expression}`);
  const [, functionName = '', parameter = ''] = call;
  return getField({ functionName, parameters: [parameter], alias });
}

/**
 * One aggregate SOQL, composed by soql-parser-js: each grouped expression selected once under
 * its alias (an expression the grouping already holds, such as CALENDAR_YEAR(CloseDate) for
 * CLOSE_MONTH, is not repeated; `columns` says where to read it).
 */
function aggregateQuery(
  sobject: string,
  grouped: Array<[alias: string, expression: string]>,
  aggregates: Array<[alias: string, expression: string]>,
  where: MaybeCondition,
): AliasedQuery {
  const unique = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const [alias, expression] of grouped) {
    if (!unique.has(expression.toLowerCase())) unique.set(expression.toLowerCase(), alias);
    columns.set(alias, unique.get(expression.toLowerCase()) ?? alias);
  }
  for (const [alias] of aggregates) columns.set(alias, alias);
  const nodes = grouped
    .filter(([alias, expression]) => unique.get(expression.toLowerCase()) === alias)
    .map(([alias, expression]) => groupedNode(expression, alias));
  const soql = composeQuery({
    fields: [
      ...nodes.map((n) => n.field),
      ...aggregates.map(([alias, expression]) => aggregateNode(expression, alias)),
    ],
    sObject: sobject,
    where: where ? toWhereClause(where) : undefined,
    groupBy: nodes.map((n) => n.groupBy),
  });
  assertQueryFitsRequestUri(soql);
  return { soql, columns };
}

export function buildDayReportQueries(spec: DayReportSpec): DayReportQueries {
  const c = DAY_REPORT_COLUMNS;
  const group = spec.group.map((g, i): [string, string] => [c.group(i), g]);
  const flagged = allOf([spec.where, compare(spec.flag, '=', 'true', 'BOOLEAN')]);
  const countOf: [string, string] = [c.count, 'COUNT(Id)'];
  return {
    counts: aggregateQuery(
      spec.sobject,
      [
        ...group,
        ...spec.labels.map((l, i): [string, string] => [c.label(i), l]),
        [c.flag, spec.flag],
        [c.year, `CALENDAR_YEAR(${spec.rangeDate})`],
        [c.month, `CALENDAR_MONTH(${spec.rangeDate})`],
      ],
      [countOf, ...spec.aggregates.map((a, i): [string, string] => [c.aggregate(i), a])],
      spec.where,
    ),
    rangeDays: aggregateQuery(
      spec.sobject,
      [
        ...group,
        [c.day, `DAY_IN_MONTH(${spec.rangeDate})`],
        [c.year, `CALENDAR_YEAR(${spec.otherDate})`],
      ],
      [countOf],
      flagged,
    ),
    otherDays: aggregateQuery(
      spec.sobject,
      [...group, [c.day, `DAY_IN_YEAR(${spec.otherDate})`]],
      [countOf],
      flagged,
    ),
  };
}
