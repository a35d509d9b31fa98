import { malformedSearch } from '../../sosl/search-expression';
import { executeSosl } from '../../sosl';
import { jsonReply } from '../http-io';
import type { ApiRoute } from './api-route';

/** `GET /search?q=<sosl>` → `{searchRecords: [...]}` in relevance order (see executeSosl). */
export const searchRoute: ApiRoute = {
  endpoint: 'search',
  handle: (call) => {
    const sosl = call.query.get('q');
    if (sosl === null || sosl.trim() === '') {
      throw malformedSearch('No search term found. The search term must be enclosed in braces.');
    }
    const searchRecords = executeSosl(call.ctx.store, sosl, {
      user: call.user,
      includeDeleted: false,
      now: call.ctx.options.clock(),
      apiVersion: call.apiVersion,
    });
    return jsonReply(200, { searchRecords });
  },
};
