import type { Router } from '../../../http-kit/router';
import { listPage, offsetPage } from '../pagination';
import { userJson } from '../resource-json';
import { zendeskJson } from '../zendesk-replies';
import { found, idParam, listParam, type ApiRoute } from './api-route';

const list: ApiRoute = {
  endpoint: 'users.list',
  handle: (req) =>
    zendeskJson(
      200,
      listPage(
        req.store.users(),
        { ...req, path: 'users', action: 'users/index', key: 'users' },
        userJson(req.apiBase),
      ),
    ),
};

const show: ApiRoute = {
  endpoint: 'users.show',
  handle: (req) =>
    zendeskJson(200, { user: userJson(req.apiBase)(found(req.store.user(idParam(req)))) }),
};

const me: ApiRoute = {
  endpoint: 'users.me',
  handle: (req) => zendeskJson(200, { user: userJson(req.apiBase)(req.user) }),
};

const showMany: ApiRoute = {
  endpoint: 'users.show_many',
  handle: (req) => {
    const users = listParam(req.query, 'ids').flatMap((id) => {
      const user = /^\d+$/.test(id) ? req.store.user(Number(id)) : undefined;
      return user ? [user] : [];
    });
    return zendeskJson(200, {
      users: users.map(userJson(req.apiBase)),
      next_page: null,
      previous_page: null,
      count: users.length,
    });
  },
};

/**
 * `?query=` matches an email exactly (case-insensitive) or a name in part; `?external_id=`
 * matches exactly. Offset-paginated, as Zendesk's Search Users is.
 */
const search: ApiRoute = {
  endpoint: 'users.search',
  handle: (req) => {
    const query = req.query.get('query')?.trim().toLowerCase();
    const externalId = req.query.get('external_id');
    const users = req.store.users().filter((u) => {
      if (externalId !== null) return u.external_id === externalId;
      if (query === undefined || query === '') return false;
      return query.includes('@')
        ? u.email.toLowerCase() === query
        : u.name.toLowerCase().includes(query);
    });
    return zendeskJson(
      200,
      offsetPage(
        users,
        { ...req, path: 'users/search', action: 'users/search', key: 'users' },
        userJson(req.apiBase),
      ),
    );
  },
};

export function addUserRoutes(router: Router<ApiRoute>): void {
  router
    .add('GET', '/users', list)
    .add('GET', '/users/me', me)
    .add('GET', '/users/show_many', showMany)
    .add('GET', '/users/search', search)
    .add('GET', '/users/:id', show);
}
