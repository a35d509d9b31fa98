import type { FaultState } from './http/fault-state';
import type { CompanyData } from './model/entities';
import type { ResolvedQuickBooksOptions } from './emulator-options';
import type { TokenStore } from './oauth/token-store';
import type { WebhookSender } from '../http-kit/webhook-sender';
import type { SeededRandom } from '../seed';
import type { QuickBooksEvents } from './webhooks/quickbooks-events';

/** Everything a request handler may touch; one per running emulator. */
export interface QuickBooksContext {
  readonly options: ResolvedQuickBooksOptions;
  readonly tokens: TokenStore;
  readonly faults: FaultState;
  /** The company as served now; `reset()` rebuilds it from the seed. */
  data(): CompanyData;
  reset(): void;
  /** Outgoing webhooks: the sender and the data change notifications the writes publish. */
  readonly webhooks: WebhookSender;
  readonly events: QuickBooksEvents;
  /** Picks the trigger's customers and amounts. */
  readonly triggerRandom: SeededRandom;
  /** The Salesforce-linked customers (by Id or DisplayName), the trigger's default pool. */
  readonly linkedCustomerIds: readonly string[];
}
