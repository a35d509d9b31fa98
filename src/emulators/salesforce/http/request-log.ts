import type { IncomingHttpHeaders } from 'node:http';

/** One request as it reached the org, before admission (so 503-refused attempts count too). */
export interface LoggedRequest {
  method: string;
  path: string;
  /** The caller's `X-Request-Id` header, when sent. */
  requestId: string | null;
  /** `Sforce-Call-Options` (e.g. `client=atom-gateway`), when sent. */
  callOptions: string | null;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
}

/**
 * The last requests served (REST, SOAP and OAuth; not the admin API), for tests to see
 * what a client sent and how many attempts it made: `GET /__emulator/requests`.
 */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 1000) {}

  record(method: string, path: string, headers: IncomingHttpHeaders): void {
    this.entries.push({
      method,
      path,
      requestId: header(headers, 'x-request-id'),
      callOptions: header(headers, 'sforce-call-options'),
    });
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
