import type { LinkedUpstreams } from '../upstreams/linked';
import type { OperationScope } from '../upstreams/operation-scope';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { quickBooksInvoicesPlan } from './quickbooks/quickbooks-invoices.plan';
import { stripePaymentsPlan } from './stripe/stripe-payments.plan';
import { zendeskTicketsPlan } from './zendesk/zendesk-tickets.plan';
import { runSync, type SyncOutcome, type SyncPlan, type SyncService } from './sync-engine';
import type { SyncScope } from './sync-scope';
import type { SyncServices } from './sync-services';

export interface ServiceSyncRequest {
  service: SyncService;
  scope: SyncScope;
  since: Date | null;
  /** Acts as the viewer: Salesforce applies its sharing and validation to every row. */
  salesforce: SalesforceClient;
  linked: LinkedUpstreams;
  /** The sync's own scope: the request's signal, no rows budget (a sync reads everything). */
  operation: OperationScope;
}

async function planFor(request: ServiceSyncRequest): Promise<SyncPlan<unknown>> {
  const { service, scope, since, linked, operation } = request;
  switch (service) {
    case 'stripe':
      return (await stripePaymentsPlan(
        linked.stripe,
        scope,
        since,
        operation,
      )) as SyncPlan<unknown>;
    case 'zendesk':
      return (await zendeskTicketsPlan(
        linked.zendesk,
        scope,
        since,
        operation,
      )) as SyncPlan<unknown>;
    case 'quickbooks':
      return (await quickBooksInvoicesPlan(
        linked.quickbooks,
        scope,
        since,
        operation,
      )) as SyncPlan<unknown>;
  }
}

/** Builds the service's plan and runs it; every upsert goes through the viewer's client. */
export async function runServiceSync(
  services: SyncServices,
  request: ServiceSyncRequest,
): Promise<SyncOutcome> {
  const plan = await planFor(request);
  return runSync(plan, {
    state: services.state,
    lockTtlMs: services.lockTtlMs,
    signal: request.operation.signal,
    upsert: (object, field, rows) =>
      request.salesforce.upsert(
        object,
        field,
        rows.map((r) => r.fields),
        { allOrNone: false },
      ),
  });
}
