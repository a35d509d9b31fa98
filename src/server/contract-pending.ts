/**
 * Parts of docs/contract.graphql (our copy of ../shared/design/contract.graphql) that later
 * issues deliver. `schema:check` forgives a breaking change only when its subject (the type
 * or `Type.field` a findBreakingChanges description starts with) is listed here, prints each
 * as "pending", and fails on entries that no longer match anything, so this list can only
 * shrink.
 */
export interface PendingContractPart {
  /** A type name (covers its fields) or `Type.field`. */
  coordinate: string;
  deliveredBy: string;
}

const analytics = 'analytics reports over Opportunity and Lead';
const sync = 'sync mutations into Salesforce by external id';
const webhooks = 'subscriptions fed by Stripe, Zendesk and QuickBooks webhooks';

export const PENDING_CONTRACT_PARTS: readonly PendingContractPart[] = [
  // Analytics
  { coordinate: 'PerformanceGrouping', deliveredBy: analytics },
  { coordinate: 'PerformanceRow', deliveredBy: analytics },
  { coordinate: 'PerformanceReport', deliveredBy: analytics },
  { coordinate: 'LeadGrouping', deliveredBy: analytics },
  { coordinate: 'LeadConversionRow', deliveredBy: analytics },
  { coordinate: 'LeadConversionReport', deliveredBy: analytics },
  { coordinate: 'Query.salesPerformance', deliveredBy: analytics },
  { coordinate: 'Query.leadConversion', deliveredBy: analytics },
  // Sync and cache
  { coordinate: 'SyncResult', deliveredBy: sync },
  { coordinate: 'Mutation.syncStripePayments', deliveredBy: sync },
  { coordinate: 'Mutation.syncZendeskTickets', deliveredBy: sync },
  { coordinate: 'Mutation.syncQuickBooksInvoices', deliveredBy: sync },
  // Subscriptions fed by the linked services' webhooks
  { coordinate: 'Subscription.paymentReceived', deliveredBy: webhooks },
  { coordinate: 'Subscription.ticketChanged', deliveredBy: webhooks },
  { coordinate: 'Subscription.invoiceChanged', deliveredBy: webhooks },
];
