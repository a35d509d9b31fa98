import { AsyncLocalStorage } from 'node:async_hooks';
import Stripe from 'stripe';
import type { LinkedServiceConfig, StripeSettings } from '../../config';
import {
  LINKED_SERVICE_LABELS,
  LinkedServiceError,
  linkedCall,
  notConfiguredError,
  type LinkedUpstreamDeps,
} from '../linked';
import type { OperationScope } from '../operation-scope';
import { isResourceMissing, normaliseStripeError } from './stripe-failure';
import {
  toCustomerRecord,
  toPaymentRecord,
  type StripeCustomerRecord,
  type StripePaymentRecord,
} from './stripe-records';
import { fieldClause, metadataClause, orQueries } from './stripe-search';

/** Stripe's largest page (lists and search). */
const PAGE_SIZE = 100;

/** One page of a Stripe list, in Stripe's order (newest first). */
export interface StripeListPage<T> {
  records: T[];
  /** The id to pass as `startingAfter` for the next page; null on the last page. */
  next: string | null;
}

/** Which PaymentIntents a sync reads: one customer's, or the whole Stripe account's. */
export interface StripePaymentsPageQuery {
  customerId: string | null;
  /** Unix seconds: only intents created at or after it. */
  createdGte: number | null;
  startingAfter: string | null;
}

/** The process's Stripe client: each method is one batched read, every call through linkedCall. */
export interface StripeUpstream {
  readonly service: 'stripe';
  /**
   * Customers whose `metadata[accountMetadataKey]` is one of `accountIds` (the fallback link):
   * one search per 10 accounts, run in parallel.
   */
  customersByAccountIds(
    accountIds: readonly string[],
    operation: OperationScope,
  ): Promise<StripeCustomerRecord[]>;
  /** Every PaymentIntent of these customers: one search per 10 customers, run in parallel. */
  paymentsOfCustomers(
    customerIds: readonly string[],
    operation: OperationScope,
  ): Promise<StripePaymentRecord[]>;
  /**
   * One list page (100) of PaymentIntents with their latest charge, newest first: the sync's
   * read. A list (not search) because its `starting_after` cursor is stable while new
   * payments arrive, so a sync resumes where it stopped.
   */
  paymentsPage(
    query: StripePaymentsPageQuery,
    operation: OperationScope,
  ): Promise<StripeListPage<StripePaymentRecord>>;
  /** One list page (100) of customers, newest first, with their metadata link. */
  customersPage(
    startingAfter: string | null,
    operation: OperationScope,
  ): Promise<StripeListPage<StripeCustomerRecord>>;
  /** One PaymentIntent; null when Stripe does not know it. */
  paymentIntent(id: string, operation: OperationScope): Promise<StripePaymentRecord | null>;
  /** One customer; null when Stripe does not know it or it was deleted. */
  customer(id: string, operation: OperationScope): Promise<StripeCustomerRecord | null>;
}

/**
 * The signal of the attempt running now: stripe-node takes no per-request signal, so its
 * fetch reads it here and a timed-out or abandoned attempt really closes its request.
 */
const attemptSignal = new AsyncLocalStorage<AbortSignal>();

const fetchWithAttemptSignal: typeof fetch = (input, init) => {
  const signal = attemptSignal.getStore();
  if (!signal) return fetch(input, init);
  const own = init?.signal;
  return fetch(input, { ...init, signal: own ? AbortSignal.any([own, signal]) : signal });
};

function stripeClient(settings: StripeSettings, timeoutMs: number): Stripe {
  const url = new URL(settings.apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(settings.apiKey, {
    host: url.hostname,
    ...(url.port !== '' ? { port: Number(url.port) } : {}),
    protocol,
    // linkedCall owns retries (breaker, Retry-After); stripe-node's would multiply them.
    maxNetworkRetries: 0,
    // A backstop: linkedCall's timeout aborts the attempt through its signal first.
    timeout: timeoutMs,
    telemetry: false,
    httpClient: Stripe.createFetchHttpClient(fetchWithAttemptSignal),
  });
}

function unconfigured(config: LinkedServiceConfig<StripeSettings>): LinkedServiceError {
  if (config.mode === 'emulator') {
    return new LinkedServiceError(
      'stripe',
      'not-configured',
      `${LINKED_SERVICE_LABELS.stripe} is in emulator mode but its emulator is not running (the demo starts it; or set STRIPE_API_KEY for the real service)`,
    );
  }
  const missing = config.mode === 'off' ? config.missing : [];
  return missing.length > 0
    ? notConfiguredError('stripe', missing)
    : new LinkedServiceError(
        'stripe',
        'not-configured',
        `${LINKED_SERVICE_LABELS.stripe} is not configured for this gateway`,
      );
}

export function createStripeUpstream(
  config: LinkedServiceConfig<StripeSettings>,
  deps: LinkedUpstreamDeps,
): StripeUpstream {
  const settings = config.mode === 'off' ? undefined : config.settings;
  const client =
    settings && config.mode !== 'off'
      ? stripeClient(settings, config.resilience.timeoutMs)
      : undefined;

  /** One HTTP call: checked against the operation, behind the resilience, errors normalised. */
  function call<T>(
    operation: OperationScope,
    endpoint: string,
    run: (stripe: Stripe) => Promise<T>,
  ): Promise<T> {
    if (!client || !settings) return Promise.reject(unconfigured(config));
    return linkedCall(
      deps.resilience,
      'stripe',
      async (signal) => {
        operation.assertCanCall();
        const started = Date.now();
        try {
          return await attemptSignal.run(signal, () => run(client));
        } catch (err) {
          throw normaliseStripeError(err);
        } finally {
          operation.logger?.debug(
            { service: 'stripe', endpoint, ms: Date.now() - started },
            'stripe call',
          );
        }
      },
      { idempotent: true, signal: operation.signal },
    );
  }

  /** Every page of one search, following `next_page`; each page counts against the rows budget. */
  async function searchAll<T>(
    operation: OperationScope,
    endpoint: string,
    page: (stripe: Stripe, next: string | undefined) => Promise<Stripe.ApiSearchResult<T>>,
  ): Promise<T[]> {
    const rows: T[] = [];
    let next: string | undefined;
    do {
      const result = await call(operation, endpoint, (stripe) => page(stripe, next));
      operation.countRows(result.data.length);
      rows.push(...result.data);
      next = result.has_more && result.next_page ? result.next_page : undefined;
    } while (next !== undefined);
    return rows;
  }

  /** One object by id; null when Stripe answers `resource_missing`. */
  async function retrieve<T>(
    operation: OperationScope,
    endpoint: string,
    run: (stripe: Stripe) => Promise<T>,
  ): Promise<T | null> {
    const found = await call(operation, endpoint, (stripe) =>
      run(stripe).catch((err: unknown) => {
        if (isResourceMissing(err)) return null;
        throw err;
      }),
    );
    if (found !== null) operation.countRows(1);
    return found;
  }

  const metadataKey = settings?.accountMetadataKey ?? 'salesforce_account_id';

  return {
    service: 'stripe',

    async customersByAccountIds(accountIds, operation) {
      const queries = orQueries(accountIds, (id) => metadataClause(metadataKey, id));
      const pages = await Promise.all(
        queries.map((query) =>
          searchAll(operation, 'customers.search', (stripe, page) =>
            stripe.customers.search({ query, limit: PAGE_SIZE, ...(page ? { page } : {}) }),
          ),
        ),
      );
      return pages.flat().map((customer) => toCustomerRecord(customer, metadataKey));
    },

    async paymentsOfCustomers(customerIds, operation) {
      const queries = orQueries(customerIds, (id) => fieldClause('customer', id));
      const pages = await Promise.all(
        queries.map((query) =>
          searchAll(operation, 'payment_intents.search', (stripe, page) =>
            stripe.paymentIntents.search({
              query,
              limit: PAGE_SIZE,
              // The latest charge says whether the payment was refunded and has the receipt.
              expand: ['data.latest_charge'],
              ...(page ? { page } : {}),
            }),
          ),
        ),
      );
      return pages.flat().map(toPaymentRecord);
    },

    async paymentsPage(query, operation) {
      const list = await call(operation, 'payment_intents.list', (stripe) =>
        stripe.paymentIntents.list({
          limit: PAGE_SIZE,
          expand: ['data.latest_charge'],
          ...(query.customerId !== null ? { customer: query.customerId } : {}),
          ...(query.createdGte !== null ? { created: { gte: query.createdGte } } : {}),
          ...(query.startingAfter !== null ? { starting_after: query.startingAfter } : {}),
        }),
      );
      operation.countRows(list.data.length);
      const last = list.data.at(-1);
      return {
        records: list.data.map(toPaymentRecord),
        next: list.has_more && last ? last.id : null,
      };
    },

    async customersPage(startingAfter, operation) {
      const list = await call(operation, 'customers.list', (stripe) =>
        stripe.customers.list({
          limit: PAGE_SIZE,
          ...(startingAfter !== null ? { starting_after: startingAfter } : {}),
        }),
      );
      operation.countRows(list.data.length);
      const last = list.data.at(-1);
      return {
        records: list.data.map((customer) => toCustomerRecord(customer, metadataKey)),
        next: list.has_more && last ? last.id : null,
      };
    },

    async paymentIntent(id, operation) {
      const intent = await retrieve(operation, 'payment_intents.retrieve', (stripe) =>
        stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] }),
      );
      return intent ? toPaymentRecord(intent) : null;
    },

    async customer(id, operation) {
      const customer = await retrieve(operation, 'customers.retrieve', (stripe) =>
        stripe.customers.retrieve(id),
      );
      return customer && !customer.deleted ? toCustomerRecord(customer, metadataKey) : null;
    },
  };
}
