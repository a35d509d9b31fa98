// PLACEHOLDER (lead): the Stripe helper replaces this file with the real client and loaders.
import type { LinkedServiceConfig, StripeSettings } from '../../config';
import type { LinkedUpstreamDeps } from '../linked';
import type { OperationScope } from '../operation-scope';

export interface StripeUpstream {
  readonly service: 'stripe';
}

export function createStripeUpstream(
  _config: LinkedServiceConfig<StripeSettings>,
  _deps: LinkedUpstreamDeps,
): StripeUpstream {
  return { service: 'stripe' };
}

export type StripeLoaders = Record<string, never>;

export function createStripeLoaders(
  _upstream: StripeUpstream,
  _operation: OperationScope,
): StripeLoaders {
  return {};
}
