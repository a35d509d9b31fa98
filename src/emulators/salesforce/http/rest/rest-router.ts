import { Router } from '../../../http-kit/router';
import type { ApiRoute } from './api-route';
import {
  createManyRoute,
  deleteManyRoute,
  retrieveManyRoute,
  updateManyRoute,
  upsertManyRoute,
} from './composite.routes';
import { limitsRoute, resourcesRoute } from './org.routes';
import { queryAllRoute, queryMoreRoute, queryRoute } from './query.routes';
import { searchRoute } from './search.routes';
import {
  createRoute,
  deleteRoute,
  describeGlobalRoute,
  describeRoute,
  retrieveByExternalIdRoute,
  retrieveRoute,
  sobjectBasicInfoRoute,
  updateRoute,
  upsertRoute,
} from './sobject.routes';

/** REST routes relative to `/services/data/vNN.N`. Literal segments first (see Router). */
export function createRestRouter(): Router<ApiRoute> {
  return new Router<ApiRoute>()
    .add('GET', '/', resourcesRoute)
    .add('GET', '/limits', limitsRoute)
    .add('GET', '/query', queryRoute)
    .add('GET', '/queryAll', queryAllRoute)
    .add('GET', '/query/:locator', queryMoreRoute)
    .add('GET', '/queryAll/:locator', queryMoreRoute)
    .add('GET', '/search', searchRoute)
    .add('GET', '/sobjects', describeGlobalRoute)
    .add('GET', '/sobjects/:type/describe', describeRoute)
    .add('GET', '/sobjects/:type', sobjectBasicInfoRoute)
    .add('POST', '/sobjects/:type', createRoute)
    .add('GET', '/sobjects/:type/:id', retrieveRoute)
    .add('PATCH', '/sobjects/:type/:id', updateRoute)
    .add('DELETE', '/sobjects/:type/:id', deleteRoute)
    .add('GET', '/sobjects/:type/:field/:value', retrieveByExternalIdRoute)
    .add('PATCH', '/sobjects/:type/:field/:value', upsertRoute)
    .add('POST', '/composite/sobjects', createManyRoute)
    .add('PATCH', '/composite/sobjects', updateManyRoute)
    .add('DELETE', '/composite/sobjects', deleteManyRoute)
    .add('POST', '/composite/sobjects/:type', retrieveManyRoute)
    .add('PATCH', '/composite/sobjects/:type/:field', upsertManyRoute);
}
