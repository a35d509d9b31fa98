import type { ApiUsageInfo, SalesforceClient } from '../client';

/** Daily API requests used and allowed, read fresh from `/limits` (itself one API call). */
export function readApiUsage(client: SalesforceClient): Promise<ApiUsageInfo> {
  return client.apiUsage();
}
