import { jsonReply, type HttpReply } from '../../http-kit/http-io';
import type { ZendeskEmulatorContext } from '../emulator-context';
import type { ZendeskFaults } from './api-traffic';

/** A fault request: the traffic knobs plus `offline` (unreachable for that many ms). */
export interface ZendeskFaultRequest extends ZendeskFaults {
  offline?: number;
}

const KNOWN = [
  '/__emulator/stats',
  '/__emulator/stats/reset',
  '/__emulator/reset',
  '/__emulator/faults',
];

/**
 * The emulator's control surface under `/__emulator/` (no auth; loopback only), the same as the
 * Salesforce emulator's: stats, stats reset, reset to the seed, and fault knobs.
 */
export function handleAdminRequest(
  ctx: ZendeskEmulatorContext,
  method: string,
  path: string,
  body: Buffer,
): HttpReply {
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__emulator/stats':
      return jsonReply(200, ctx.traffic.stats());
    case 'POST /__emulator/stats/reset':
      ctx.traffic.resetStats();
      return jsonReply(200, ctx.traffic.stats());
    case 'POST /__emulator/reset':
      ctx.store.reset();
      ctx.traffic.resetAll();
      ctx.outage.end();
      return jsonReply(200, ctx.traffic.stats());
    case 'POST /__emulator/faults': {
      const parsed = parseFaults(body);
      if (typeof parsed === 'string') return jsonReply(400, { error: parsed });
      const { offline, ...faults } = parsed;
      ctx.traffic.applyFaults(faults);
      if (offline !== undefined) ctx.outage.begin(offline);
      return jsonReply(200, {
        ...ctx.traffic.pendingFaults(),
        offlineMs: ctx.outage.remainingMs(),
      });
    }
  }
  return KNOWN.includes(path.replace(/\/$/, ''))
    ? jsonReply(405, { error: `method ${method} not allowed` })
    : jsonReply(404, { error: `no admin resource at ${path}` });
}

/** Validated fault settings, or the reason they are invalid. */
export function parseFaults(body: Buffer): ZendeskFaultRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return 'body must be JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const faults: ZendeskFaultRequest = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    switch (key) {
      case 'latencyMs':
      case 'serverUnavailable':
      case 'rateLimited':
      case 'retryAfterSeconds':
      case 'offline':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
          return `${key} must be a non-negative integer`;
        faults[key] = v;
        break;
      default:
        return `unknown fault ${key}`;
    }
  }
  return faults;
}
