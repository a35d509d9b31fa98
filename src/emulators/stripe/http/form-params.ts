/**
 * Stripe's form encoding (`application/x-www-form-urlencoded`, also used in query strings):
 * `metadata[k]=v` nests, `expand[0]=a` (stripe-node) and `expand[]=a` (curl) make arrays.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class MalformedParamError extends Error {
  constructor(readonly param: string) {
    super(`Invalid parameter: ${param}`);
  }
}

export function parseFormParams(pairs: URLSearchParams): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of pairs) {
    const path = splitKey(rawKey);
    assign(root, path, value, rawKey);
  }
  return toArrays(root) as FormObject;
}

function splitKey(key: string): string[] {
  const first = /^[^[\]]+/.exec(key)?.[0];
  if (first === undefined) throw new MalformedParamError(key);
  const rest = key.slice(first.length);
  const parts = [first];
  const bracket = /\[([^[\]]*)\]/gy;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = bracket.exec(rest)) !== null) {
    parts.push(match[1] as string);
    consumed = bracket.lastIndex;
  }
  if (consumed !== rest.length) throw new MalformedParamError(key);
  return parts;
}

function assign(target: FormObject, path: string[], value: string, rawKey: string): void {
  let node: FormObject = target;
  for (let i = 0; i < path.length - 1; i++) {
    const part = path[i] as string;
    const key = part === '' ? String(Object.keys(node).length) : part;
    const existing = node[key];
    if (existing === undefined) {
      const child: FormObject = {};
      node[key] = child;
      node = child;
    } else if (typeof existing === 'object' && !Array.isArray(existing)) {
      node = existing;
    } else {
      throw new MalformedParamError(rawKey);
    }
  }
  const last = path[path.length - 1] as string;
  const key = last === '' ? String(Object.keys(node).length) : last;
  if (typeof node[key] === 'object') throw new MalformedParamError(rawKey);
  node[key] = value;
}

/** Objects whose keys are exactly 0..n-1 become arrays. */
function toArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = toArrays(value[key] as FormValue);
  const isList = keys.length > 0 && keys.every((k, i) => k === String(i));
  return isList ? keys.map((k) => converted[k] as FormValue) : converted;
}
