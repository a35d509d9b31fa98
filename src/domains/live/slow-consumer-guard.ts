import { SlowConsumerError } from '../../live/pubsub/bounded-queue';
import { SLOW_CONSUMER_CLOSE, type ConnectionControl } from '../../live/live-change-feed';

/** Passes a pubsub iterator through; on overflow closes the connection instead of erroring one operation. */
export class SlowConsumerGuard<T> implements AsyncIterableIterator<T> {
  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly connection: ConnectionControl | undefined,
  ) {}

  async next(): Promise<IteratorResult<T>> {
    try {
      return await this.source.next();
    } catch (error) {
      if (!(error instanceof SlowConsumerError)) throw error;
      this.connection?.close(SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
      return { value: undefined, done: true };
    }
  }

  async return(): Promise<IteratorResult<T>> {
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
