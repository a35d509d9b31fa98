import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Where an emulator posts its webhooks, and the secret it signs them with. */
export interface WebhookTarget {
  url: string;
  secret: string;
}

/** `GET /__emulator/webhooks`: the target URL (never the secret) and what deliveries did. */
export interface WebhookStatus {
  url: string | null;
  /** Deliveries the receiver accepted (2xx). */
  sent: number;
  /** Deliveries given up: a 4xx, or every retry spent on network errors and 5xx. */
  failed: number;
  /** Attempts after the first one. */
  retried: number;
  /** Status of the last answer, null before any or when the last attempt got no answer. */
  lastStatus: number | null;
  /** Events waiting for their turn or being delivered now. */
  pending: number;
}

/**
 * The service's signature headers for one attempt (re-signed on every retry, as Stripe does);
 * `deliveryId` is the same for every attempt of one event.
 */
export type WebhookSigner = (
  rawBody: string,
  secret: string,
  deliveryId: string,
) => Record<string, string>;

export interface WebhookSenderOptions {
  sign: WebhookSigner;
  /** Waits before each retry; their count is the number of retries. */
  retryDelaysMs?: readonly number[];
  /** One attempt's limit, so a receiver that never answers cannot hold the queue. */
  timeoutMs?: number;
  userAgent: string;
  /** The body's text (Stripe pretty-prints its JSON); compact JSON by default. */
  serialize?: (event: object) => string;
}

interface Delivery {
  id: string;
  target: WebhookTarget;
  rawBody: string;
}

const DEFAULT_RETRY_DELAYS_MS = [50, 200, 500];

/**
 * Posts signed JSON events to the configured URL, one at a time in the order the data changed
 * (a demo's live feed then shows them in order), off the API reply's path: `send` only queues.
 * Network errors and 5xx are retried with a short backoff; 4xx is final, as with the real
 * services.
 */
export class WebhookSender {
  private current: WebhookTarget | undefined;
  private readonly queue: Delivery[] = [];
  private running: Promise<void> | undefined;
  private readonly counts = { sent: 0, failed: 0, retried: 0 };
  private lastStatus: number | null = null;
  private abort = new AbortController();
  private inFlight = 0;

  constructor(private readonly options: WebhookSenderOptions) {}

  /** A new target (or none) applies to events sent from now on; queued ones are dropped. */
  configure(target: WebhookTarget | undefined): void {
    this.current = target ? { ...target } : undefined;
    this.queue.length = 0;
  }

  target(): WebhookTarget | undefined {
    return this.current;
  }

  /** Queues one event; its delivery id, or undefined (nothing sent) when no target is set. */
  send(event: object): string | undefined {
    if (!this.current) return undefined;
    const id = randomUUID();
    this.queue.push({
      id,
      target: this.current,
      rawBody: (this.options.serialize ?? JSON.stringify)(event),
    });
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return id;
  }

  status(): WebhookStatus {
    return {
      url: this.current?.url ?? null,
      ...this.counts,
      lastStatus: this.lastStatus,
      pending: this.queue.length + this.inFlight,
    };
  }

  resetStats(): void {
    this.counts.sent = 0;
    this.counts.failed = 0;
    this.counts.retried = 0;
    this.lastStatus = null;
  }

  /** Resolves once every queued event is delivered or given up. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Drops what is queued and aborts the attempt and backoff under way (the emulator stops). */
  async close(): Promise<void> {
    this.queue.length = 0;
    this.abort.abort();
    await this.idle();
    this.abort = new AbortController();
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      this.inFlight = 1;
      try {
        await this.deliver(next);
      } finally {
        this.inFlight = 0;
      }
    }
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const signal = this.abort.signal;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        this.counts.retried++;
        if (!(await wait(delays[attempt - 1] as number, signal))) return;
      }
      const status = await this.attempt(delivery, signal);
      if (signal.aborted) return;
      this.lastStatus = status ?? null;
      if (status !== undefined && status < 300) {
        this.counts.sent++;
        return;
      }
      const retryable = status === undefined || status >= 500;
      if (!retryable || attempt >= delays.length) {
        this.counts.failed++;
        return;
      }
    }
  }

  /**
   * The answer's status, or undefined when none came (refused, reset, timed out). One
   * connection per attempt (no keep-alive pool), so a stopped emulator holds no socket.
   */
  private attempt(delivery: Delivery, signal: AbortSignal): Promise<number | undefined> {
    const url = new URL(delivery.target.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        url,
        {
          method: 'POST',
          agent: false,
          signal,
          timeout: this.options.timeoutMs ?? 5000,
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': Buffer.byteLength(delivery.rawBody),
            'User-Agent': this.options.userAgent,
            ...this.options.sign(delivery.rawBody, delivery.target.secret, delivery.id),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
          res.on('error', () => resolve(undefined));
        },
      );
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(undefined));
      req.end(delivery.rawBody);
    });
  }
}

/** False when aborted before the time was up. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Validates `POST /__emulator/webhooks`: `{url, secret}` to send, `{url: null}` to stop. */
export function parseWebhookTarget(value: unknown): WebhookTarget | undefined | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const { url, secret } = value as { url?: unknown; secret?: unknown };
  if (url === null) return undefined;
  if (typeof url !== 'string') return 'url must be an http(s) URL or null';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an http(s) URL or null';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'url must be an http(s) URL or null';
  if (typeof secret !== 'string' || secret === '') return 'secret must be a non-empty string';
  return { url, secret };
}
