import type { HttpReply } from './http-io';
import { parseFaultRequest, type FaultKnobNames, type FaultRequestOf } from './fault-request';

export type JsonReplier<R extends HttpReply> = (status: number, value: unknown) => R;

/** What one emulator plugs into the shared `/__emulator/` surface. */
export interface AdminSurface<I extends string, B extends string, R extends HttpReply> {
  /** How the service writes JSON (content type, indentation). */
  json: JsonReplier<R>;
  /** `GET /__emulator/stats` (also the answer of both resets) and `POST .../stats/reset`. */
  counters: { stats(): unknown; resetStats(): void };
  /** `POST /__emulator/reset`: data, counters and faults back to the seed. */
  reset(query: URLSearchParams): void;
  faultKnobs: FaultKnobNames<I, B>;
  /**
   * Applies validated `POST /__emulator/faults` settings; returns what the reply reports.
   * With `outage` set, `offline` is handled here and never reaches it.
   */
  applyFaults(faults: FaultRequestOf<I, B>): object;
  /**
   * The service's `offline` knob: `offline: ms` begins an outage, the faults reply ends with
   * `offlineMs`, and a reset ends the outage.
   */
  outage?: { begin(ms: number): void; end(): void; remainingMs(): number };
  /** Further read-only routes, keyed `'GET /__emulator/...'`. */
  extraRoutes?: Record<string, () => unknown>;
}

export type AdminHandler<R extends HttpReply> = (
  method: string,
  path: string,
  body: Buffer,
  query?: URLSearchParams,
) => R;

const ADMIN_PATHS = [
  '/__emulator/stats',
  '/__emulator/stats/reset',
  '/__emulator/reset',
  '/__emulator/faults',
];

/**
 * The emulators' common control surface under `/__emulator/` (no auth; they listen on
 * loopback): stats, stats reset, reset to the seed and fault knobs. Answers `{error}` with 400
 * for bad input, 404/405 for unknown paths and methods.
 */
export function createAdminHandler<I extends string, B extends string, R extends HttpReply>(
  surface: AdminSurface<I, B, R>,
): AdminHandler<R> {
  const json = surface.json;
  const extra = surface.extraRoutes ?? {};
  const known = [
    ...ADMIN_PATHS,
    ...Object.keys(extra).map((route) => route.slice(route.indexOf(' ') + 1)),
  ];
  return (method, path, body, query = new URLSearchParams()) => {
    const trimmed = path.replace(/\/$/, '');
    const route = `${method} ${trimmed}`;
    switch (route) {
      case 'GET /__emulator/stats':
        return json(200, surface.counters.stats());
      case 'POST /__emulator/stats/reset':
        surface.counters.resetStats();
        return json(200, surface.counters.stats());
      case 'POST /__emulator/reset':
        surface.reset(query);
        surface.outage?.end();
        return json(200, surface.counters.stats());
      case 'POST /__emulator/faults': {
        const faults = parseFaultRequest(body, surface.faultKnobs);
        if (typeof faults === 'string') return json(400, { error: faults });
        return json(200, applyFaults(surface, faults));
      }
    }
    const read = extra[route];
    if (read) return json(200, read());
    return known.includes(trimmed)
      ? json(405, { error: `method ${method} not allowed` })
      : json(404, { error: `no admin resource at ${path}` });
  };
}

function applyFaults<I extends string, B extends string, R extends HttpReply>(
  surface: AdminSurface<I, B, R>,
  faults: FaultRequestOf<I, B>,
): object {
  const { outage } = surface;
  if (!outage) return surface.applyFaults(faults);
  const offline: unknown = (faults as Record<string, unknown>).offline;
  const others = Object.fromEntries(Object.entries(faults).filter(([key]) => key !== 'offline'));
  const report = surface.applyFaults(others as FaultRequestOf<I, B>);
  if (typeof offline === 'number') outage.begin(offline);
  return { ...report, offlineMs: outage.remainingMs() };
}
