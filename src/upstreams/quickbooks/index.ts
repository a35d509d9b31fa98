// PLACEHOLDER (lead): the QuickBooks helper replaces this file with the real client and loaders.
import type { LinkedServiceConfig, QuickBooksSettings } from '../../config';
import type { LinkedUpstreamDeps } from '../linked';
import type { OperationScope } from '../operation-scope';

export interface QuickBooksUpstream {
  readonly service: 'quickbooks';
}

export function createQuickBooksUpstream(
  _config: LinkedServiceConfig<QuickBooksSettings>,
  _deps: LinkedUpstreamDeps,
): QuickBooksUpstream {
  return { service: 'quickbooks' };
}

export type QuickBooksLoaders = Record<string, never>;

export function createQuickBooksLoaders(
  _upstream: QuickBooksUpstream,
  _operation: OperationScope,
): QuickBooksLoaders {
  return {};
}
