import type { Router } from '../../../http-kit/router';
import {
  createTicket,
  parseTicketInput,
  TicketInvalid,
  updateTicket,
  type TicketInput,
} from '../../model/ticket-changes';
import { ticketJson } from '../resource-json';
import { ZendeskApiError, zendeskJson } from '../zendesk-replies';
import { found, idParam, type ApiRequest, type ApiRoute } from './api-route';

/** `{"ticket": {...}}` validated, or Zendesk's 400/422. */
function ticketInput(req: ApiRequest): TicketInput {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8') || '{}');
  } catch {
    throw new ZendeskApiError(
      zendeskJson(400, { error: 'InvalidJSON', description: 'The request body is not valid JSON' }),
    );
  }
  return guarded(() =>
    parseTicketInput(
      typeof body === 'object' && body !== null ? (body as { ticket?: unknown }).ticket : undefined,
      req.store,
    ),
  );
}

/** Zendesk's 422 for a record that fails validation. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof TicketInvalid)) throw err;
    const details = Object.fromEntries(
      Object.entries(err.details).map(([key, description]) => [
        key,
        [{ description, error: 'InvalidValue' }],
      ]),
    );
    throw new ZendeskApiError(
      zendeskJson(422, {
        error: 'RecordInvalid',
        description: 'Record validation errors',
        details,
      }),
    );
  }
}

/** `POST /tickets`: 201 with the ticket and its `Location`; sends `ticket.created`. */
const create: ApiRoute = {
  endpoint: 'tickets.create',
  handle: (req) => {
    const input = ticketInput(req);
    const ticket = guarded(() => createTicket(req.store, input, req.user, req.now));
    req.events.ticketCreated(ticket, req.user);
    const json = ticketJson(req.apiBase)(ticket);
    return zendeskJson(201, { ticket: json }, { Location: json.url as string });
  },
};

/** `PUT /tickets/:id`: 200 with the ticket; sends one event when something changed. */
const update: ApiRoute = {
  endpoint: 'tickets.update',
  handle: (req) => {
    const ticket = found(req.store.ticket(idParam(req)));
    const input = ticketInput(req);
    const change = guarded(() => updateTicket(ticket, input, req.now));
    if (change) req.events.ticketChanged(ticket, change, req.user);
    return zendeskJson(200, { ticket: ticketJson(req.apiBase)(ticket) });
  },
};

export function addTicketWriteRoutes(router: Router<ApiRoute>): void {
  router.add('POST', '/tickets', create).add('PUT', '/tickets/:id', update);
}
