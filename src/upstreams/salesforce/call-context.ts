import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One attempt of one client call, shared with the HTTP transport: what the transport must
 * send with it (signal, request id) and what it observed (jsforce's errors drop the status).
 */
export interface CallObservation {
  lastStatusCode: number | undefined;
  /** Aborts the attempt's HTTP request: its timeout, or the operation's client going away. */
  signal: AbortSignal | undefined;
  /** Sent as `X-Request-Id` so Salesforce-side traces and our logs line up. */
  requestId: string | undefined;
}

const storage = new AsyncLocalStorage<CallObservation>();

export function observeCall<T>(
  run: (observation: CallObservation) => Promise<T>,
  attempt: { signal?: AbortSignal; requestId?: string } = {},
): Promise<T> {
  const observation: CallObservation = {
    lastStatusCode: undefined,
    signal: attempt.signal,
    requestId: attempt.requestId,
  };
  return storage.run(observation, () => run(observation));
}

/** The attempt running now, as the transport sees it; undefined outside client calls (OAuth). */
export function currentCall(): CallObservation | undefined {
  return storage.getStore();
}

export function recordStatusCode(statusCode: number): void {
  const observation = storage.getStore();
  if (observation !== undefined) observation.lastStatusCode = statusCode;
}
