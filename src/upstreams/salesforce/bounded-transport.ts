import type { Duplex } from 'node:stream';
import { Transport } from 'jsforce/lib/transport';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce';
import type { StreamPromise } from 'jsforce/lib/util/promise';
import type { UpstreamCallObserver } from '../../observability';
import { abortableRequest, isPlainBody } from './abortable-request';
import { currentCall, recordStatusCode } from './call-context';

/** Salesforce's documented way for a REST client to name itself (Sforce-Call-Options). */
const CALL_OPTIONS = 'client=atom-gateway';

/**
 * jsforce 3.10 retries GET/PUT/DELETE on 420/429/5xx and socket errors with 0.5–8 s sleeps
 * (≈15.5 s before a 503 surfaces; `lib/request.js` `startFetchRequest`) and waits up to 30
 * minutes for an answer, and its per-request `retry`/`timeout` options are read from options
 * no Connection method lets a caller set. This transport sends every request itself
 * (abortable-request.ts): no jsforce retries (the gateway's resilience policy decides), a
 * bounded timeout, the attempt's abort signal (timeout or a client gone), the operation's
 * `X-Request-Id`. It also records each response's status for error mapping and metrics.
 */
export class BoundedTransport extends Transport {
  constructor(
    private readonly timeoutMs: number,
    /** Metrics: every call this transport makes, with its status and duration. */
    private readonly observe?: UpstreamCallObserver,
  ) {
    super();
  }

  override httpRequest(
    req: HttpRequest,
    options: HttpRequestOptions = {},
  ): StreamPromise<HttpResponse> {
    const call = currentCall();
    const headers: Record<string, string> = { ...req.headers, 'Sforce-Call-Options': CALL_OPTIONS };
    if (call?.requestId !== undefined) headers['X-Request-Id'] = call.requestId;
    const start = process.hrtime.bigint();
    const result = super.httpRequest(
      { ...req, headers },
      {
        ...options,
        timeout: this.timeoutMs,
        retry: { ...options.retry, maxRetries: 0, methods: [] },
      },
    );
    const observed = (statusCode: number | undefined, responseHeaders?: HttpResponse['headers']) =>
      this.observe?.({
        method: req.method,
        url: req.url,
        statusCode,
        durationSeconds: Number(process.hrtime.bigint() - start) / 1e9,
        ...(responseHeaders ? { headers: responseHeaders } : {}),
      });
    result.then(
      (response) => {
        recordStatusCode(response.statusCode);
        observed(response.statusCode, response.headers);
      },
      () => observed(undefined),
    );
    return result;
  }

  /** Called by Transport#httpRequest for each request, inside the attempt's call context. */
  override getRequestStreamCreator(): (req: HttpRequest, options: HttpRequestOptions) => Duplex {
    const stock = super.getRequestStreamCreator();
    const callSignal = currentCall()?.signal;
    const timeoutMs = this.timeoutMs;
    return (req, options) => {
      // A streamed or multipart body (not used by the gateway) keeps jsforce's own request.
      if (!isPlainBody(req.body)) return stock(req, options);
      const { signal, release } = requestSignal(timeoutMs, callSignal);
      const stream = abortableRequest(req, options, signal);
      stream.once('complete', release).once('error', release).once('close', release);
      return stream;
    };
  }
}

/**
 * The request's signal: aborts after `timeoutMs` or when the call's signal aborts. One plain
 * timer and one listener, both dropped once the request settles (`release`), in place of
 * `AbortSignal.timeout` + `AbortSignal.any` per request (0.8 % of the gateway's busy time in
 * the 10-page walk's profile, plus the garbage their derived signals leave).
 */
function requestSignal(
  timeoutMs: number,
  callSignal: AbortSignal | undefined,
): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  if (callSignal?.aborted) {
    controller.abort(callSignal.reason);
    return { signal: controller.signal, release: () => undefined };
  }
  const onCallAbort = (): void => {
    release();
    controller.abort(callSignal?.reason);
  };
  const timer = setTimeout(() => {
    release();
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, timeoutMs);
  // Like AbortSignal.timeout: a pending request alone does not keep the process alive.
  timer.unref();
  callSignal?.addEventListener('abort', onCallAbort, { once: true });
  let released = false;
  function release(): void {
    if (released) return;
    released = true;
    clearTimeout(timer);
    callSignal?.removeEventListener('abort', onCallAbort);
  }
  return { signal: controller.signal, release };
}
