import type { BreakerState, UpstreamResilience } from './upstream-resilience';

/**
 * Every upstream's policies of one gateway process, by service name (Salesforce now; Stripe,
 * Zendesk and QuickBooks join with their own). Read-only outside: /readyz and metrics ask
 * `state()`, clients take their upstream's entry.
 */
export interface GatewayResilience<S extends string = string> {
  readonly upstreams: Readonly<Record<S, UpstreamResilience>>;
  /** Each upstream's breaker, e.g. `{ salesforce: 'closed' }`. */
  state(): Record<S, BreakerState>;
  /** Bulkhead occupancy per upstream. */
  load(): Record<S, { executing: number; queued: number }>;
}

export function createGatewayResilience<S extends string>(
  upstreams: Record<S, UpstreamResilience>,
): GatewayResilience<S> {
  const map = <T>(read: (upstream: UpstreamResilience) => T): Record<S, T> =>
    Object.fromEntries(
      Object.entries<UpstreamResilience>(upstreams).map(([name, upstream]) => [
        name,
        read(upstream),
      ]),
    ) as Record<S, T>;
  return {
    upstreams,
    state: () => map((upstream) => upstream.state()),
    load: () => map((upstream) => upstream.load()),
  };
}
