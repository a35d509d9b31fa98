/**
 * SOQL date literals as half-open UTC ranges [start, end) in epoch milliseconds. Weeks start
 * on Sunday (en_US locale) and the fiscal year is the calendar year, as in a default org.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
 */
export interface MsRange {
  start: number;
  end: number;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

function startOf(unit: Unit, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, d));
    case 'week':
      return new Date(Date.UTC(y, m, d - now.getUTCDay()));
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
  }
}

/** `base` moved by `n` units (months overflow into years as Date.UTC does). */
function shift(unit: Unit, base: Date, n: number): Date {
  const y = base.getUTCFullYear();
  const m = base.getUTCMonth();
  const d = base.getUTCDate();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, d + n));
    case 'week':
      return new Date(Date.UTC(y, m, d + 7 * n));
    case 'month':
      return new Date(Date.UTC(y, m + n, d));
    case 'quarter':
      return new Date(Date.UTC(y, m + 3 * n, d));
    case 'year':
      return new Date(Date.UTC(y + n, m, d));
  }
}

/** Units `from` (relative to the current one) through `to` inclusive. */
function unitRange(unit: Unit, now: Date, from: number, to: number): MsRange {
  const current = startOf(unit, now);
  return {
    start: shift(unit, current, from).getTime(),
    end: shift(unit, current, to + 1).getTime(),
  };
}

const FIXED: Record<string, { unit: Unit; from: number; to: number }> = {
  TODAY: { unit: 'day', from: 0, to: 0 },
  YESTERDAY: { unit: 'day', from: -1, to: -1 },
  TOMORROW: { unit: 'day', from: 1, to: 1 },
  THIS_WEEK: { unit: 'week', from: 0, to: 0 },
  LAST_WEEK: { unit: 'week', from: -1, to: -1 },
  NEXT_WEEK: { unit: 'week', from: 1, to: 1 },
  THIS_MONTH: { unit: 'month', from: 0, to: 0 },
  LAST_MONTH: { unit: 'month', from: -1, to: -1 },
  NEXT_MONTH: { unit: 'month', from: 1, to: 1 },
  // LAST_90_DAYS counts today, NEXT_90_DAYS starts tomorrow (like the _N_DAYS forms).
  LAST_90_DAYS: { unit: 'day', from: -90, to: 0 },
  NEXT_90_DAYS: { unit: 'day', from: 1, to: 90 },
  THIS_QUARTER: { unit: 'quarter', from: 0, to: 0 },
  LAST_QUARTER: { unit: 'quarter', from: -1, to: -1 },
  NEXT_QUARTER: { unit: 'quarter', from: 1, to: 1 },
  THIS_YEAR: { unit: 'year', from: 0, to: 0 },
  LAST_YEAR: { unit: 'year', from: -1, to: -1 },
  NEXT_YEAR: { unit: 'year', from: 1, to: 1 },
  THIS_FISCAL_QUARTER: { unit: 'quarter', from: 0, to: 0 },
  LAST_FISCAL_QUARTER: { unit: 'quarter', from: -1, to: -1 },
  NEXT_FISCAL_QUARTER: { unit: 'quarter', from: 1, to: 1 },
  THIS_FISCAL_YEAR: { unit: 'year', from: 0, to: 0 },
  LAST_FISCAL_YEAR: { unit: 'year', from: -1, to: -1 },
  NEXT_FISCAL_YEAR: { unit: 'year', from: 1, to: 1 },
};

const N_UNITS: Record<string, Unit> = {
  DAYS: 'day',
  WEEKS: 'week',
  MONTHS: 'month',
  QUARTERS: 'quarter',
  YEARS: 'year',
  FISCAL_QUARTERS: 'quarter',
  FISCAL_YEARS: 'year',
};

/** A literal such as `THIS_MONTH`; undefined if the name is not a date literal. */
export function dateLiteralRange(name: string, now: Date): MsRange | undefined {
  const fixed = FIXED[name.toUpperCase()];
  return fixed ? unitRange(fixed.unit, now, fixed.from, fixed.to) : undefined;
}

/**
 * A literal with a count, `LAST_N_DAYS:30`. LAST_N_DAYS includes today and NEXT_N_DAYS
 * starts tomorrow; for the larger units LAST_N/NEXT_N exclude the current unit and
 * N_..._AGO is the single unit n back.
 */
export function dateNLiteralRange(name: string, n: number, now: Date): MsRange | undefined {
  const match = /^(LAST|NEXT)_N_([A-Z_]+)$|^N_([A-Z_]+)_AGO$/.exec(name.toUpperCase());
  if (!match) return undefined;
  const unit = N_UNITS[match[2] ?? match[3] ?? ''];
  if (!unit) return undefined;
  if (match[3]) return unitRange(unit, now, -n, -n);
  if (match[1] === 'LAST')
    return unit === 'day' ? unitRange('day', now, -n, 0) : unitRange(unit, now, -n, -1);
  return unitRange(unit, now, 1, n);
}

/** `YYYY-MM-DD` → UTC midnight in ms; NaN when not a real calendar date. */
export function parseDateValue(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return Number.NaN;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : Number.NaN;
}

/**
 * A SOQL datetime literal (`2024-01-31T10:00:00Z`, `...T10:00:00.000+0100`) → ms; NaN when
 * malformed. Offsets without a colon are SOQL's form; Date.parse needs `+01:00`.
 */
export function parseDateTimeValue(text: string): number {
  const match =
    /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!match) return Number.NaN;
  if (Number.isNaN(parseDateValue(match[1] ?? ''))) return Number.NaN;
  if (Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4]) > 59) return Number.NaN;
  const zone = match[6] === 'Z' ? 'Z' : (match[6] ?? '').replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}${match[5] ?? ''}${zone}`);
}
