import { createAdminHandler, type AdminHandler } from '../../http-kit/admin-routes';
import { parseFaultRequest } from '../../http-kit/fault-request';
import { handleCdcAdminRequest } from '../cdc';
import type { EmulatorContext } from '../emulator-context';
import type { FaultSettings } from './api-usage';
import { jsonReply, type HttpReply } from './http-io';
import { handleMetadataAdminRequest } from './metadata-admin.routes';

const FAULT_KNOBS = {
  integers: ['serverUnavailable', 'latencyMs', 'offline'],
  booleans: ['expireSessions', 'exhaustLimit'],
} as const;

/**
 * The emulator's own control surface under `/__emulator/`: the shared one, plus the request
 * log, the CDC controls, runtime custom fields and the org's own fault knobs.
 */
export function createAdminRoutes(ctx: EmulatorContext): AdminHandler<HttpReply> {
  const shared = createAdminHandler({
    json: jsonReply,
    counters: {
      stats: () => ctx.usage.stats(),
      resetStats: () => {
        ctx.usage.resetStats();
        ctx.requests.clear();
      },
    },
    reset: (params) => {
      ctx.store.reset();
      ctx.usage.resetAll();
      ctx.locators.clear();
      ctx.requests.clear();
      if (params.get('sessions') === '1') ctx.sessions.clear();
    },
    faultKnobs: FAULT_KNOBS,
    applyFaults: (faults) => {
      ctx.usage.applyFaults(faults);
      if (faults.expireSessions) ctx.sessions.expireAllSessions();
      return {
        serverUnavailable: ctx.usage.pendingServerUnavailable(),
        latencyMs: ctx.usage.latencyMs(),
        limit: ctx.usage.limit(),
      };
    },
    outage: ctx.outage,
    extraRoutes: { 'GET /__emulator/requests': () => ({ requests: ctx.requests.list() }) },
  });
  return (method, path, body, query) => {
    const cdcReply = handleCdcAdminRequest(ctx.cdc, method, path, body);
    if (cdcReply) return jsonReply(cdcReply.status, cdcReply.body);
    const metadataReply = handleMetadataAdminRequest(ctx.store, method, path, body);
    if (metadataReply) return jsonReply(metadataReply.status, metadataReply.body);
    return shared(method, path, body, query);
  };
}

/** `FaultSettings` plus `offline`: the org is unreachable for that many milliseconds. */
export interface FaultRequest extends FaultSettings {
  offline?: number;
}

/** Validated fault settings, or the reason they are invalid. */
export function parseFaults(body: Buffer): FaultRequest | string {
  return parseFaultRequest(body, FAULT_KNOBS);
}
