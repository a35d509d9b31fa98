import { createAdminHandler } from '../../http-kit/admin-routes';
import type { QuickBooksContext } from '../emulator-context';
import { FAULT_KNOBS } from './fault-state';
import { jsonReply, type HttpReply } from './http-io';

/** The shared `/__emulator/` surface over the company's fault state and token store. */
export function handleAdminRequest(
  ctx: QuickBooksContext,
  method: string,
  path: string,
  body: Buffer,
): HttpReply {
  return createAdminHandler({
    json: jsonReply,
    stats: () => ctx.faults.stats(),
    resetStats: () => ctx.faults.resetStats(),
    reset: () => ctx.reset(),
    faultKnobs: FAULT_KNOBS,
    applyFaults: (faults) => {
      ctx.faults.apply(faults);
      if (faults.expireTokens) ctx.tokens.expireAccessTokens();
      return ctx.faults.settings();
    },
  })(method, path, body);
}
