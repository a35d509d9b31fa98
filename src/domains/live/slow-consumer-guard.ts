import { SlowConsumerError } from '../../live/pubsub/bounded-queue';
import { SLOW_CONSUMER_CLOSE, type ConnectionControl } from '../../live/live-change-feed';

/**
 * The one slow-consumer policy of a subscription: passes a pubsub iterator through, and when
 * its queue overflowed (`SlowConsumerError`) ends the stream and closes the whole connection
 * (4008): a client that cannot keep up with one stream is not reading the others either, and
 * a clear close code tells it why.
 */
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
