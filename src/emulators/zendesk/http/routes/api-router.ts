import { Router } from '../../../http-kit/router';
import type { ApiRoute } from './api-route';
import { addOrganizationRoutes } from './organizations.routes';
import { addSearchRoutes } from './search.routes';
import { addTicketWriteRoutes } from './ticket-writes.routes';
import { addTicketRoutes } from './tickets.routes';
import { addUserRoutes } from './users.routes';

/** Every `/api/v2` endpoint the emulator serves (paths without `.json`). */
export function createApiRouter(): Router<ApiRoute> {
  const router = new Router<ApiRoute>();
  // Tickets first: `/organizations/:id/tickets` must not be taken for an organization id.
  addTicketRoutes(router);
  addTicketWriteRoutes(router);
  addOrganizationRoutes(router);
  addUserRoutes(router);
  addSearchRoutes(router);
  return router;
}
