/**
 * Metric labels for Salesforce HTTP calls: the kind of call, never an id, a locator, a
 * SOQL text or an object's field value, so a label has a few dozen values whatever the org.
 */

/** Where REST calls live: `/services/data/v59.0/<rest>` (the version is not a label). */
const REST = /^\/services\/data\/v\d+\.\d+(\/.*)?$/;

function restEndpoint(method: string, rest: string): string {
  const segments = rest.split('/').filter((s) => s.length > 0);
  const [first, second, third, fourth] = segments;
  switch (first) {
    case undefined:
      return 'resources';
    case 'limits':
      return 'limits';
    case 'query':
      return segments.length === 1 ? 'query' : 'query_more';
    case 'queryAll':
      return segments.length === 1 ? 'query_all' : 'query_more';
    case 'sobjects':
      if (second === undefined) return 'describe_global';
      if (third === 'describe') return 'describe';
      if (third === undefined) return method === 'POST' ? 'sobject_create' : 'sobject_info';
      if (fourth !== undefined) {
        return method === 'GET' ? 'sobject_retrieve_by_external_id' : 'sobject_upsert';
      }
      if (method === 'PATCH') return 'sobject_update';
      if (method === 'DELETE') return 'sobject_delete';
      return 'sobject_retrieve';
    case 'composite':
      if (second === 'sobjects') {
        if (third !== undefined)
          return method === 'POST' ? 'composite_retrieve' : 'composite_upsert';
        if (method === 'POST') return 'composite_create';
        if (method === 'PATCH') return 'composite_update';
        if (method === 'DELETE') return 'composite_delete';
      }
      return 'composite';
    default:
      return 'rest_other';
  }
}

/** `GET https://…/services/data/v59.0/sobjects/Account/001…` → `sobject_retrieve`. */
export function salesforceEndpoint(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'other';
  }
  const verb = method.toUpperCase();
  const rest = REST.exec(path);
  if (rest) return restEndpoint(verb, rest[1] ?? '');
  if (path === '/services/data' || path === '/services/data/') return 'versions';
  if (path.startsWith('/services/oauth2/')) {
    const action = path.slice('/services/oauth2/'.length).replace(/\/+$/, '');
    return ['token', 'revoke', 'userinfo', 'introspect'].includes(action)
      ? `oauth_${action}`
      : 'oauth_other';
  }
  if (path.startsWith('/services/Soap/')) return 'soap';
  if (path.startsWith('/id/')) return 'identity';
  if (path.startsWith('/cometd/')) return 'cometd';
  return 'other';
}

/** `Sforce-Limit-Info: api-usage=18/15000` → `{ used: 18, max: 15000 }`. */
export function parseApiUsage(
  header: string | undefined,
): { used: number; max: number } | undefined {
  if (header === undefined) return undefined;
  // Not the per-app-api-usage entry Salesforce may add for connected apps with their own cap.
  const match = /(?:^|[\s,;])api-usage=(\d+)\/(\d+)/.exec(header);
  if (!match) return undefined;
  return { used: Number(match[1]), max: Number(match[2]) };
}
