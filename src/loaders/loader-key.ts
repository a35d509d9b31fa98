/**
 * Stable key for a loader family member. Arrays of field paths are sorted so the same
 * selection in a different order shares a loader; the viewer's cache scope leads so a
 * cross-request cache can reuse the same keys without leaking records between viewers.
 */
export function loaderKey(scope: string, parts: Record<string, unknown>): string {
  return `${scope}|${JSON.stringify(parts, (_key, value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? [...value].sort()
      : value,
  )}`;
}
