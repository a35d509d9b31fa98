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
    },
    faultKnobs: { integers: ['latencyMs', 'serverUnavailable', 'rateLimited', 'offline'] },
    applyFaults: (faults) => {
      ctx.stats.applyFaults(faults);
      return ctx.stats.pending();
    },
    outage: ctx.outage,
  })(method, path, body);
}
