import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logging/logger';

/** The client that asked for an operation went away (HTTP disconnect, graphql-ws `complete`). */
export class OperationAbortedError extends Error {
  constructor() {
    super('The operation was abandoned by its client; no further upstream call is made');
    this.name = 'OperationAbortedError';
  }
}

/** One operation read more upstream records than its budget allows. */
export class RowBudgetExceededError extends Error {
  constructor(
    readonly maxRows: number,
    readonly rowsRead: number,
  ) {
    super(
      `The operation needs more than ${maxRows} records from upstream services (the rows budget per operation); narrow it with smaller pages or fewer nested connections`,
    );
    this.name = 'RowBudgetExceededError';
  }
}

export interface OperationScopeOptions {
  requestId: string;
  /** Aborted when the client disconnects; absent for work no client waits on. */
  signal?: AbortSignal;
  /** Records the operation may read from upstreams (pages, child rows, by-id batches). */
  maxRows: number;
  /** Carries the request id; every upstream-call log line of the operation goes here. */
  logger?: Logger;
}

const NEVER_ABORTED = new AbortController().signal;

/**
 * What every upstream call of one GraphQL operation shares: its request id, the client's
 * abort signal and the rows budget. Upstream clients ask `assertCanCall()` before each call
 * (page, queryMore batch, retry) and report the records each call returned.
 */
export class OperationScope {
  readonly requestId: string;
  readonly signal: AbortSignal;
  readonly maxRows: number;
  readonly logger: Logger | undefined;
  /**
   * The GraphQL operation type once known (HTTP: set after parsing). A mutation's reads are
   * part of its write, so the API budget lets them use the reserve.
   */
  operationType: 'query' | 'mutation' | 'subscription' | undefined;
  private rows = 0;
  private exceeded: RowBudgetExceededError | undefined;

  constructor(options: OperationScopeOptions) {
    this.requestId = options.requestId;
    this.signal = options.signal ?? NEVER_ABORTED;
    this.maxRows = options.maxRows;
    this.logger = options.logger;
  }

  get rowsRead(): number {
    return this.rows;
  }

  /** Throws when no upstream call may start: the client went away, or the budget is spent. */
  assertCanCall(): void {
    if (this.signal.aborted) throw new OperationAbortedError();
    if (this.exceeded) throw this.exceeded;
  }

  /** Counts records read; throws (and stops every later call) once past the budget. */
  countRows(count: number): void {
    this.rows += count;
    if (this.rows > this.maxRows) {
      this.exceeded ??= new RowBudgetExceededError(this.maxRows, this.rows);
      throw this.exceeded;
    }
  }

  /** A subscription's next delivered event: a fresh budget, the same signal and request id. */
  startEvent(): void {
    this.rows = 0;
    this.exceeded = undefined;
  }
}

const storage = new AsyncLocalStorage<OperationScope>();

/**
 * Runs one client call inside `scope`, so the client's internals (retries, paging, the HTTP
 * transport) see the operation's signal, budget and request id without every signature
 * carrying them.
 */
export function runInOperationScope<T>(scope: OperationScope, call: () => Promise<T>): Promise<T> {
  return storage.run(scope, call);
}

/** The scope of the client call running now; undefined for work outside any operation. */
export function currentOperationScope(): OperationScope | undefined {
  return storage.getStore();
}
