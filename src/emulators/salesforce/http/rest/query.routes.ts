import { SalesforceError } from '../../model/errors';
import { executeSoql } from '../../soql';
import { jsonReply } from '../http-io';
import type { ApiCall, ApiRoute } from './api-route';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;

/** `Sforce-Query-Options: batchSize=N` (200..2000; Salesforce treats it as a hint). */
function batchSize(call: ApiCall): number {
  const header = call.headers['sforce-query-options'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /batchSize\s*=\s*(\d+)/i.exec(value) : null;
  if (!match) return DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(match[1])));
}

function runQuery(call: ApiCall, includeDeleted: boolean) {
  const soql = call.query.get('q');
  if (soql === null || soql.trim() === '') {
    throw new SalesforceError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  }
  const result = executeSoql(call.ctx.store, soql, {
    user: call.user,
    includeDeleted,
    now: call.ctx.options.clock(),
    apiVersion: call.apiVersion,
  });
  return jsonReply(
    200,
    call.ctx.locators.firstPage(result, call.user.Id, batchSize(call), call.apiVersion),
  );
}

export const queryRoute: ApiRoute = { endpoint: 'query', handle: (call) => runQuery(call, false) };

export const queryAllRoute: ApiRoute = {
  endpoint: 'queryAll',
  handle: (call) => runQuery(call, true),
};

export const queryMoreRoute: ApiRoute = {
  endpoint: 'queryMore',
  handle: (call) => {
    const page = call.ctx.locators.nextPage(
      call.params['locator'] ?? '',
      call.user.Id,
      call.apiVersion,
    );
    if (!page) throw new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return jsonReply(200, page);
  },
};
