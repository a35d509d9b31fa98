import type { Router } from '../../../http-kit/router';
import { listPage, offsetPage } from '../pagination';
import { organizationJson } from '../resource-json';
import { zendeskJson } from '../zendesk-replies';
import { found, idParam, listParam, type ApiRequest, type ApiRoute } from './api-route';

const list: ApiRoute = {
  endpoint: 'organizations.list',
  handle: (req: ApiRequest) =>
    zendeskJson(
      200,
      listPage(
        req.store.organizations(),
        { ...req, path: 'organizations', action: 'organizations/index', key: 'organizations' },
        organizationJson(req.apiBase),
      ),
    ),
};

const show: ApiRoute = {
  endpoint: 'organizations.show',
  handle: (req) =>
    zendeskJson(200, {
      organization: organizationJson(req.apiBase)(found(req.store.organization(idParam(req)))),
    }),
};

/** `?ids=1,2` or `?external_ids=a,b`: the organizations that exist, in the order asked. */
const showMany: ApiRoute = {
  endpoint: 'organizations.show_many',
  handle: (req) => {
    const all = req.store.organizations();
    const byExternal = listParam(req.query, 'external_ids');
    const matches = req.query.has('external_ids')
      ? byExternal.flatMap((ext) => all.filter((o) => o.external_id === ext))
      : listParam(req.query, 'ids').flatMap((id) => all.filter((o) => String(o.id) === id));
    return zendeskJson(200, {
      organizations: matches.map(organizationJson(req.apiBase)),
      next_page: null,
      previous_page: null,
      count: matches.length,
    });
  },
};

/** `?external_id=` (exact) or `?name=` (exact, case-insensitive), offset-paginated. */
const search: ApiRoute = {
  endpoint: 'organizations.search',
  handle: (req) => {
    const externalId = req.query.get('external_id');
    const name = req.query.get('name')?.toLowerCase();
    const matches = req.store
      .organizations()
      .filter((o) =>
        externalId !== null
          ? o.external_id === externalId
          : name !== undefined && o.name.toLowerCase() === name,
      );
    return zendeskJson(
      200,
      offsetPage(
        matches,
        {
          ...req,
          path: 'organizations/search',
          action: 'organizations/search',
          key: 'organizations',
        },
        organizationJson(req.apiBase),
      ),
    );
  },
};

export function addOrganizationRoutes(router: Router<ApiRoute>): void {
  router
    .add('GET', '/organizations', list)
    .add('GET', '/organizations/show_many', showMany)
    .add('GET', '/organizations/search', search)
    .add('GET', '/organizations/:id', show);
}
