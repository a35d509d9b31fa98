import type { Listener, Unsubscribe } from './pubsub';
import type { Admission } from './change-admission';
import { RegistryPubSub } from './registry-pubsub';
import type { Topic } from '../topics';

export interface MemoryPubSubOptions {
  onError?: (error: unknown) => void;
  /** Checked once per published payload, before it reaches any listener. */
  admit?: Admission;
}

/** Single-instance fan-out. Payloads go through JSON like Redis, so both behave alike. */
export class MemoryPubSub extends RegistryPubSub {
  private readonly admit: Admission | undefined;

  constructor(options: MemoryPubSubOptions = {}) {
    super(options.onError);
    this.admit = options.admit;
  }

  async publish<T>(topic: Topic<T>, payload: T): Promise<void> {
    if (!this.registry.has(topic.name)) return;
    const copy = JSON.parse(JSON.stringify(payload)) as unknown;
    if (this.admit && !this.admit(topic.name, copy)) return;
    this.registry.deliver(topic.name, copy);
  }

  async subscribe<T>(
    topics: Topic<T> | readonly Topic<T>[],
    listener: Listener<T>,
  ): Promise<Unsubscribe> {
    const { names, wrapped } = RegistryPubSub.untyped(topics, listener);
    for (const name of names) this.registry.add(name, wrapped);
    return async () => {
      for (const name of names) this.registry.remove(name, wrapped);
    };
  }

  async close(): Promise<void> {}
}
