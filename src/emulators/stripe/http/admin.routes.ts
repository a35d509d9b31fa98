import type { FaultSettings } from './call-stats';
import type { StripeEmulatorContext } from './emulator-context';
import { jsonReply, type HttpReply } from './http-io';

/**
 * The emulator's own control surface under `/__emulator/` (no auth; the server listens on
 * loopback), the same as the Salesforce emulator's. Answers `{error}` with 400 for bad
 * input, 404/405 for unknown paths and methods.
 */
export function handleAdminRequest(
  ctx: StripeEmulatorContext,
  method: string,
  path: string,
  body: Buffer,
): HttpReply {
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__emulator/stats':
      return jsonReply(200, ctx.stats.stats());
    case 'POST /__emulator/stats/reset':
      ctx.stats.resetStats();
      return jsonReply(200, ctx.stats.stats());
    case 'POST /__emulator/reset':
      ctx.store.reset();
      ctx.stats.resetAll();
      ctx.idempotency.clear();
      ctx.outage.begin(0);
      return jsonReply(200, ctx.stats.stats());
    case 'POST /__emulator/faults': {
      const parsed = parseFaults(body);
      if (typeof parsed === 'string') return jsonReply(400, { error: parsed });
      const { offline, ...faults } = parsed;
      ctx.stats.applyFaults(faults);
      if (offline !== undefined) ctx.outage.begin(offline);
      return jsonReply(200, { ...ctx.stats.pending(), offlineMs: ctx.outage.remainingMs() });
    }
  }
  const known = [
    '/__emulator/stats',
    '/__emulator/stats/reset',
    '/__emulator/reset',
    '/__emulator/faults',
  ];
  return known.includes(path.replace(/\/$/, ''))
    ? jsonReply(405, { error: `method ${method} not allowed` })
    : jsonReply(404, { error: `no admin resource at ${path}` });
}

/** `FaultSettings` plus `offline`: the API is unreachable for that many milliseconds. */
export interface FaultRequest extends FaultSettings {
  offline?: number;
}

/** Validated fault settings, or the reason they are invalid. */
export function parseFaults(body: Buffer): FaultRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return 'body must be JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const faults: FaultRequest = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    switch (key) {
      case 'latencyMs':
      case 'serverUnavailable':
      case 'rateLimited':
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
