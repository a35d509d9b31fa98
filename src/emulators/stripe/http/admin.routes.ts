import { createAdminHandler, type AdminHandler } from '../../http-kit/admin-routes';
import { triggerStripeWebhook } from '../webhooks/stripe-trigger';
import type { StripeEmulatorContext } from './emulator-context';
import { jsonReply, type HttpReply } from './http-io';

/** The shared `/__emulator/` surface over Stripe's counters, store and idempotency keys. */
export function createAdminRoutes(ctx: StripeEmulatorContext): AdminHandler<HttpReply> {
  return createAdminHandler({
    json: jsonReply,
    counters: ctx.stats,
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
    webhooks: {
      sender: ctx.webhooks,
      trigger: (body) => triggerStripeWebhook(ctx.store, ctx.events, ctx.triggerRandom, body),
    },
  });
}
