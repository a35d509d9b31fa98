import { jsonReply } from '../http-io';
import type { ApiRoute } from './api-route';

const RESOURCES = [
  'tooling',
  'metadata',
  'eclair',
  'folders',
  'prechatForms',
  'chatter',
  'tabs',
  'appMenu',
  'quickActions',
  'queryAll',
  'commerce',
  'wave',
  'analytics',
  'search',
  'identity',
  'composite',
  'parameterizedSearch',
  'theme',
  'nouns',
  'recent',
  'process',
  'query',
  'match',
  'compactLayouts',
  'knowledgeManagement',
  'sobjects',
  'actions',
  'support',
  'limits',
];

/** GET /services/data/vNN.N: the resource directory, `identity` included (jsforce reads it). */
export const resourcesRoute: ApiRoute = {
  endpoint: 'resources',
  handle: (call) => {
    const base = `/services/data/v${call.apiVersion}`;
    const directory: Record<string, string> = {};
    for (const name of RESOURCES) directory[name] = `${base}/${name}`;
    directory['identity'] = `${call.ctx.baseUrl()}/id/${call.ctx.store.orgId}/${call.user.Id}`;
    return jsonReply(200, directory);
  },
};

/** GET /limits: the daily API allowance is live, the others are Developer Edition defaults. */
export const limitsRoute: ApiRoute = {
  endpoint: 'limits',
  handle: (call) => {
    const { used, max } = call.ctx.usage.limit();
    const full = (n: number) => ({ Max: n, Remaining: n });
    return jsonReply(200, {
      ConcurrentAsyncGetReportInstances: full(200),
      ConcurrentSyncReportRuns: full(20),
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
      DailyAsyncApexExecutions: full(250000),
      DailyBulkApiBatches: full(15000),
      DailyBulkV2QueryFileStorageMB: full(976562),
      DailyBulkV2QueryJobs: full(10000),
      DailyDurableStreamingApiEvents: full(10000),
      DailyStreamingApiEvents: full(10000),
      DataStorageMB: full(5),
      FileStorageMB: full(20),
      HourlyPublishedPlatformEvents: full(50000),
      MonthlyPlatformEventsUsageEntitlement: full(10000),
      SingleEmail: full(15),
    });
  },
};
