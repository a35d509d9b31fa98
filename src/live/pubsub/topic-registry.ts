import type { Listener } from './pubsub';

/** Local listeners by topic name; both pubsubs deliver through one of these. */
export class TopicRegistry {
  private readonly listeners = new Map<string, Set<Listener<unknown>>>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** True when this is the topic's first listener (Redis must SUBSCRIBE). */
  add(topicName: string, listener: Listener<unknown>): boolean {
    let set = this.listeners.get(topicName);
    const first = !set;
    if (!set) {
      set = new Set();
      this.listeners.set(topicName, set);
    }
    set.add(listener);
    return first;
  }

  /** True when the topic has no listener left (Redis may UNSUBSCRIBE). */
  remove(topicName: string, listener: Listener<unknown>): boolean {
    const set = this.listeners.get(topicName);
    if (!set) return false;
    set.delete(listener);
    if (set.size > 0) return false;
    this.listeners.delete(topicName);
    return true;
  }

  has(topicName: string): boolean {
    return this.listeners.has(topicName);
  }

  deliver(topicName: string, payload: unknown): void {
    const set = this.listeners.get(topicName);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(payload, topicName);
      } catch (error) {
        // One failing subscriber must not starve the others of the event.
        this.onListenerError(error);
      }
    }
  }

  /** Topics with at least one listener. */
  topicNames(): string[] {
    return [...this.listeners.keys()];
  }

  get topicCount(): number {
    return this.listeners.size;
  }

  listenerCount(topicName?: string): number {
    if (topicName !== undefined) return this.listeners.get(topicName)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }
}
