import { AsyncLocalStorage } from 'node:async_hooks';

/** What the transport observed during one client call (jsforce's errors drop the HTTP status). */
export interface CallObservation {
  lastStatusCode: number | undefined;
}

const storage = new AsyncLocalStorage<CallObservation>();

export function observeCall<T>(run: (observation: CallObservation) => Promise<T>): Promise<T> {
  const observation: CallObservation = { lastStatusCode: undefined };
  return storage.run(observation, () => run(observation));
}

export function recordStatusCode(statusCode: number): void {
  const observation = storage.getStore();
  if (observation !== undefined) observation.lastStatusCode = statusCode;
}
