import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Bayeux message as faye's server passes it through extensions. */
export interface BayeuxMessage {
  channel: string;
  clientId?: string;
  id?: string;
  subscription?: string | string[];
  connectionType?: string;
  supportedConnectionTypes?: string[];
  data?: unknown;
  error?: string;
  successful?: boolean;
  advice?: Record<string, unknown>;
  ext?: Record<string, unknown>;
}

export type MessageCallback = (message: BayeuxMessage) => void;

/**
 * A faye server extension. faye hands the HTTP request (null for its in-process client) only
 * to functions declaring three parameters, so implementations must keep all three.
 */
export interface ServerExtension {
  incoming?(
    message: BayeuxMessage,
    request: IncomingMessage | null,
    callback: MessageCallback,
  ): void;
  outgoing?(
    message: BayeuxMessage,
    request: IncomingMessage | null,
    callback: MessageCallback,
  ): void;
}

/** What faye's engine proxy offers the engine it hosts (`faye/src/engines/proxy.js`). */
export interface EngineHost {
  /** Seconds a long-poll is held; clients silent for twice this are dropped. */
  readonly timeout: number;
  trigger(event: string, ...args: unknown[]): void;
  hasConnection(clientId: string): boolean;
  deliver(clientId: string, messages: BayeuxMessage[]): boolean;
  generateId(): string;
}

/** The engine contract faye's proxy calls (the one `faye-redis` also implements). */
export interface FayeEngine {
  createClient(callback: (clientId: string) => void, context?: unknown): void;
  clientExists(clientId: string, callback: (exists: boolean) => void, context?: unknown): void;
  destroyClient(clientId: string, callback?: () => void, context?: unknown): void;
  ping(clientId: string): void;
  subscribe(
    clientId: string,
    channel: string,
    callback?: (ok: boolean) => void,
    context?: unknown,
  ): void;
  unsubscribe(
    clientId: string,
    channel: string,
    callback?: (ok: boolean) => void,
    context?: unknown,
  ): void;
  publish(message: BayeuxMessage, channels: string[]): void;
  emptyQueue(clientId: string): void;
  disconnect(): void;
}

export interface NodeAdapterOptions {
  mount: string;
  timeout: number;
  engine: { type: { create(host: EngineHost, options: unknown): FayeEngine } };
}

export interface FayeNodeAdapter {
  handle(request: IncomingMessage, response: ServerResponse): void;
  addExtension(extension: ServerExtension): void;
  close(): void;
}

type NodeAdapterClass = new (options: NodeAdapterOptions) => FayeNodeAdapter;

/**
 * faye's server side is untyped (jsforce only declares the client), so the adapter is loaded
 * at runtime and checked for the one constructor used.
 */
export function createNodeAdapter(options: NodeAdapterOptions): FayeNodeAdapter {
  const load = createRequire(__filename);
  const faye: unknown = load('faye');
  const ctor =
    typeof faye === 'object' && faye !== null
      ? (faye as { NodeAdapter?: unknown }).NodeAdapter
      : undefined;
  if (typeof ctor !== 'function') throw new Error('faye does not export NodeAdapter');
  return new (ctor as NodeAdapterClass)(options);
}
