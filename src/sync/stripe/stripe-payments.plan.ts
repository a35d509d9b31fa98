import type { OperationScope } from '../../upstreams/operation-scope';
import type { StripePaymentRecord, StripeUpstream } from '../../upstreams/stripe';
import type { SyncPage, SyncPlan } from '../sync-engine';
import { readScopeKey, scopeKey, type SyncScope } from '../sync-scope';
import {
  STRIPE_PAYMENT_EXTERNAL_ID,
  STRIPE_PAYMENT_OBJECT,
  stripePaymentRow,
} from './stripe-payment.mapping';

/** Where a run stands in its customers' lists: which customer, and after which intent. */
interface StripeCursor {
  /** Index into the plan's sorted customer ids; absent when the whole account is listed. */
  customer?: number;
  after: string | null;
}

function parseCursor(cursor: string | null): StripeCursor {
  if (cursor === null) return { customer: 0, after: null };
  const parsed = JSON.parse(cursor) as StripeCursor;
  return { ...parsed, after: parsed.after ?? null };
}

/** Customers reached by the Account link: the link field's, else every metadata match. */
async function customersOf(
  stripe: StripeUpstream,
  scope: SyncScope & { kind: 'account' },
  operation: OperationScope,
): Promise<string[]> {
  const { account } = scope;
  if (account.linkId !== null) return [account.linkId];
  const found = await stripe.customersByAccountIds([account.accountId], operation);
  return [...new Set(found.filter((c) => c.accountId === account.accountId).map((c) => c.id))];
}

/**
 * Every customer of the Stripe account mapped to the Account it links to among `scope`'s: an
 * Account's link field wins; an Account without one takes the customers whose metadata names
 * it (the loaders' rule, ARCHITECTURE.md "Linking the services"). Reads the customer list once.
 */
async function accountByCustomer(
  stripe: StripeUpstream,
  scope: SyncScope & { kind: 'all' },
  operation: OperationScope,
): Promise<Map<string, string>> {
  const byCustomer = new Map<string, string>();
  const unlinked = new Set<string>();
  for (const account of scope.accounts) {
    if (account.linkId !== null) byCustomer.set(account.linkId, account.accountId);
    else unlinked.add(account.accountId);
  }
  if (unlinked.size === 0) return byCustomer;
  let after: string | null = null;
  do {
    const page = await stripe.customersPage(after, operation);
    for (const customer of page.records) {
      if (customer.accountId !== null && unlinked.has(customer.accountId)) {
        byCustomer.set(customer.id, customer.accountId);
      }
    }
    after = page.next;
  } while (after !== null);
  return byCustomer;
}

/**
 * Stripe PaymentIntents → `Stripe_Payment__c`. One Account: its customers' lists, one after
 * the other. Every Account: the whole account's list, each payment kept when its customer
 * links to an Account of the scope (others are skipped). Lists are newest first with a
 * `starting_after` cursor, which stays valid while new payments arrive.
 */
export async function stripePaymentsPlan(
  stripe: StripeUpstream,
  scope: SyncScope,
  since: Date | null,
  operation: OperationScope,
): Promise<SyncPlan<StripePaymentRecord>> {
  const createdGte = since === null ? null : Math.floor(since.getTime() / 1000);
  const base = {
    service: 'stripe' as const,
    scope: scopeKey(scope),
    readScope: readScopeKey(scope, since),
    object: STRIPE_PAYMENT_OBJECT,
    externalIdField: STRIPE_PAYMENT_EXTERNAL_ID,
  };
  if (scope.kind === 'account') {
    const customers = (await customersOf(stripe, scope, operation)).sort();
    const accountId = scope.account.accountId;
    return {
      ...base,
      async readPage(cursor): Promise<SyncPage<StripePaymentRecord>> {
        const at = parseCursor(cursor);
        const index = at.customer ?? 0;
        const customerId = customers[index];
        if (customerId === undefined) return { records: [], next: null };
        const page = await stripe.paymentsPage(
          { customerId, createdGte, startingAfter: at.after },
          operation,
        );
        const next: StripeCursor | null =
          page.next !== null
            ? { customer: index, after: page.next }
            : index + 1 < customers.length
              ? { customer: index + 1, after: null }
              : null;
        return { records: page.records, next: next === null ? null : JSON.stringify(next) };
      },
      toRow: (payment) => stripePaymentRow(payment, accountId),
    };
  }
  const accounts = await accountByCustomer(stripe, scope, operation);
  return {
    ...base,
    async readPage(cursor) {
      const page = await stripe.paymentsPage(
        { customerId: null, createdGte, startingAfter: parseCursor(cursor).after },
        operation,
      );
      return {
        records: page.records,
        next: page.next === null ? null : JSON.stringify({ after: page.next }),
      };
    },
    toRow(payment) {
      const accountId = payment.customerId === null ? undefined : accounts.get(payment.customerId);
      return accountId === undefined ? null : stripePaymentRow(payment, accountId);
    },
  };
}
