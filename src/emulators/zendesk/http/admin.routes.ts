import { createAdminHandler } from '../../http-kit/admin-routes';
import { jsonReply, type HttpReply } from '../../http-kit/http-io';
import type { ZendeskEmulatorContext } from '../emulator-context';

/** The shared `/__emulator/` surface over Zendesk's traffic counters, store and outage. */
export function handleAdminRequest(
  ctx: ZendeskEmulatorContext,
  method: string,
  path: string,
  body: Buffer,
): HttpReply {
  return createAdminHandler({
    json: jsonReply,
    stats: () => ctx.traffic.stats(),
    resetStats: () => ctx.traffic.resetStats(),
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
  })(method, path, body);
}
