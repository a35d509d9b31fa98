import type { BayeuxMessage, EngineHost, FayeEngine } from './faye-adapter';

interface ClientState {
  channels: Set<string>;
  queue: BayeuxMessage[];
  expiry: NodeJS.Timeout | undefined;
}

/**
 * An in-memory faye engine (the same contract as faye's own memory engine) that can also
 * queue messages for one client: replayed history goes to the subscriber that asked for it,
 * in the same tick as its subscription, so no live event slips between the two.
 */
export class CometdEngine implements FayeEngine {
  private host: EngineHost | undefined;
  private readonly clientStates = new Map<string, ClientState>();
  private readonly subscribers = new Map<string, Set<string>>();
  private readonly subscribeHooks: Array<(clientId: string, channel: string) => void> = [];

  /** For `NodeAdapter({ engine: { type } })`: faye's proxy creates the engine through this. */
  readonly factory = {
    create: (host: EngineHost): FayeEngine => {
      this.host = host;
      return this;
    },
  };

  /** Runs right after a client subscribes, before anything else can be published. */
  onSubscribe(hook: (clientId: string, channel: string) => void): void {
    this.subscribeHooks.push(hook);
  }

  clientIds(): string[] {
    return [...this.clientStates.keys()];
  }

  createClient(callback: (clientId: string) => void, context?: unknown): void {
    const clientId = this.requireHost().generateId();
    this.clientStates.set(clientId, { channels: new Set(), queue: [], expiry: undefined });
    this.ping(clientId);
    this.requireHost().trigger('handshake', clientId);
    callback.call(context, clientId);
  }

  clientExists(clientId: string, callback: (exists: boolean) => void, context?: unknown): void {
    callback.call(context, this.clientStates.has(clientId));
  }

  destroyClient(clientId: string, callback?: () => void, context?: unknown): void {
    const state = this.clientStates.get(clientId);
    if (!state) return;
    for (const channel of [...state.channels]) this.unsubscribe(clientId, channel);
    if (state.expiry) clearTimeout(state.expiry);
    this.clientStates.delete(clientId);
    const host = this.requireHost();
    host.trigger('disconnect', clientId);
    // faye's proxy answers the client's pending long-poll on 'close'.
    host.trigger('close', clientId);
    callback?.call(context);
  }

  /** Ends every held long-poll; the clients stay, and what follows queues until they reconnect. */
  detachConnections(): void {
    const host = this.host;
    if (!host) return;
    // faye's proxy flushes and forgets a client's connection on 'close' (engines/proxy.js).
    for (const clientId of this.clientStates.keys()) {
      if (host.hasConnection(clientId)) host.trigger('close', clientId);
    }
  }

  ping(clientId: string): void {
    const state = this.clientStates.get(clientId);
    const timeout = this.host?.timeout;
    if (!state || typeof timeout !== 'number') return;
    if (state.expiry) clearTimeout(state.expiry);
    state.expiry = setTimeout(() => this.destroyClient(clientId), 2 * timeout * 1000);
    state.expiry.unref();
  }

  subscribe(
    clientId: string,
    channel: string,
    callback?: (ok: boolean) => void,
    context?: unknown,
  ): void {
    const state = this.clientStates.get(clientId);
    if (state) {
      state.channels.add(channel);
      const members = this.subscribers.get(channel) ?? new Set<string>();
      members.add(clientId);
      this.subscribers.set(channel, members);
      this.requireHost().trigger('subscribe', clientId, channel);
      for (const hook of this.subscribeHooks) hook(clientId, channel);
    }
    callback?.call(context, state !== undefined);
  }

  unsubscribe(
    clientId: string,
    channel: string,
    callback?: (ok: boolean) => void,
    context?: unknown,
  ): void {
    const removed = this.clientStates.get(clientId)?.channels.delete(channel) ?? false;
    const members = this.subscribers.get(channel);
    members?.delete(clientId);
    if (members?.size === 0) this.subscribers.delete(channel);
    if (removed) this.requireHost().trigger('unsubscribe', clientId, channel);
    callback?.call(context, true);
  }

  publish(message: BayeuxMessage, channels: string[]): void {
    const targets = new Set<string>();
    for (const channel of channels) {
      for (const clientId of this.subscribers.get(channel) ?? []) targets.add(clientId);
    }
    for (const clientId of targets) this.enqueue(clientId, [message]);
  }

  /** Queues messages for one client and hands them over if it has a long-poll waiting. */
  enqueue(clientId: string, messages: BayeuxMessage[]): void {
    const state = this.clientStates.get(clientId);
    if (!state || messages.length === 0) return;
    // faye's connection strips `clientId` from what it delivers: give each client its own copy.
    for (const message of messages) state.queue.push(structuredClone(message));
    this.emptyQueue(clientId);
  }

  emptyQueue(clientId: string): void {
    const state = this.clientStates.get(clientId);
    const host = this.host;
    if (!state || !host || !host.hasConnection(clientId) || state.queue.length === 0) return;
    const messages = state.queue;
    state.queue = [];
    host.deliver(clientId, messages);
  }

  disconnect(): void {
    for (const state of this.clientStates.values()) {
      if (state.expiry) clearTimeout(state.expiry);
    }
    this.clientStates.clear();
    this.subscribers.clear();
  }

  private requireHost(): EngineHost {
    if (!this.host) throw new Error('CometdEngine is not attached to a faye server');
    return this.host;
  }
}
