import type { FieldDef, FieldValue } from '../model/types';

/**
 * SOQL's calendar date functions, usable in SELECT, GROUP BY, HAVING and ORDER BY of an
 * aggregate query. Real Salesforce evaluates them on dateTime fields in UTC unless the field is
 * wrapped in `convertTimezone()`; the emulator does the same (its users have no time zone, so
 * `convertTimezone()` is UTC too). Weeks are Salesforce's: DAY_IN_WEEK 1 = Sunday, and
 * WEEK_IN_YEAR / WEEK_IN_MONTH count blocks of 7 days from the 1st (1 = days 1 to 7).
 * Fiscal functions are not emulated (they depend on the org's fiscal year settings).
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_date_functions.htm
 */
export type DateFunctionName =
  | 'CALENDAR_MONTH'
  | 'CALENDAR_QUARTER'
  | 'CALENDAR_YEAR'
  | 'DAY_IN_MONTH'
  | 'DAY_IN_WEEK'
  | 'DAY_IN_YEAR'
  | 'DAY_ONLY'
  | 'HOUR_IN_DAY'
  | 'WEEK_IN_MONTH'
  | 'WEEK_IN_YEAR';

const DATE_FUNCTIONS = new Set<string>([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
]);

/** Functions that need a time of day: Salesforce rejects them on date fields. */
const DATETIME_ONLY = new Set<string>(['DAY_ONLY', 'HOUR_IN_DAY']);

export function isDateFunction(name: string): name is DateFunctionName {
  return DATE_FUNCTIONS.has(name.toUpperCase());
}

/** Whether `fn` may take `field`: null when it may, else the reason Salesforce gives. */
export function dateFunctionArgumentError(fn: DateFunctionName, field: FieldDef): string | null {
  const ok =
    field.type === 'datetime' || (field.type === 'date' && !DATETIME_ONLY.has(fn.toUpperCase()));
  return ok ? null : `field ${field.name} does not support date function ${fn.toUpperCase()}`;
}

const DAY_MS = 86_400_000;

/** A stored date (`YYYY-MM-DD`) or datetime (ISO, UTC) as a UTC instant. */
function instantOf(value: FieldValue): Date | null {
  if (typeof value !== 'string') return null;
  const ms = value.length === 10 ? Date.parse(`${value}T00:00:00.000Z`) : Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The function's value for one stored field value: an integer, a `YYYY-MM-DD` for DAY_ONLY, or null. */
export function applyDateFunction(fn: DateFunctionName, value: FieldValue): FieldValue {
  const at = instantOf(value);
  if (!at) return null;
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const day = at.getUTCDate();
  const dayInYear = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
  switch (fn.toUpperCase() as DateFunctionName) {
    case 'CALENDAR_MONTH':
      return month + 1;
    case 'CALENDAR_QUARTER':
      return Math.floor(month / 3) + 1;
    case 'CALENDAR_YEAR':
      return year;
    case 'DAY_IN_MONTH':
      return day;
    case 'DAY_IN_WEEK':
      return at.getUTCDay() + 1;
    case 'DAY_IN_YEAR':
      return dayInYear;
    case 'DAY_ONLY':
      return at.toISOString().slice(0, 10);
    case 'HOUR_IN_DAY':
      return at.getUTCHours();
    case 'WEEK_IN_MONTH':
      return Math.floor((day - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((dayInYear - 1) / 7) + 1;
  }
}

/** The describe-like type of the function's result, for formatting and HAVING literals. */
export function dateFunctionResultType(fn: DateFunctionName): 'int' | 'date' {
  return fn.toUpperCase() === 'DAY_ONLY' ? 'date' : 'int';
}
