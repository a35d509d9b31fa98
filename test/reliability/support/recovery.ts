import { outcomeOf, type GatewayProcess } from './gateway-process';

/**
 * Asks until the answer is good again: a gateway with a circuit breaker may keep refusing
 * for its cool-down after an upstream fault ends, which is recovery too, only later. Bounded
 * by a number of attempts, not a clock; returns how many it took.
 */
export async function untilAnswered(
  gateway: GatewayProcess,
  query: string,
  options: { attempts?: number; pauseMs?: number } = {},
): Promise<number> {
  const attempts = options.attempts ?? 100;
  const seen: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const outcome = outcomeOf(await gateway.graphql(query));
    if (outcome === 'ok') return attempt;
    seen.push(outcome);
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 250));
  }
  throw new Error(`no good answer in ${attempts} attempts: ${[...new Set(seen)].join(', ')}`);
}

/** How many answers had each outcome (`ok` or an error code), for asserting and printing. */
export function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}
