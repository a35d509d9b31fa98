/** The knobs one emulator's `POST /__emulator/faults` accepts, by the type of their value. */
export interface FaultKnobNames<I extends string, B extends string> {
  /** Non-negative integers: latencies, burst sizes, `offline` milliseconds. */
  integers: readonly I[];
  /** Switches such as `expireSessions`. */
  booleans?: readonly B[];
}

export type FaultRequestOf<I extends string, B extends string> = Partial<Record<I, number>> &
  Partial<Record<B, boolean>>;

/** Validated fault settings (an empty body sets nothing), or the reason they are invalid. */
export function parseFaultRequest<I extends string, B extends string = never>(
  body: Buffer,
  knobs: FaultKnobNames<I, B>,
): FaultRequestOf<I, B> | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return 'body must be JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const integers: readonly string[] = knobs.integers;
  const booleans: readonly string[] = knobs.booleans ?? [];
  const faults: Record<string, number | boolean> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (integers.includes(key)) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        return `${key} must be a non-negative integer`;
      faults[key] = v;
    } else if (booleans.includes(key)) {
      if (typeof v !== 'boolean') return `${key} must be a boolean`;
      faults[key] = v;
    } else {
      return `unknown fault ${key}`;
    }
  }
  return faults as FaultRequestOf<I, B>;
}
