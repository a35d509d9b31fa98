import { AsyncLocalStorage } from 'node:async_hooks';
import { createClient, type ZendeskClient } from 'node-zendesk';
import type { ZendeskSettings } from '../../config';
import { linkedCall, type LinkedUpstreamDeps } from '../linked';
import type { OperationScope } from '../operation-scope';
import { failureOfResponse, failureOfTimeout, failureOfTransport } from './zendesk-failure';

/** A path under the API base (`['search']`) and its query parameters. */
export type ZendeskPath = ReadonlyArray<string | number>;
export type ZendeskParams = Record<string, string | number>;

interface RawResponse {
  status: number;
  headers: { get(name: string): string | null };
}

/** node-zendesk's transport hook: what `transportConfig.responseAdapter` returns. */
function adaptResponse(response: Response): RawResponse & { json(): Promise<unknown> } {
  return {
    json: () => response.json(),
    status: response.status,
    headers: { get: (name) => response.headers.get(name) },
  };
}

/**
 * One GET against the Zendesk API through the unmodified node-zendesk client, behind the
 * service's breaker, timeout and read retries (`linkedCall`). Each attempt's abort signal
 * reaches the socket through node-zendesk's own `transportConfig` hook.
 */
export class ZendeskApi {
  private readonly client: ZendeskClient;
  /** The running attempt's signal: node-zendesk passes no per-call options to its transport. */
  private readonly attemptSignal = new AsyncLocalStorage<AbortSignal>();
  readonly apiUrl: string;

  constructor(
    settings: ZendeskSettings,
    private readonly deps: LinkedUpstreamDeps,
  ) {
    this.apiUrl = settings.apiUrl.replace(/\/+$/, '');
    this.client = createClient({
      username: settings.email,
      token: settings.apiToken,
      endpointUri: this.apiUrl,
      // No `throttle` (node-zendesk's only retry-like behaviour): linkedCall owns retries.
      throttle: false,
      debug: false,
      transportConfig: {
        transportFn: (uri: string, init: RequestInit) =>
          fetch(uri, {
            method: init.method ?? 'GET',
            ...(init.headers ? { headers: init.headers } : {}),
            ...(init.body ? { body: init.body } : {}),
            ...(this.attemptSignal.getStore() ? { signal: this.attemptSignal.getStore() } : {}),
          }),
        responseAdapter: adaptResponse,
      },
    });
  }

  /** The body of `GET path?params` (or of an absolute page URL the API returned). */
  get<T>(path: ZendeskPath | string, params: ZendeskParams, operation: OperationScope): Promise<T> {
    return linkedCall(
      this.deps.resilience,
      'zendesk',
      (signal) => {
        operation.assertCanCall();
        return this.attemptSignal.run(signal, () => this.once<T>(path, params, operation));
      },
      { idempotent: true, signal: operation.signal },
    );
  }

  private async once<T>(
    path: ZendeskPath | string,
    params: ZendeskParams,
    operation: OperationScope,
  ): Promise<T> {
    // `_rawRequest` (typed, public in node-zendesk 6) hands back the status and the whole
    // body: `request()` strips search's `count` (jsonAPINames) and returns 429s as results.
    const uri = typeof path === 'string' ? path : [...path, params];
    let reply: { response: unknown; result: unknown };
    try {
      reply = await this.client.tickets._rawRequest('GET', uri);
    } catch (err) {
      // The client went away: nobody reads the answer, the abort says so.
      if (operation.signal.aborted) throw err;
      // Otherwise an aborted attempt is the call timeout (cockatiel aborts its signal).
      if (this.attemptSignal.getStore()?.aborted) throw failureOfTimeout();
      throw failureOfTransport(err);
    }
    const response = reply.response as RawResponse;
    const failure = failureOfResponse(
      response.status,
      response.headers.get('retry-after'),
      reply.result,
    );
    if (failure) throw failure;
    return reply.result as T;
  }
}
