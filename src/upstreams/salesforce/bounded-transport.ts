import { Transport } from 'jsforce/lib/transport';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce';
import type { StreamPromise } from 'jsforce/lib/util/promise';
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
  constructor(private readonly timeoutMs: number) {
    super();
  }

  override httpRequest(
    req: HttpRequest,
    options: HttpRequestOptions = {},
  ): StreamPromise<HttpResponse> {
    const result = super.httpRequest(req, {
      ...options,
      timeout: this.timeoutMs,
      retry: { ...options.retry, maxRetries: 0, methods: [] },
    });
    result.then(
      (response) => recordStatusCode(response.statusCode),
      () => undefined,
    );
    return result;
  }
}
