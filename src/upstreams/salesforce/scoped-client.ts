import { runInOperationScope, type OperationScope } from '../operation-scope';
import type { SalesforceClient } from './client';

/**
 * `client` acting for one operation: each of its calls runs inside `scope`, so the client
 * checks the abort signal and rows budget before every HTTP call it makes (pages, queryMore
 * batches, retries), counts the records read, and sends the operation's request id.
 */
export function scopeSalesforceClient(
  client: SalesforceClient,
  scope: OperationScope,
): SalesforceClient {
  const within =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      runInOperationScope(scope, () => method.apply(client, args));
  return {
    query: (soql) => runInOperationScope(scope, () => client.query(soql)),
    queryMore: (url) => runInOperationScope(scope, () => client.queryMore(url)),
    queryAll: (soql, options) => runInOperationScope(scope, () => client.queryAll(soql, options)),
    search: (sosl) => runInOperationScope(scope, () => client.search(sosl)),
    retrieve: within(client.retrieve),
    create: within(client.create),
    update: within(client.update),
    upsert: within(client.upsert),
    destroy: within(client.destroy),
    convertLead: within(client.convertLead),
    apiUsage: within(client.apiUsage),
    identity: within(client.identity),
    ...(client.describeFields ? { describeFields: within(client.describeFields) } : {}),
  };
}
