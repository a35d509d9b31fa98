import type { NonEmptyArray } from 'type-graphql';
import { analyticsResolvers } from './analytics';
import { crmResolvers } from './crm';
import { linkedResolvers } from './linked';
import { subscriptionResolvers } from './live';
import { syncResolvers } from './sync';
import { ApiUsageResolver } from './system/api-usage.resolver';
import { RefreshCacheResolver } from './system/refresh-cache.resolver';

/** Every resolver class of the schema; each domain adds its own entries. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const domainResolvers: NonEmptyArray<Function> = [
  ApiUsageResolver,
  RefreshCacheResolver,
  ...crmResolvers,
  ...linkedResolvers,
  ...analyticsResolvers,
  ...subscriptionResolvers,
  ...syncResolvers,
];
