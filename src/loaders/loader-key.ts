const sortStringArrays = (_key: string, value: unknown): unknown =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? [...value].sort()
    : value;

/**
 * The JSON of `parts` when every value is a primitive, null, absent or a list of strings (a
 * child-connection spec without `where`/`orderBy`, asked once per parent row), written
 * without JSON.stringify's replacer callbacks; undefined for anything deeper.
 */
function flatJson(parts: Record<string, unknown>): string | undefined {
  let json = '';
  for (const key of Object.keys(parts)) {
    const value = parts[key];
    let text: string;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      text = JSON.stringify(value);
    } else if (typeof value === 'number') {
      text = JSON.stringify(value);
    } else if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      continue;
    } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      text = JSON.stringify([...value].sort());
    } else {
      return undefined;
    }
    json += `${json === '' ? '' : ','}${JSON.stringify(key)}:${text}`;
  }
  return `{${json}}`;
}

/**
 * Stable key for a loader family member. Arrays of field paths are sorted so the same
 * selection in a different order shares a loader; the viewer's cache scope leads so a
 * cross-request cache can reuse the same keys without leaking records between viewers.
 */
export function loaderKey(scope: string, parts: Record<string, unknown>): string {
  return `${scope}|${flatJson(parts) ?? JSON.stringify(parts, sortStringArrays)}`;
}
