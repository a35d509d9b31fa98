import { createAdminHandler, type AdminHandler } from '../../http-kit/admin-routes';
import type { QuickBooksContext } from '../emulator-context';
import { triggerQuickBooksWebhook } from '../webhooks/quickbooks-trigger';
import { FAULT_KNOBS } from './fault-state';
import { jsonReply, type HttpReply } from './http-io';

/** The shared `/__emulator/` surface over the company's fault state and token store. */
export function createAdminRoutes(ctx: QuickBooksContext): AdminHandler<HttpReply> {
  return createAdminHandler({
    json: jsonReply,
    counters: ctx.faults,
    reset: () => ctx.reset(),
    faultKnobs: FAULT_KNOBS,
    applyFaults: (faults) => {
      ctx.faults.apply(faults);
      if (faults.expireTokens) ctx.tokens.expireAccessTokens();
      return ctx.faults.settings();
    },
    webhooks: { sender: ctx.webhooks, trigger: (body) => triggerQuickBooksWebhook(ctx, body) },
  });
}
