import { createAdminHandler } from '../../http-kit/admin-routes';
import type { StripeEmulatorContext } from './emulator-context';
import { jsonReply, type HttpReply } from './http-io';

/** The shared `/__emulator/` surface over Stripe's counters, store and idempotency keys. */
export function handleAdminRequest(
  ctx: StripeEmulatorContext,
  method: string,
  path: string,
  body: Buffer,
): HttpReply {
  return createAdminHandler({
    json: jsonReply,
    stats: () => ctx.stats.stats(),
    resetStats: () => ctx.stats.resetStats(),
    reset: () => {
      ctx.store.reset();
      ctx.stats.resetAll();
      ctx.idempotency.clear();
      ctx.outage.begin(0);
    },
    faultKnobs: { integers: ['latencyMs', 'serverUnavailable', 'rateLimited', 'offline'] },
    applyFaults: ({ offline, ...faults }) => {
      ctx.stats.applyFaults(faults);
      if (offline !== undefined) ctx.outage.begin(offline);
      return { ...ctx.stats.pending(), offlineMs: ctx.outage.remainingMs() };
    },
  })(method, path, body);
}
