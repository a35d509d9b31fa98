import type { FaultState } from './http/fault-state';
import type { CompanyData } from './model/entities';
import type { ResolvedQuickBooksOptions } from './emulator-options';
import type { TokenStore } from './oauth/token-store';

/** Everything a request handler may touch; one per running emulator. */
export interface QuickBooksContext {
  readonly options: ResolvedQuickBooksOptions;
  readonly tokens: TokenStore;
  readonly faults: FaultState;
  /** The company as served now; `reset()` rebuilds it from the seed. */
  data(): CompanyData;
  reset(): void;
}
