/**
 * The dashboard's GraphQL operations, defined once on the server: the page reads them from
 * /dashboard/config.json, and TRUSTED_DOCUMENTS=allow-list lists them beside the manifest's
 * (the page sends their exact text), so the dashboard works in every mode.
 */

/** Accounts the health panel ranks: the 200 cap on `first`, one page. */
export const DASHBOARD_ACCOUNTS_READ = 200;

const PIPELINE_FIELDS =
  'amount count weightedAmount asOf stages { stageName count amount weightedAmount }';

export interface DashboardOperations {
  queries: {
    pipeline: string;
    performance: string;
    conversion: string;
    health: string;
  };
  subscriptions: {
    pipeline: string;
    records: string;
    payments: string;
    tickets: string;
    invoices: string;
  };
}

export const DASHBOARD_OPERATIONS: DashboardOperations = {
  queries: {
    // The stage picklist gives the funnel order (the report lists stages by name); describe
    // is cached per viewer, so after the first load it costs no Salesforce call.
    pipeline: `query DashboardPipeline { pipeline { ${PIPELINE_FIELDS} } picklists(object: OPPORTUNITY, fields: ["stageName"]) { values { value } } }`,
    performance:
      'query DashboardWinRate { salesPerformance(groupBy: OWNER) { rows { key label wonCount lostCount winRate } total { wonCount lostCount winRate } } }',
    conversion:
      'query DashboardLeadConversion { leadConversion(groupBy: LEAD_SOURCE) { rows { key leads converted conversionRate } total { leads converted conversionRate } } }',
    health: `query DashboardAccountHealth { accounts(first: ${DASHBOARD_ACCOUNTS_READ}, orderBy: [{ field: NAME }]) { totalCount nodes { id name customer360 { health openTicketCount urgentTicketCount overdueInvoiceCount openPipelineAmount unavailableServices } } } }`,
  },
  subscriptions: {
    pipeline: `subscription DashboardPipelineChanged { pipelineChanged { ${PIPELINE_FIELDS} } }`,
    records:
      'subscription DashboardRecordChanged { recordChanged(types: [OPPORTUNITY, LEAD, ACCOUNT]) { type changeType } }',
    payments: 'subscription DashboardPaymentReceived { paymentReceived { id } }',
    tickets: 'subscription DashboardTicketChanged { ticketChanged { id } }',
    invoices: 'subscription DashboardInvoiceChanged { invoiceChanged { id } }',
  },
};

/** Every document the page sends, for the allow-list. */
export function dashboardOperationDocuments(): string[] {
  return [
    ...Object.values(DASHBOARD_OPERATIONS.queries),
    ...Object.values(DASHBOARD_OPERATIONS.subscriptions),
  ];
}
