// PLACEHOLDER (lead): the Zendesk helper replaces this file with the real client and loaders.
import type { LinkedServiceConfig, ZendeskSettings } from '../../config';
import type { LinkedUpstreamDeps } from '../linked';
import type { OperationScope } from '../operation-scope';

export interface ZendeskUpstream {
  readonly service: 'zendesk';
}

export function createZendeskUpstream(
  _config: LinkedServiceConfig<ZendeskSettings>,
  _deps: LinkedUpstreamDeps,
): ZendeskUpstream {
  return { service: 'zendesk' };
}

export type ZendeskLoaders = Record<string, never>;

export function createZendeskLoaders(
  _upstream: ZendeskUpstream,
  _operation: OperationScope,
): ZendeskLoaders {
  return {};
}
