import type { HttpReply } from './http-io';
import { parseFaultRequest, type FaultKnobNames, type FaultRequestOf } from './fault-request';
import { parseWebhookTarget, type WebhookSender } from './webhook-sender';

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
  /** `GET|POST /__emulator/webhooks` and `POST /__emulator/webhooks/trigger`. */
  webhooks?: WebhookAdmin;
}

/** What answers the admin surface gives for a trigger: a status and its JSON. */
export interface TriggerReply {
  status: number;
  body: unknown;
}

/** An emulator's outgoing webhooks as the admin surface drives them. */
export interface WebhookAdmin {
  sender: WebhookSender;
  /**
   * Makes one data change (or re-sends the event of an existing object) as the body asks, and
   * answers the object id and event id; `{error}` with 400/404 for a bad body or unknown id.
   */
  trigger(body: Record<string, unknown>): TriggerReply;
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

const WEBHOOK_PATHS = ['/__emulator/webhooks', '/__emulator/webhooks/trigger'];

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
    ...(surface.webhooks ? WEBHOOK_PATHS : []),
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
    const webhooks = surface.webhooks;
    if (webhooks) {
      const reply = webhookRoute(webhooks, route, body);
      if (reply) return json(reply.status, reply.body);
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

function webhookRoute(
  webhooks: WebhookAdmin,
  route: string,
  body: Buffer,
): TriggerReply | undefined {
  switch (route) {
    case 'GET /__emulator/webhooks':
      return { status: 200, body: webhooks.sender.status() };
    case 'POST /__emulator/webhooks': {
      const parsed = jsonObject(body);
      const target = typeof parsed === 'string' ? parsed : parseWebhookTarget(parsed);
      if (typeof target === 'string') return { status: 400, body: { error: target } };
      webhooks.sender.configure(target);
      return { status: 200, body: webhooks.sender.status() };
    }
    case 'POST /__emulator/webhooks/trigger': {
      const parsed = jsonObject(body);
      if (typeof parsed === 'string') return { status: 400, body: { error: parsed } };
      return webhooks.trigger(parsed);
    }
  }
  return undefined;
}

/** A JSON object body (empty: `{}`), or why it is not one. */
function jsonObject(body: Buffer): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return 'body must be JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  return value as Record<string, unknown>;
}
