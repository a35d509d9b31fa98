import { setMaxListeners } from 'node:events';

/**
 * Listeners one operation's signal may hold before Node warns. Each upstream call in flight
 * listens to it (its resilience policies and its transport) until the call settles, and a
 * page with its linked services runs more than Node's default 10 at once: that warning would
 * report a leak that is not one. A real leak, listeners that are never removed, still passes
 * this bound and warns.
 */
export const OPERATION_SIGNAL_LISTENERS = 1_000;

/** The controller whose signal stops one operation's upstream calls (client gone, completed). */
export function operationAbortController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(OPERATION_SIGNAL_LISTENERS, controller.signal);
  return controller;
}
