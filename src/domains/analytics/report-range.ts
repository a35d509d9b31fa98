import { BadUserInputError } from '../../errors';
import type { DateRange } from '../../upstreams/salesforce/soql';

/** The `from` argument of every report: the same range rules everywhere. */
export const RANGE_FROM_ARG = {
  nullable: true,
  description: 'First day of the range (UTC, inclusive); null or absent: no lower bound.',
};

/** The `to` argument of every report. */
export const RANGE_TO_ARG = {
  nullable: true,
  description:
    'Last day of the range (UTC, inclusive); null or absent: no upper bound. Before `from` is BAD_USER_INPUT.',
};

/** A Date scalar argument (UTC midnight) as its `YYYY-MM-DD`, or null when omitted. */
function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** The report's inclusive UTC date range; `from` after `to` is the caller's mistake. */
export function reportRange(from: Date | null | undefined, to: Date | null | undefined): DateRange {
  const range = { from: isoDate(from), to: isoDate(to) };
  if (range.from !== null && range.to !== null && range.from > range.to)
    throw new BadUserInputError(`from (${range.from}) is after to (${range.to})`, {
      argument: 'from',
    });
  return range;
}

/** Cents are what Salesforce stores; sums of doubles would show 0.30000000000000004. */
export function money(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Averages of whole days to two decimals. */
export function days(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Key of a group whose value is empty (no owner, no lead source...). */
export const NONE_KEY = '(none)';

/** A text group value as the row key; null and '' become NONE_KEY. */
export function textKey(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : NONE_KEY;
}

/** Rows by key, the NONE_KEY row last. */
export function byKeyNoneLast<T extends { key: string }>(a: T, b: T): number {
  if (a.key === NONE_KEY || b.key === NONE_KEY) return a.key === NONE_KEY ? 1 : -1;
  return a.key.localeCompare(b.key);
}
