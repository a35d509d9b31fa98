import { Transport } from 'jsforce/lib/transport';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce';
import type { StreamPromise } from 'jsforce/lib/util/promise';
import type { UpstreamCallObserver } from '../../observability';
import { recordStatusCode } from './call-context';

/**
 * jsforce 3.10 retries GET/PUT/DELETE on 420/429/5xx and socket errors with 0.5–8 s sleeps
 * (≈15.5 s before a 503 surfaces; `lib/request.js` `startFetchRequest`) and waits up to 30
 * minutes for an answer. Its per-request `retry`/`timeout` options are read from the options
 * HttpApi hands the transport, which no Connection method lets a caller set, so this
 * transport forces them: no jsforce retries (the gateway's RetryPolicy decides), and a
 * bounded timeout. It also records each response's status for error mapping.
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
    const start = process.hrtime.bigint();
    const result = super.httpRequest(req, {
      ...options,
      timeout: this.timeoutMs,
      retry: { ...options.retry, maxRetries: 0, methods: [] },
    });
    const observed = (statusCode: number | undefined, headers?: HttpResponse['headers']) =>
      this.observe?.({
        method: req.method,
        url: req.url,
        statusCode,
        durationSeconds: Number(process.hrtime.bigint() - start) / 1e9,
        ...(headers ? { headers } : {}),
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
}
