import type { LinkedServiceConfig, ZendeskSettings } from '../../config';
import type { LinkedUpstreamDeps } from '../linked';
import { ZendeskUpstream } from './zendesk-upstream';

export { ZendeskUpstream, type ZendeskListPage } from './zendesk-upstream';
export { createZendeskLoaders, type ZendeskLoaders } from './zendesk-loaders';
export type {
  AccountTicketsKey,
  ZendeskOrganizationRecord,
  ZendeskTicketRecord,
  ZendeskUserRecord,
} from './zendesk-records';
export { isZendeskId } from './search-query';

/** The process's Zendesk client (per-request loaders wrap it); fails its calls when unconfigured. */
export function createZendeskUpstream(
  config: LinkedServiceConfig<ZendeskSettings>,
  deps: LinkedUpstreamDeps,
): ZendeskUpstream {
  return new ZendeskUpstream(config, deps);
}
