/** Thrown to a consumer whose queue overflowed; the server closes its socket with it. */
export class SlowConsumerError extends Error {
  readonly code = 'SLOW_CONSUMER';
  constructor(readonly maxQueue: number) {
    super(`Subscriber fell more than ${maxQueue} events behind and was dropped`);
    this.name = 'SlowConsumerError';
  }
}

export interface BoundedQueueOptions {
  maxQueue: number;
  /** Called once when the queue ends (consumer return, overflow or failure): unsubscribe here. */
  onEnd: () => void;
}

/**
 * An async iterator fed by pushes. Memory is bounded: when the consumer is `maxQueue` events
 * behind, the queue drops everything it holds and the next `next()` rejects with
 * `SlowConsumerError`, instead of buffering without limit. Not a `@repeaterjs/repeater`: its
 * buffers either hold the pusher back (one slow subscriber would stall the fan-out to all)
 * or drop events silently, where a slow consumer must be told and its memory freed at once.
 */
export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly waiting: Array<{
    resolve: (result: IteratorResult<T>) => void;
    reject: (error: unknown) => void;
  }> = [];
  private failure: Error | undefined;
  private done = false;

  constructor(private readonly options: BoundedQueueOptions) {}

  /** False once the queue has ended (the caller can stop feeding it). */
  push(value: T): boolean {
    if (this.done) return false;
    const waiter = this.waiting.shift();
    if (waiter) {
      waiter.resolve({ value, done: false });
      return true;
    }
    if (this.items.length >= this.options.maxQueue) {
      this.fail(new SlowConsumerError(this.options.maxQueue));
      return false;
    }
    this.items.push(value);
    return true;
  }

  /** Ends the queue with an error the consumer sees on its next `next()`. */
  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.items.length = 0;
    this.end();
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }

  get length(): number {
    return this.items.length;
  }

  get ended(): boolean {
    return this.done;
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.items.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.failure) {
      const error = this.failure;
      // Reported once; afterwards the iterator is simply finished.
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.failure = undefined;
    this.end();
    for (const waiter of this.waiting.splice(0)) waiter.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.fail(error instanceof Error ? error : new Error(String(error)));
    return this.next();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.options.onEnd();
  }
}
