import type { DayReportRows, GroupValue } from '../../upstreams/salesforce/operations';

/** One group of a day report, summed from the three aggregate queries' rows. */
export interface DayReportGroup {
  group: GroupValue[];
  /** The counts query's label fields (the owner's name), null when absent. */
  labels: Array<string | null>;
  /** Records in the group. */
  count: number;
  /** Records whose flag (IsWon, IsConverted) is true. */
  flagged: number;
  /** The extra aggregates summed over flagged records (a null sum counts as 0). */
  flaggedAggregates: number[];
  /** Σ over flagged records of (range date − other date), in whole days. */
  rangeMinusOtherDays: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a UTC calendar date (month 1-12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function emptyGroup(group: GroupValue[], aggregates: number): DayReportGroup {
  return {
    group,
    labels: [],
    count: 0,
    flagged: 0,
    flaggedAggregates: Array<number>(aggregates).fill(0),
    rangeMinusOtherDays: 0,
  };
}

/**
 * Per group and in total: counts, flagged sums and the exact Σ of day differences, rebuilt from
 * date parts (see buildDayReportQueries): Σ range date = Σ dayNumber(year, month, 1)·n over the
 * counts rows + Σ (DAY_IN_MONTH − 1)·n; Σ other date = Σ dayNumber(year, 1, 1)·n over the
 * range-day rows + Σ (DAY_IN_YEAR − 1)·n.
 */
export function summarizeDayReport(
  rows: DayReportRows,
  aggregates: number,
): { groups: DayReportGroup[]; total: DayReportGroup } {
  const groups = new Map<string, DayReportGroup>();
  const total = emptyGroup([], aggregates);
  const at = (group: GroupValue[]): DayReportGroup => {
    const id = JSON.stringify(group);
    let found = groups.get(id);
    if (!found) {
      found = emptyGroup(group, aggregates);
      groups.set(id, found);
    }
    return found;
  };
  for (const row of rows.counts) {
    for (const g of [at(row.group), total]) {
      if (g !== total && g.labels.length === 0) g.labels = row.labels;
      g.count += row.count;
      if (!row.flag) continue;
      g.flagged += row.count;
      row.aggregates.forEach((value, i) => {
        g.flaggedAggregates[i] = (g.flaggedAggregates[i] ?? 0) + (value ?? 0);
      });
      g.rangeMinusOtherDays += dayNumber(row.year, row.month, 1) * row.count;
    }
  }
  for (const row of rows.rangeDays) {
    for (const g of [at(row.group), total]) {
      g.rangeMinusOtherDays += (row.day - 1) * row.count;
      g.rangeMinusOtherDays -= dayNumber(row.year, 1, 1) * row.count;
    }
  }
  for (const row of rows.otherDays) {
    for (const g of [at(row.group), total]) g.rangeMinusOtherDays -= (row.day - 1) * row.count;
  }
  return { groups: [...groups.values()], total };
}
