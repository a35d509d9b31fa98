import type { GatewayContext } from '../../context/gateway-context';
import type { LinkedServiceName } from '../../upstreams/linked';
import type { SalesforceRecord } from '../../upstreams/salesforce/soql';
import { originOf } from '../crm/common/record-mapper';
import { withGraphQLErrors } from '../crm/common/graphql-errors';

/** How one Account is found in each linked service (ARCHITECTURE.md "Linking the services"). */
export interface AccountLinks {
  accountId: string;
  /** QuickBooks fallback: a customer whose DisplayName is exactly this. */
  name: string | null;
  /** The link fields' values; null means "use the service's fallback". */
  stripeCustomerId: string | null;
  zendeskOrganizationId: string | null;
  quickBooksCustomerId: string | null;
}

/** A link value as text; Number-typed custom fields hold ids too. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The Account's link values. They come with the Account's own SOQL when a linked field was
 * selected (the selection adds the configured link fields); an Account read without them
 * (a parent past SOQL's depth, a subscription payload) loads them through the per-request
 * loader, so a page of such accounts still costs one batched call.
 */
export async function accountLinks(
  ctx: GatewayContext,
  account: { id: string },
  /** The service asking: only its link (and, for QuickBooks, the Name) must be present. */
  service?: LinkedServiceName,
): Promise<AccountLinks> {
  const fields = ctx.linkFields;
  let record: SalesforceRecord = originOf(account).record;
  const needed = [
    'Name',
    fields.stripeCustomer,
    fields.zendeskOrganization,
    fields.quickBooksCustomer,
  ];
  const required =
    service === 'stripe'
      ? [fields.stripeCustomer]
      : service === 'zendesk'
        ? [fields.zendeskOrganization]
        : service === 'quickbooks'
          ? [fields.quickBooksCustomer, 'Name']
          : needed;
  if (required.some((field) => !(field in record))) {
    const loaded = await withGraphQLErrors(() =>
      ctx.loaders.salesforce.recordById('Account', ['Id', ...needed]).load(account.id),
    );
    record = loaded ?? record;
  }
  return {
    accountId: account.id,
    name: text(record.Name),
    stripeCustomerId: text(record[fields.stripeCustomer]),
    zendeskOrganizationId: text(record[fields.zendeskOrganization]),
    quickBooksCustomerId: text(record[fields.quickBooksCustomer]),
  };
}

/** A Contact's Zendesk requester key: its email, lower-cased (Zendesk matches emails so). */
export async function contactEmail(
  ctx: GatewayContext,
  contact: { id: string },
): Promise<string | null> {
  let record: SalesforceRecord = originOf(contact).record;
  if (!('Email' in record)) {
    const loaded = await withGraphQLErrors(() =>
      ctx.loaders.salesforce.recordById('Contact', ['Id', 'Email']).load(contact.id),
    );
    record = loaded ?? record;
  }
  return text(record.Email)?.toLowerCase() ?? null;
}
