import { handleCdcAdminRequest } from '../cdc';
import type { EmulatorContext } from '../emulator-context';
import type { FaultSettings } from './api-usage';
import { jsonReply, type HttpReply } from './http-io';

/**
 * The emulator's own control surface under `/__emulator/` (no auth; the server listens on
 * loopback). Answers `{error}` with 400 for bad input, 404/405 for unknown paths/methods.
 */
export function handleAdminRequest(
  ctx: EmulatorContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
): HttpReply {
  const cdcReply = handleCdcAdminRequest(ctx.cdc, method, path, body);
  if (cdcReply) return jsonReply(cdcReply.status, cdcReply.body);
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__emulator/stats':
      return jsonReply(200, ctx.usage.stats());
    case 'GET /__emulator/requests':
      return jsonReply(200, { requests: ctx.requests.list() });
    case 'POST /__emulator/stats/reset':
      ctx.usage.resetStats();
      ctx.requests.clear();
      return jsonReply(200, ctx.usage.stats());
    case 'POST /__emulator/reset':
      ctx.store.reset();
      ctx.usage.resetAll();
      ctx.locators.clear();
      ctx.requests.clear();
      ctx.outage.end();
      if (query.get('sessions') === '1') ctx.sessions.clear();
      return jsonReply(200, ctx.usage.stats());
    case 'POST /__emulator/faults': {
      const parsed = parseFaults(body);
      if (typeof parsed === 'string') return jsonReply(400, { error: parsed });
      const { offline, ...faults } = parsed;
      ctx.usage.applyFaults(faults);
      if (faults.expireSessions) ctx.sessions.expireAllSessions();
      if (offline !== undefined) ctx.outage.begin(offline);
      return jsonReply(200, {
        serverUnavailable: ctx.usage.pendingServerUnavailable(),
        latencyMs: ctx.usage.latencyMs(),
        limit: ctx.usage.limit(),
        offlineMs: ctx.outage.remainingMs(),
      });
    }
  }
  const known = [
    '/__emulator/stats',
    '/__emulator/stats/reset',
    '/__emulator/requests',
    '/__emulator/reset',
    '/__emulator/faults',
  ];
  return known.includes(path.replace(/\/$/, ''))
    ? jsonReply(405, { error: `method ${method} not allowed` })
    : jsonReply(404, { error: `no admin resource at ${path}` });
}

/** `FaultSettings` plus `offline`: the org is unreachable for that many milliseconds. */
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
  const input = value as Record<string, unknown>;
  const faults: FaultRequest = {};
  for (const [key, v] of Object.entries(input)) {
    switch (key) {
      case 'serverUnavailable':
      case 'latencyMs':
      case 'offline':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
          return `${key} must be a non-negative integer`;
        faults[key] = v;
        break;
      case 'expireSessions':
      case 'exhaustLimit':
        if (typeof v !== 'boolean') return `${key} must be a boolean`;
        faults[key] = v;
        break;
      default:
        return `unknown fault ${key}`;
    }
  }
  return faults;
}
