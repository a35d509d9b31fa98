import type { GraphQLSchema } from 'graphql';
import { UpstreamUnavailableError } from '../../errors';
import { renewForEvent, type GatewayContext } from '../../context/gateway-context';
import type { NormalizedChange } from '../../live/normalized-change';
import { idKey } from '../../upstreams/salesforce/soql';
import { ENTITY_NAMES } from '../../upstreams/salesforce/cdc/entity-names';
import { readRecordsByIds } from '../../upstreams/salesforce/operations';
import type { LiveChangeFeed } from '../../live/live-change-feed';
import type { AccountIdLookup } from './subscriber-stream';
import { createSubscriberAccess } from './subscriber-access';

export function requireLive(ctx: GatewayContext): LiveChangeFeed {
  if (!ctx.live) {
    throw new UpstreamUnavailableError(
      'Live changes are not available: subscribe over graphql-ws, with Change Data Capture configured (an integration credential)',
    );
  }
  return ctx.live;
}

/**
 * Each delivered event is a new execution: its reads must not come from the last one's memo,
 * and it gets its own rows budget (QUERY_MAX_ROWS per event).
 */
export function freshLoaders(ctx: GatewayContext): void {
  renewForEvent(ctx);
}

export function subscriberAccessOf(ctx: GatewayContext, schema: GraphQLSchema) {
  return createSubscriberAccess({
    viewerKey: ctx.viewer.cacheScope,
    salesforce: ctx.salesforceForChecks,
    schema,
  });
}

/** `AccountId` of a change's records as the subscriber reads them, once per viewer and event. */
export function accountIdLookup(ctx: GatewayContext, live: LiveChangeFeed): AccountIdLookup {
  return (change: NormalizedChange) =>
    live.shared(`account-ids\u0000${ctx.viewer.cacheScope}\u0000${change.replayId}`, async () => {
      const includeDeleted = change.changeType === 'DELETE';
      const accounts = new Map<string, string | null>();
      const rows = await readRecordsByIds(
        ctx.salesforceForChecks,
        ENTITY_NAMES[change.type],
        ['Id', 'AccountId'],
        change.recordIds,
        { includeDeleted },
      );
      for (const row of rows) {
        const accountId = row.AccountId;
        accounts.set(idKey(row.Id), typeof accountId === 'string' ? accountId : null);
      }
      return accounts;
    });
}
