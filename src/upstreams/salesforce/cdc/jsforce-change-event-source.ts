import { StreamingExtension } from 'jsforce/api/streaming';
import type { ChangeSubscription, ReplayFrom } from '../../../live/change-source';
import { isRecord } from '../../../lib/is-record';
import { backoffDelay, type BackoffOptions } from './backoff';
import {
  parseChangeEventMessage,
  type RawChangeEventHandler,
  type RawChangeEventSource,
} from './change-event-message';

/**
 * The faye client jsforce's `streaming.createClient` returns, as far as we use it. jsforce's
 * own faye typings omit `disconnect`, which the real client has; hence optional.
 */
export interface StreamingClient {
  subscribe(channel: string, listener: (message: unknown) => void): PromiseLike<unknown>;
  disconnect?(): unknown;
  /** faye's Publisher: the dispatcher triggers `transport:down` / `transport:up` on the client. */
  bind?(event: TransportEvent, listener: () => void): unknown;
  unbind?(event: TransportEvent): unknown;
}

export type TransportEvent = 'transport:down' | 'transport:up';

/** What the source needs of a jsforce `Connection`; a real one satisfies it. */
export interface StreamingConnection {
  accessToken?: string | null;
  streaming: { createClient(extensions: unknown[]): StreamingClient };
  on(event: 'refresh', listener: (accessToken: string) => void): unknown;
  removeListener(event: 'refresh', listener: (accessToken: string) => void): unknown;
}

export interface JsforceChangeEventSourceOptions {
  /** The integration user's logged-in connection. */
  getConnection: () => Promise<StreamingConnection>;
  /** Gets a new access token after the org rejected ours (`401::Authentication invalid`). */
  refresh: () => Promise<void>;
  channel?: string;
  backoff?: BackoffOptions;
  /** How long stop() waits for the org to confirm `/meta/disconnect`. */
  disconnectTimeoutMs?: number;
  /**
   * After `transport:down`, how long to wait for the transport to come back before rebuilding
   * anyway (at least; the backoff delay applies when longer). Default 15 s: longer than faye's
   * 5 s retry, so that usually the org is reachable again and the old client's disconnect lands.
   */
  transportGraceMs?: number;
}

/** Thrown to `onError` when the org refused the stored replayId (outside retention). */
export class ReplayIdRejectedError extends Error {
  constructor(
    readonly replayId: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReplayIdRejectedError';
  }
}

type ReconnectReason = 'auth' | 'client' | 'error' | 'token' | 'transport';

const META_PREFIX = '/meta/';
const META_CONNECT = '/meta/connect';

/** `ext.sfdc.failureReason` of a failed handshake/connect, else its `error`. */
function failureOf(message: unknown): string | undefined {
  if (!isRecord(message)) return undefined;
  const ext = message.ext;
  if (isRecord(ext) && isRecord(ext.sfdc) && typeof ext.sfdc.failureReason === 'string') {
    return ext.sfdc.failureReason;
  }
  return typeof message.error === 'string' ? message.error : undefined;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return String(error);
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(errorText(error));
}

/**
 * CDC over CometD with jsforce's streaming client. The OAuth header is fixed when a faye
 * client is created, so after a token refresh, an auth failure (`401::Authentication
 * invalid`), a forgotten session (`403::Unknown client`), a failed `/meta/connect` or a
 * broken long-poll (`transport:down`) the client is rebuilt and resubscribes from the last
 * *processed* replayId; failures back off exponentially. The bridge's dedupe absorbs what the
 * replay repeats.
 */
export class JsforceChangeEventSource implements RawChangeEventSource {
  readonly channel: string;

  constructor(private readonly options: JsforceChangeEventSourceOptions) {
    this.channel = options.channel ?? '/data/ChangeEvents';
  }

  start(
    from: ReplayFrom,
    onEvent: RawChangeEventHandler,
    onError: (error: Error) => void,
    onResumeLost?: () => Promise<void> | void,
  ): ChangeSubscription {
    const run = new SourceRun(this.options, this.channel, from, onEvent, onError, onResumeLost);
    run.connect();
    return { ready: run.ready, stop: () => run.stop() };
  }
}

/** One `start()`'s state: the current client and where to resume. */
class SourceRun {
  private lastProcessed: ReplayFrom;
  private generation = 0;
  private attempt = 0;
  private stopped = false;
  private client: StreamingClient | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private processing: Promise<void> = Promise.resolve();
  private conn: StreamingConnection | undefined;
  private clientToken: string | null | undefined;
  private closing: Promise<void> = Promise.resolve();
  /** The current client's subscription was confirmed: a later outage may have lost events. */
  private subscribed = false;
  /** Some client's subscription was confirmed: a new one from `-1` may have missed events. */
  private everSubscribed = false;
  private transportDown = false;
  private downTimer: NodeJS.Timeout | undefined;
  private confirmed: () => void = () => {};
  /** The first confirmed subscribe: the org streams to us from here on. */
  readonly ready = new Promise<void>((resolve) => (this.confirmed = resolve));

  constructor(
    private readonly options: JsforceChangeEventSourceOptions,
    private readonly channel: string,
    from: ReplayFrom,
    private readonly onEvent: RawChangeEventHandler,
    private readonly onError: (error: Error) => void,
    private readonly onResumeLost: (() => Promise<void> | void) | undefined,
  ) {
    this.lastProcessed = from;
  }

  connect(): void {
    const generation = ++this.generation;
    void this.open(generation).catch((error: unknown) => {
      if (generation !== this.generation || this.stopped) return;
      this.onError(toError(error));
      this.reconnect('error');
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.clearTransportWatch();
    const closing = this.dropClient();
    this.conn?.removeListener('refresh', this.onTokenRefresh);
    this.conn = undefined;
    await Promise.all([closing, this.processing]);
  }

  private async open(generation: number): Promise<void> {
    const conn = await this.options.getConnection();
    if (generation !== this.generation || this.stopped) return;
    if (this.conn !== conn) {
      this.conn?.removeListener('refresh', this.onTokenRefresh);
      conn.on('refresh', this.onTokenRefresh);
      this.conn = conn;
    }
    // The old client is disconnected before the new one handshakes: one live client at a time.
    await this.closing;
    if (generation !== this.generation || this.stopped) return;
    const replayFrom = this.lastProcessed;
    const client = conn.streaming.createClient([
      new StreamingExtension.Replay(this.channel, Number(replayFrom)),
      new StreamingExtension.AuthFailure((message: unknown) =>
        this.onAuthFailure(message, generation),
      ),
      {
        incoming: (message: unknown, next: (m: unknown) => void) =>
          this.watch(message, next, generation),
      },
    ]);
    this.client = client;
    this.clientToken = conn.accessToken;
    client.bind?.('transport:down', () => this.onTransportDown(generation));
    client.bind?.('transport:up', () => this.onTransportUp(generation));
    try {
      await client.subscribe(this.channel, (data: unknown) => this.receive(data, generation));
    } catch (error) {
      if (generation !== this.generation || this.stopped) return;
      const text = errorText(error);
      if (typeof replayFrom === 'string' && /replayId .* was invalid/i.test(text)) {
        // Salesforce keeps 72 h of events: an older id cannot be resumed. Everything still
        // retained is newer than it, so replaying all (-2) loses the least.
        this.onError(new ReplayIdRejectedError(replayFrom, text));
        this.lastProcessed = -2;
        this.reconnect('error', 0);
        return;
      }
      throw error;
    }
    if (generation !== this.generation || this.stopped) return;
    this.attempt = 0;
    this.subscribed = true;
    this.confirmed();
    // With no event processed there is no replayId to resume from: what the org committed
    // between the old session's end and this subscription is gone, and only a signal can
    // tell the consumer to refetch (and its cache to forget).
    if (replayFrom === -1 && this.everSubscribed) this.resumeLost(generation);
    this.everSubscribed = true;
  }

  private resumeLost(generation: number): void {
    const onResumeLost = this.onResumeLost;
    if (!onResumeLost) return;
    this.processing = this.processing.then(async () => {
      if (generation !== this.generation || this.stopped) return;
      try {
        await onResumeLost();
      } catch (error) {
        if (generation !== this.generation || this.stopped) return;
        this.onError(toError(error));
        // Still at -1: the next subscription raises the signal again.
        this.reconnect('error');
      }
    });
  }

  /**
   * A long-poll failed (reset, or timed out half-open). faye retries it with the same
   * clientId, but whatever the org wrote into the broken response is gone, and a server that
   * forgot the client may never say so; only a new subscription replaying from the last
   * processed id recovers those events.
   */
  private onTransportDown(generation: number): void {
    if (generation !== this.generation || this.stopped || this.transportDown) return;
    this.transportDown = true;
    this.onError(new Error('CometD transport down'));
    const delay = Math.max(
      this.options.transportGraceMs ?? 15_000,
      backoffDelay(this.attempt, this.options.backoff),
    );
    this.attempt += 1;
    this.downTimer = setTimeout(() => {
      this.downTimer = undefined;
      if (generation !== this.generation || this.stopped) return;
      this.reconnect('transport', 0);
    }, delay);
  }

  private onTransportUp(generation: number): void {
    if (generation !== this.generation || this.stopped || !this.transportDown) return;
    this.clearTransportWatch();
    // Before its subscription was confirmed the client had nothing to lose: faye finishes
    // the handshake and subscribe (with the replay extension) on its own.
    if (this.subscribed) this.reconnect('transport', 0);
  }

  private clearTransportWatch(): void {
    if (this.downTimer) clearTimeout(this.downTimer);
    this.downTimer = undefined;
    this.transportDown = false;
  }

  private readonly onTokenRefresh = (accessToken: string): void => {
    if (this.stopped || !this.client || accessToken === this.clientToken) return;
    this.reconnect('token', 0);
  };

  private onAuthFailure(message: unknown, generation: number): void {
    if (generation !== this.generation || this.stopped) return;
    const reason = failureOf(message) ?? 'handshake denied';
    this.onError(new Error(`CometD session ended: ${reason}`));
    this.reconnect(reason.startsWith('401') ? 'auth' : 'client');
  }

  /** Catches what AuthFailure lets through: a failed meta reply that faye would retry forever. */
  private watch(message: unknown, next: (m: unknown) => void, generation: number): void {
    if (
      isRecord(message) &&
      typeof message.channel === 'string' &&
      message.channel.startsWith(META_PREFIX) &&
      message.successful === false &&
      generation === this.generation &&
      !this.stopped
    ) {
      const reason = failureOf(message) ?? '';
      if (reason.startsWith('401')) {
        this.onError(new Error(`CometD ${message.channel} failed: ${reason}`));
        this.reconnect('auth');
        return;
      }
      if (reason.startsWith('403::Unknown client')) {
        this.reconnect('client');
        return;
      }
      if (message.channel === META_CONNECT) {
        // faye would keep reconnecting the same client; a new one replays what this one lost.
        this.onError(new Error(`CometD ${META_CONNECT} failed: ${reason || 'no reason given'}`));
        this.reconnect('error');
        return;
      }
    }
    next(message);
  }

  private receive(data: unknown, generation: number): void {
    this.processing = this.processing.then(async () => {
      // A rebuilt client replays from the last processed id; anything the old one still
      // hands over will come again there.
      if (generation !== this.generation || this.stopped) return;
      const event = parseChangeEventMessage(data);
      if (!event) return;
      try {
        await this.onEvent(event);
        this.lastProcessed = event.replayId;
      } catch (error) {
        if (generation !== this.generation || this.stopped) return;
        this.onError(toError(error));
        this.reconnect('error');
      }
    });
  }

  private reconnect(reason: ReconnectReason, delayMs?: number): void {
    if (this.stopped) return;
    this.generation += 1;
    this.clearTransportWatch();
    this.subscribed = false;
    void this.dropClient();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = delayMs ?? backoffDelay(this.attempt, this.options.backoff);
    if (delayMs === undefined) this.attempt += 1;
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.afterDelay(reason, generation);
    }, delay);
  }

  private async afterDelay(reason: ReconnectReason, generation: number): Promise<void> {
    if (generation !== this.generation || this.stopped) return;
    if (reason === 'auth') {
      try {
        await this.options.refresh();
      } catch (error) {
        if (generation !== this.generation || this.stopped) return;
        this.onError(toError(error));
        this.reconnect('auth');
        return;
      }
      if (generation !== this.generation || this.stopped) return;
    }
    this.connect();
  }

  private dropClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return this.closing;
    client.unbind?.('transport:down');
    client.unbind?.('transport:up');
    const closing = closeClient(client, this.options.disconnectTimeoutMs ?? 2_000).catch(
      (error: unknown) => this.onError(toError(error)),
    );
    this.closing = closing;
    return closing;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isRecord(value) && typeof value.then === 'function';
}

/**
 * Sends `/meta/disconnect` and waits (bounded) for the reply, then closes faye's dispatcher
 * so that a long-poll failing afterwards (the org went away) is not retried every 5 s forever.
 */
async function closeClient(client: StreamingClient, timeoutMs: number): Promise<void> {
  const reply = client.disconnect?.();
  if (isThenable(reply)) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.resolve(reply).then(
        () => undefined,
        () => undefined,
      ),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
  // `_dispatcher` is a faye private, its only handle on the long-poll transport: close() is
  // what a successful disconnect calls itself (faye/src/protocol/client.js). Without it an
  // unanswered disconnect leaves faye retrying the dead client's long-poll every 5 s.
  const dispatcher = '_dispatcher' in client ? client._dispatcher : undefined;
  if (isRecord(dispatcher) && typeof dispatcher.close === 'function') dispatcher.close();
}
