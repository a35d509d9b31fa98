import type { LinkedServices } from '../../upstreams/linked';
import type { OperationScope } from '../../upstreams/operation-scope';
import type { SalesforceClient } from '../../upstreams/salesforce/client';
import { createRecordByFieldLoader } from '../../upstreams/salesforce/loaders';
import { normalizeId, SoqlInputError } from '../../upstreams/salesforce/soql';

/**
 * What the webhook receivers read to find an event's Account: as the integration user (a
 * webhook has no viewer; each subscriber's own access is checked on delivery).
 */
export interface LinkedChangeReadDeps {
  salesforce: SalesforceClient;
  linked: LinkedServices;
  operation: OperationScope;
}

/** An Account Id as a link may hold it, in its 18-character form; null for anything else. */
export function accountIdOf(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || !value.startsWith('001')) return null;
  try {
    return normalizeId(value.trim());
  } catch (err) {
    if (err instanceof SoqlInputError) return null;
    throw err;
  }
}

/** The Account whose `field` holds `value` (the oldest when several do), as the recordByField loader finds it. */
async function accountWhere(
  deps: LinkedChangeReadDeps,
  field: string,
  value: string,
): Promise<string | null> {
  const record = await createRecordByFieldLoader(deps.salesforce, 'Account', field, ['Id']).load(
    value,
  );
  return record ? accountIdOf(record.Id) : null;
}

/**
 * The Account of a Stripe customer (ARCHITECTURE.md "Linking the services"): the Account
 * whose link field holds the customer, else the Account Id in the customer's metadata.
 */
export async function accountOfStripeCustomer(
  deps: LinkedChangeReadDeps,
  customerId: string,
): Promise<string | null> {
  const linked = await accountWhere(deps, deps.linked.linkFields.stripeCustomer, customerId);
  if (linked) return linked;
  const customer = await deps.linked.upstreams.stripe.customer(customerId, deps.operation);
  return accountIdOf(customer?.accountId);
}

/** The Account of a Zendesk organization: its link field, else the organization's `external_id`. */
export async function accountOfZendeskOrganization(
  deps: LinkedChangeReadDeps,
  organizationId: number,
): Promise<string | null> {
  const linked = await accountWhere(
    deps,
    deps.linked.linkFields.zendeskOrganization,
    String(organizationId),
  );
  if (linked) return linked;
  const [organization] = await deps.linked.upstreams.zendesk.organizationsByIds(
    [organizationId],
    deps.operation,
  );
  return accountIdOf(organization?.external_id);
}

/** The Account of a QuickBooks customer: its link field, else the Account named exactly its DisplayName. */
export async function accountOfQuickBooksCustomer(
  deps: LinkedChangeReadDeps,
  customerId: string,
  displayName: string | null,
): Promise<string | null> {
  const linked = await accountWhere(deps, deps.linked.linkFields.quickBooksCustomer, customerId);
  if (linked || displayName === null) return linked;
  return accountWhere(deps, 'Name', displayName);
}
