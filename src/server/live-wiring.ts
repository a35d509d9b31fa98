import { createLiveChanges, type LiveChanges, type LiveChangesOptions } from '../live/live-changes';
import type { Logger } from '../logging/logger';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { createSalesforceChangeSource } from '../upstreams/salesforce/cdc/salesforce-change-source';
import type { SalesforceSession } from '../upstreams/salesforce/connection';

export interface SalesforceLiveDeps {
  /** The integration (CDC) user's session: the one upstream subscription is theirs. */
  session: SalesforceSession;
  /** The same user's client: GAP re-reads. */
  client: SalesforceClient;
  redisUrl: string | undefined;
  logger: Logger;
  options?: LiveChangesOptions;
}

/**
 * Plugs the org's Change Data Capture source into the live-changes core: the one place that
 * knows both. A new upstream's change source (webhooks) is plugged in here too.
 */
export function startSalesforceLiveChanges(deps: SalesforceLiveDeps): Promise<LiveChanges> {
  return createLiveChanges({
    source: createSalesforceChangeSource(deps.session, deps.client),
    redisUrl: deps.redisUrl,
    logger: deps.logger,
    ...(deps.options ? { options: deps.options } : {}),
  });
}
