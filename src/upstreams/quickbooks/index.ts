import type { LinkedServiceConfig, QuickBooksSettings } from '../../config';
import { LinkedServiceError, notConfiguredError, type LinkedUpstreamDeps } from '../linked';
import type { OperationScope } from '../operation-scope';
import { createLoadersFor, type QuickBooksLoaders } from './loaders';
import { QuickBooksApi } from './qbo-client';

export type {
  QuickBooksAccountInvoices,
  QuickBooksAccountLink,
  QuickBooksLoaders,
} from './loaders';
export type { QuickBooksCustomer, QuickBooksInvoice } from './qbo-records';
export { QBO_MINOR_VERSION } from './qbo-client';
export { customersNamed, customersPage, invoicesPage, type QuickBooksPage } from './sync-reads';

/** The process's QuickBooks Online client, or why there is none. */
export interface QuickBooksUpstream {
  readonly service: 'quickbooks';
  /** The client; throws the `not-configured` LinkedServiceError when QuickBooks is off. */
  api(): QuickBooksApi;
}

export function createQuickBooksUpstream(
  config: LinkedServiceConfig<QuickBooksSettings>,
  deps: LinkedUpstreamDeps,
): QuickBooksUpstream {
  if (config.mode === 'off') {
    const error = notConfiguredError('quickbooks', config.missing);
    return {
      service: 'quickbooks',
      api: () => {
        throw error;
      },
    };
  }
  if (config.settings === undefined) {
    return {
      service: 'quickbooks',
      api: () => {
        throw new LinkedServiceError(
          'quickbooks',
          'not-configured',
          'QuickBooks Online is served by the built-in emulator here, but the emulator is not running (the demo bootstrap starts it; or set QUICKBOOKS_CLIENT_ID, QUICKBOOKS_CLIENT_SECRET, QUICKBOOKS_REALM_ID and QUICKBOOKS_REFRESH_TOKEN)',
        );
      },
    };
  }
  const api = new QuickBooksApi(
    config.settings,
    deps.resilience,
    config.resilience.timeoutMs,
    deps.logger,
    deps.secrets,
  );
  return { service: 'quickbooks', api: () => api };
}

/** One request's loaders; when QuickBooks is not configured each use throws why. */
export function createQuickBooksLoaders(
  upstream: QuickBooksUpstream,
  operation: OperationScope,
): QuickBooksLoaders {
  let loaders: QuickBooksLoaders | undefined;
  const get = (): QuickBooksLoaders => (loaders ??= createLoadersFor(upstream.api(), operation));
  return {
    realmId: () => get().realmId(),
    get invoicesByAccount() {
      return get().invoicesByAccount;
    },
    get invoiceById() {
      return get().invoiceById;
    },
  };
}
