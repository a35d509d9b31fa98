import type { Operator } from './search-query';

/** Compares by the term's operator: `:` is equality, the rest order the two values. */
export function compareBy(operator: Operator, actual: number, expected: number): boolean {
  switch (operator) {
    case ':':
      return actual === expected;
    case '<':
      return actual < expected;
    case '>':
      return actual > expected;
    case '<=':
      return actual <= expected;
    case '>=':
      return actual >= expected;
  }
}

const RELATIVE = /^(\d+)(minutes?|hours?|days?|weeks?|months?|years?)$/i;
const UNIT_MS: Record<string, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/**
 * A date term's value in ms: `2024-05-01`, an ISO 8601 time, or a relative one (`4hours`,
 * `2weeks`) counted back from now. A `:` on a bare date means that whole UTC day.
 */
export function dateValue(value: string, now: Date): { from: number; to: number } | undefined {
  const relative = RELATIVE.exec(value);
  if (relative) {
    const unit = (relative[2] as string).toLowerCase().replace(/s$/, '');
    const at = now.getTime() - Number(relative[1]) * (UNIT_MS[unit] ?? 0);
    return { from: at, to: at };
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? { from: ms, to: ms + 86_400_000 - 1 }
    : { from: ms, to: ms };
}

/** Whether a timestamp satisfies a date term. */
export function matchesDate(
  operator: Operator,
  actualIso: string | null,
  value: string,
  now: Date,
): boolean {
  const range = dateValue(value, now);
  if (!range || actualIso === null) return false;
  const actual = Date.parse(actualIso);
  switch (operator) {
    case ':':
      return actual >= range.from && actual <= range.to;
    case '<':
      return actual < range.from;
    case '<=':
      return actual <= range.to;
    case '>':
      return actual > range.to;
    case '>=':
      return actual >= range.from;
  }
}

/** The position of `value` in an ordered vocabulary (status, priority), or -1. */
export function rank(order: readonly string[], value: string | null): number {
  return value === null ? -1 : order.indexOf(value.toLowerCase());
}
