import { createAdminHandler, type AdminHandler } from '../../http-kit/admin-routes';
import { jsonReply, type HttpReply } from '../../http-kit/http-io';
import type { ZendeskEmulatorContext } from '../emulator-context';
import { triggerZendeskWebhook } from '../webhooks/zendesk-trigger';

/** The shared `/__emulator/` surface over Zendesk's traffic counters, store and outage. */
export function createAdminRoutes(ctx: ZendeskEmulatorContext): AdminHandler<HttpReply> {
  return createAdminHandler({
    json: jsonReply,
    counters: ctx.traffic,
    reset: () => {
      ctx.store.reset();
      ctx.traffic.resetAll();
    },
    faultKnobs: {
      integers: ['latencyMs', 'serverUnavailable', 'rateLimited', 'retryAfterSeconds', 'offline'],
    },
    applyFaults: (faults) => {
      ctx.traffic.applyFaults(faults);
      return ctx.traffic.pendingFaults();
    },
    outage: ctx.outage,
    webhooks: {
      sender: ctx.webhooks,
      trigger: (body) =>
        triggerZendeskWebhook(ctx.store, ctx.events, ctx.triggerRandom, ctx.options.clock(), body),
    },
  });
}
