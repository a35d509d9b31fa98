import { assertQueryFitsRequestUri } from './request-uri-limit';

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
  /** SOQL condition text every query applies (record set and range), or undefined. */
  where: string | undefined;
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

/**
 * One aggregate SOQL: each grouped expression selected once under its alias (an expression the
 * grouping already holds, such as CALENDAR_YEAR(CloseDate) for CLOSE_MONTH, is not repeated).
 */
function aggregateQuery(
  sobject: string,
  grouped: Array<[alias: string, expression: string]>,
  aggregates: Array<[alias: string, expression: string]>,
  where: string | undefined,
): AliasedQuery {
  const unique = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const [alias, expression] of grouped) {
    if (!unique.has(expression.toLowerCase())) unique.set(expression.toLowerCase(), alias);
    columns.set(alias, unique.get(expression.toLowerCase()) ?? alias);
  }
  for (const [alias] of aggregates) columns.set(alias, alias);
  const groupedSelect = grouped
    .filter(([alias, expression]) => unique.get(expression.toLowerCase()) === alias)
    .map(([alias, expression]) => ({ alias, expression }));
  const select = [
    ...groupedSelect.map((g) => `${g.expression} ${g.alias}`),
    ...aggregates.map(([alias, expression]) => `${expression} ${alias}`),
  ].join(', ');
  const groupBy = groupedSelect.map((g) => g.expression).join(', ');
  const soql = `SELECT ${select} FROM ${sobject}${where ? ` WHERE ${where}` : ''} GROUP BY ${groupBy}`;
  assertQueryFitsRequestUri(soql);
  return { soql, columns };
}

export function buildDayReportQueries(spec: DayReportSpec): DayReportQueries {
  const c = DAY_REPORT_COLUMNS;
  const group = spec.group.map((g, i): [string, string] => [c.group(i), g]);
  const flagged = [spec.where, `${spec.flag} = true`].filter(Boolean).join(' AND ');
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
