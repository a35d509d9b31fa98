import { registerEnumType } from 'type-graphql';

/** Derived by `healthOf` (customer360-rollup.ts); README "Customer360" states the rule. */
export enum AccountHealth {
  HEALTHY = 'HEALTHY',
  WATCH = 'WATCH',
  AT_RISK = 'AT_RISK',
}

registerEnumType(AccountHealth, {
  name: 'AccountHealth',
  description:
    'AT_RISK: an overdue invoice or an open URGENT ticket. WATCH: otherwise, an open ticket or an open invoice due within 7 days. HEALTHY: neither. Computed from the services that answered (see `unavailableServices`).',
  valuesConfig: {
    HEALTHY: { description: 'No open tickets, no overdue invoice, none due within 7 days.' },
    WATCH: { description: 'Open tickets, or an open invoice due within the next 7 days.' },
    AT_RISK: { description: 'At least one overdue invoice or one open urgent ticket.' },
  },
});

/** The services a Customer360 rolls up besides Salesforce. */
export enum LinkedService {
  STRIPE = 'STRIPE',
  ZENDESK = 'ZENDESK',
  QUICKBOOKS = 'QUICKBOOKS',
}

registerEnumType(LinkedService, {
  name: 'LinkedService',
  description: 'A service linked to Salesforce Accounts.',
  valuesConfig: {
    STRIPE: { description: 'Stripe: payments.' },
    ZENDESK: { description: 'Zendesk Support: tickets.' },
    QUICKBOOKS: { description: 'QuickBooks Online: invoices.' },
  },
});
