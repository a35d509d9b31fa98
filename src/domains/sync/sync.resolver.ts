import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context/gateway-context';
import { ConflictError, InternalServerError, toGraphQLError } from '../../errors';
import {
  runServiceSync,
  SyncConflictError,
  SyncLeaseLostError,
  type SyncOutcome,
  type SyncService,
} from '../../sync';
import { OperationScope } from '../../upstreams/operation-scope';
import { DateTimeScalar } from '../shared/scalars';
import { parseAccountIdArgument, parseSinceArgument, resolveSyncScope } from './sync-scope';
import { SyncResult } from './sync-result.type';

const RULES =
  'Idempotent (a second run reports only unchanged), batched (200 records per Salesforce call), resumable (a killed run continues from its last committed batch); one run per service and scope at a time (CONFLICT otherwise). Without accountId: every linked record whose Account you can see.';

const ACCOUNT_ID_ARG =
  'Only this Account’s linked records: not an Account Id is BAD_USER_INPUT, an Account the viewer cannot see FORBIDDEN (nothing synced). Null or absent: every Account the viewer can see.';

const SINCE_ARG =
  'Only records created at or after this instant; null or absent: all of them. In the future: BAD_USER_INPUT.';

function toResult(outcome: SyncOutcome): SyncResult {
  return Object.assign(new SyncResult(), {
    source: outcome.service,
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    failed: outcome.failed,
    errors: outcome.errors,
    syncedAt: outcome.syncedAt,
  });
}

async function sync(
  ctx: GatewayContext,
  service: SyncService,
  accountId: string | null | undefined,
  since: Date | null | undefined,
): Promise<SyncResult> {
  try {
    const account =
      accountId === null || accountId === undefined ? null : parseAccountIdArgument(accountId);
    const from = parseSinceArgument(since, new Date());
    if (!ctx.sync) throw new InternalServerError('The sync state store is not configured');
    const scope = await resolveSyncScope(ctx, service, account);
    // Its own scope: a sync reads every page it needs (no rows budget), still stopping when
    // the client goes away (at a batch boundary; the next run resumes there).
    const operation = new OperationScope({
      requestId: ctx.requestId,
      signal: ctx.operation.signal,
      maxRows: Number.POSITIVE_INFINITY,
      ...(ctx.operation.logger ? { logger: ctx.operation.logger } : {}),
    });
    const outcome = await runServiceSync(ctx.sync, {
      service,
      scope,
      since: from,
      salesforce: ctx.salesforce,
      linked: ctx.linkedServices.upstreams,
      operation,
    });
    ctx.operation.logger?.info(
      { service, scope: scope.kind, skipped: outcome.skipped, resumed: outcome.resumed },
      'sync finished',
    );
    return toResult(outcome);
  } catch (err) {
    if (err instanceof SyncConflictError || err instanceof SyncLeaseLostError) {
      throw new ConflictError(err.message, { service });
    }
    throw toGraphQLError(err);
  }
}

@Resolver()
export class SyncResolver {
  @Mutation(() => SyncResult, {
    description: `Copies the Stripe PaymentIntents of the Account (or of every Account) into Stripe_Payment__c by Stripe_Payment_Id__c. ${RULES}`,
  })
  syncStripePayments(
    @Arg('accountId', () => ID, { nullable: true, description: ACCOUNT_ID_ARG })
    accountId: string | null | undefined,
    @Arg('since', () => DateTimeScalar, { nullable: true, description: SINCE_ARG })
    since: Date | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<SyncResult> {
    return sync(ctx, 'stripe', accountId, since);
  }

  @Mutation(() => SyncResult, {
    description: `Copies the Zendesk tickets of the Account's organizations (or of every Account) into Case by Zendesk_Ticket_Id__c (Status and Priority mapped to the Case picklists). ${RULES}`,
  })
  syncZendeskTickets(
    @Arg('accountId', () => ID, { nullable: true, description: ACCOUNT_ID_ARG })
    accountId: string | null | undefined,
    @Arg('since', () => DateTimeScalar, { nullable: true, description: SINCE_ARG })
    since: Date | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<SyncResult> {
    return sync(ctx, 'zendesk', accountId, since);
  }

  @Mutation(() => SyncResult, {
    description: `Copies the QuickBooks invoices of the Account's customer (or of every Account) into QuickBooks_Invoice__c by QuickBooks_Invoice_Id__c (\`<realm id>:<invoice Id>\`). ${RULES}`,
  })
  syncQuickBooksInvoices(
    @Arg('accountId', () => ID, { nullable: true, description: ACCOUNT_ID_ARG })
    accountId: string | null | undefined,
    @Arg('since', () => DateTimeScalar, { nullable: true, description: SINCE_ARG })
    since: Date | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<SyncResult> {
    return sync(ctx, 'quickbooks', accountId, since);
  }
}
