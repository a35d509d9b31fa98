import type { GatewayContext } from '../../context/gateway-context';
import { BadUserInputError, ForbiddenError } from '../../errors';
import type { SyncAccount, SyncScope, SyncService } from '../../sync';
import { buildByIdsQuery, type SalesforceRecord } from '../../upstreams/salesforce/soql';
import { parseIdArgument } from '../crm/common/ids';

const ACCOUNT_KEY_PREFIX = '001';

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The Account field that links an Account to `service` (configurable, like the loaders'). */
function linkFieldOf(ctx: GatewayContext, service: SyncService): string {
  const fields = ctx.linkFields;
  return service === 'stripe'
    ? fields.stripeCustomer
    : service === 'zendesk'
      ? fields.zendeskOrganization
      : fields.quickBooksCustomer;
}

const toAccount = (record: SalesforceRecord, linkField: string): SyncAccount => ({
  accountId: String(record.Id),
  linkId: text(record[linkField]),
  name: text(record.Name),
});

/** `accountId` as an Account Id (BAD_USER_INPUT when malformed or of another object). */
export function parseAccountIdArgument(accountId: string): string {
  const id = parseIdArgument(accountId, 'accountId');
  if (!id.startsWith(ACCOUNT_KEY_PREFIX)) {
    throw new BadUserInputError(`accountId ${JSON.stringify(accountId)} is not an Account Id`, {
      argument: 'accountId',
    });
  }
  return id;
}

/** `since` must not lie in the future: nothing could match it. */
export function parseSinceArgument(since: Date | null | undefined, now: Date): Date | null {
  if (since === null || since === undefined) return null;
  if (since.getTime() > now.getTime()) {
    throw new BadUserInputError(`since ${since.toISOString()} is in the future`, {
      argument: 'since',
    });
  }
  return since;
}

/**
 * The Accounts a run may write, read once as the viewer (Salesforce applies its sharing):
 * the one named, or every Account the viewer can see. An Account the viewer cannot see is
 * FORBIDDEN before anything is read from the service or written.
 */
export async function resolveSyncScope(
  ctx: GatewayContext,
  service: SyncService,
  accountId: string | null,
): Promise<SyncScope> {
  const linkField = linkFieldOf(ctx, service);
  const fields = ['Id', 'Name', linkField];
  if (accountId !== null) {
    const page = await ctx.salesforce.query(
      buildByIdsQuery({ object: 'Account', fields, ids: [accountId] }),
    );
    const record = page.records[0];
    if (record === undefined) {
      throw new ForbiddenError(
        `Account ${accountId} does not exist or you may not edit it; nothing was synced`,
        { argument: 'accountId' },
      );
    }
    return { kind: 'account', account: toAccount(record, linkField) };
  }
  // The link field name comes from config (validated as an API name), never from the client.
  const records = await ctx.salesforce.queryAll(`SELECT ${fields.join(', ')} FROM Account`);
  return {
    kind: 'all',
    viewer: ctx.viewer.cacheScope,
    accounts: records.map((r) => toAccount(r, linkField)),
  };
}
