const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant (QBO's date type). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/** The start of the UTC day holding `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * QBO's dateTime: local time of the company with its offset (`2019-11-18T23:45:06.552-08:00`).
 * The emulated company keeps Pacific Standard Time all year (no DST rule to get wrong).
 */
export function qboDateTime(ms: number): string {
  const local = new Date(ms - 8 * 3_600_000).toISOString();
  return `${local.slice(0, 23)}-08:00`;
}
