import type { ServerResponse } from 'node:http';
import type { WebhooksConfig } from '../../config';
import type { LinkedChangeSink } from '../../live/live-changes';
import type { Logger } from '../../logging/logger';
import type { WebhookObserver } from '../../observability';
import { WebhookRejectedError } from '../../upstreams/linked';
import type { LinkedChangeService } from '../../live/linked-changes';
import type { ReceivedEvent, WebhookReceiver } from '../../domains/linked/webhook-events';
import { HttpBodyError } from '../http-adapter';
import type { Route, RouteHandler } from '../routes';
import { readRawBody } from './raw-body';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

export interface WebhookRoutesDeps {
  config: WebhooksConfig;
  /** Undefined when live changes are off: a delivery then gets 503, so the sender retries. */
  sink: LinkedChangeSink | undefined;
  /** The three services' receivers; a service without its secret has none (no route: 404). */
  receivers: Partial<Record<LinkedChangeService, WebhookReceiver>>;
  logger: Logger;
  /** Counts events by outcome (gateway_webhook_events_total). */
  observe?: WebhookObserver;
}

/**
 * `POST /webhooks/<service>`: authenticated by the service's signature over the raw body and
 * by nothing else (no cookie, session, API key or CSRF check applies: the route table runs no
 * auth for them). Answers: 200 handled or duplicate, 400 bad signature or body (nothing
 * published), 405 not POST, 413 too large, 503 when the event could not be handled now (the
 * sender retries; its claim is released).
 */
export function webhookRoutes(deps: WebhookRoutesDeps): Route[] {
  const routes: Route[] = [];
  for (const service of ['stripe', 'zendesk', 'quickbooks'] as const) {
    const receiver = deps.receivers[service];
    if (receiver) routes.push({ path: `/webhooks/${service}`, handle: handler(service, receiver) });
  }
  return routes;

  function handler(service: LinkedChangeService, receive: WebhookReceiver): RouteHandler {
    const logger = deps.logger.child({ component: 'webhooks', service });
    const observe = deps.observe ?? (() => {});
    return async (req, res) => {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        answer(res, 405, { error: 'Webhooks are POSTed' });
        return;
      }
      let rawBody: Buffer;
      try {
        rawBody = await readRawBody(req, deps.config.maxBodyBytes);
      } catch (err) {
        if (!(err instanceof HttpBodyError)) throw err;
        if (err.status === 413) observe(service, 'too_large');
        res.setHeader('connection', 'close');
        answer(res, err.status, { error: err.message });
        return;
      }
      let events: ReceivedEvent[];
      try {
        events = receive(rawBody, req.headers);
      } catch (err) {
        if (!(err instanceof WebhookRejectedError)) throw err;
        // The reason only: never the headers, which carry the signature.
        logger.warn({ reason: err.reason, message: err.message }, 'webhook rejected');
        observe(service, 'rejected');
        answer(res, 400, { error: err.message });
        return;
      }
      const sink = deps.sink;
      if (!sink) {
        observe(service, 'unavailable', events.length);
        answer(res, 503, {
          error: 'Live changes are off on this gateway (no integration credential)',
        });
        return;
      }
      let published = 0;
      let duplicates = 0;
      for (const event of events) {
        const claim = `${service}:${event.key}`;
        if (!(await sink.claims.claim(claim))) {
          duplicates += 1;
          logger.info({ eventKey: event.key, type: event.type }, 'duplicate webhook event ignored');
          continue;
        }
        try {
          if (await event.publish()) published += 1;
        } catch (err) {
          await sink.claims.release(claim).catch(() => {});
          logger.warn({ err, eventKey: event.key, type: event.type }, 'webhook event not handled');
          observe(service, 'published', published);
          observe(service, 'unavailable');
          res.setHeader('retry-after', '5');
          answer(res, 503, { error: 'The event could not be handled now; retry later' });
          return;
        }
      }
      observe(service, 'published', published);
      observe(service, 'duplicate', duplicates);
      observe(service, 'ignored', events.length - published - duplicates);
      logger.info({ events: events.length, published, duplicates }, 'webhook received');
      answer(res, 200, { received: true, events: events.length, published, duplicates });
    };
  }
}
