import DataLoader from 'dataloader';
import type { OperationScope } from '../operation-scope';
import type { StripeUpstream } from './stripe-client';
import type { StripeCustomerRecord, StripePaymentRecord } from './stripe-records';

/** An Account as Stripe links it: its link field's customer id, else its Id in metadata. */
export interface StripeAccountKey {
  accountId: string;
  /** The Account's link field (`Stripe_Customer_Id__c`); null: use the metadata fallback. */
  customerId: string | null;
}

/** One request's Stripe loaders (ctx.linked.stripe). */
export interface StripeLoaders {
  /**
   * All payments of each Account, newest first. A page of accounts costs one customer search
   * per 10 accounts without a link field (none when all have one) and one PaymentIntent
   * search per 10 customers, each set issued in parallel.
   */
  paymentsByAccount: DataLoader<StripeAccountKey, StripePaymentRecord[], string>;
  paymentIntent: DataLoader<string, StripePaymentRecord | null>;
  customer: DataLoader<string, StripeCustomerRecord | null>;
}

const newestFirst = (a: StripePaymentRecord, b: StripePaymentRecord): number =>
  b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Which customers each account reaches: its linked customer, or every metadata match. */
async function customersOfAccounts(
  upstream: StripeUpstream,
  keys: readonly StripeAccountKey[],
  operation: OperationScope,
): Promise<Map<string, string[]>> {
  const unlinked = keys.filter((key) => key.customerId === null).map((key) => key.accountId);
  const byAccount = new Map<string, string[]>();
  if (unlinked.length > 0) {
    for (const customer of await upstream.customersByAccountIds(unlinked, operation)) {
      if (customer.accountId === null) continue;
      const list = byAccount.get(customer.accountId) ?? [];
      list.push(customer.id);
      byAccount.set(customer.accountId, list);
    }
  }
  return byAccount;
}

async function loadPaymentsByAccount(
  upstream: StripeUpstream,
  keys: readonly StripeAccountKey[],
  operation: OperationScope,
): Promise<StripePaymentRecord[][]> {
  const byMetadata = await customersOfAccounts(upstream, keys, operation);
  const customersOf = (key: StripeAccountKey): string[] =>
    key.customerId !== null ? [key.customerId] : (byMetadata.get(key.accountId) ?? []);
  const customerIds = keys.flatMap(customersOf);
  const byCustomer = new Map<string, StripePaymentRecord[]>();
  if (customerIds.length > 0) {
    for (const payment of await upstream.paymentsOfCustomers(customerIds, operation)) {
      if (payment.customerId === null) continue;
      const list = byCustomer.get(payment.customerId) ?? [];
      list.push(payment);
      byCustomer.set(payment.customerId, list);
    }
  }
  return keys.map((key) =>
    [...new Set(customersOf(key))].flatMap((id) => byCustomer.get(id) ?? []).sort(newestFirst),
  );
}

/** One result per id; a failed call fails its own key only. */
async function eachSettled<T>(
  ids: readonly string[],
  load: (id: string) => Promise<T>,
): Promise<Array<T | Error>> {
  const settled = await Promise.allSettled(ids.map(load));
  return settled.map((result) =>
    result.status === 'fulfilled'
      ? result.value
      : result.reason instanceof Error
        ? result.reason
        : new Error(String(result.reason)),
  );
}

export function createStripeLoaders(
  upstream: StripeUpstream,
  operation: OperationScope,
): StripeLoaders {
  return {
    paymentsByAccount: new DataLoader(
      (keys: readonly StripeAccountKey[]) => loadPaymentsByAccount(upstream, keys, operation),
      { cacheKeyFn: (key) => `${key.accountId}\u0000${key.customerId ?? ''}` },
    ),
    // Stripe has no batch retrieve: one call per id, in parallel, each id once per request.
    paymentIntent: new DataLoader((ids: readonly string[]) =>
      eachSettled(ids, (id) => upstream.paymentIntent(id, operation)),
    ),
    customer: new DataLoader((ids: readonly string[]) =>
      eachSettled(ids, (id) => upstream.customer(id, operation)),
    ),
  };
}
