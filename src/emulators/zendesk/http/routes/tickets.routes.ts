import type { Router } from '../../../http-kit/router';
import { listPage } from '../pagination';
import { ticketJson } from '../resource-json';
import { zendeskJson } from '../zendesk-replies';
import { found, idParam, listParam, type ApiRequest, type ApiRoute } from './api-route';

const list: ApiRoute = {
  endpoint: 'tickets.list',
  handle: (req) =>
    zendeskJson(
      200,
      listPage(
        req.store.tickets(),
        { ...req, path: 'tickets', action: 'tickets/index', key: 'tickets' },
        ticketJson(req.apiBase),
      ),
    ),
};

const show: ApiRoute = {
  endpoint: 'tickets.show',
  handle: (req) =>
    zendeskJson(200, { ticket: ticketJson(req.apiBase)(found(req.store.ticket(idParam(req)))) }),
};

/** `?ids=1,2,3` (up to 100): the tickets that exist, in the order asked. */
const showMany: ApiRoute = {
  endpoint: 'tickets.show_many',
  handle: (req) => {
    const tickets = listParam(req.query, 'ids').flatMap((id) => {
      const ticket = /^\d+$/.test(id) ? req.store.ticket(Number(id)) : undefined;
      return ticket ? [ticket] : [];
    });
    return zendeskJson(200, {
      tickets: tickets.map(ticketJson(req.apiBase)),
      next_page: null,
      previous_page: null,
      count: tickets.length,
    });
  },
};

function ownerList(
  req: ApiRequest,
  path: string,
  action: string,
  keep: (t: { organization_id: number | null; requester_id: number }) => boolean,
) {
  return zendeskJson(
    200,
    listPage(
      req.store.tickets().filter(keep),
      { ...req, path, action, key: 'tickets' },
      ticketJson(req.apiBase),
    ),
  );
}

/** An organization's tickets; 404 when the organization does not exist. */
const byOrganization: ApiRoute = {
  endpoint: 'organizations.tickets',
  handle: (req) => {
    const organization = found(req.store.organization(idParam(req)));
    return ownerList(
      req,
      `organizations/${organization.id}/tickets`,
      'tickets/index',
      (t) => t.organization_id === organization.id,
    );
  },
};

/** Tickets a user requested; 404 when the user does not exist. */
const requestedBy: ApiRoute = {
  endpoint: 'users.tickets.requested',
  handle: (req) => {
    const user = found(req.store.user(idParam(req)));
    return ownerList(
      req,
      `users/${user.id}/tickets/requested`,
      'tickets/index',
      (t) => t.requester_id === user.id,
    );
  },
};

export function addTicketRoutes(router: Router<ApiRoute>): void {
  router
    .add('GET', '/tickets', list)
    .add('GET', '/tickets/show_many', showMany)
    .add('GET', '/tickets/:id', show)
    .add('GET', '/organizations/:id/tickets', byOrganization)
    .add('GET', '/users/:id/tickets/requested', requestedBy);
}
