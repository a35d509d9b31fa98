import { getMaxListeners } from 'node:events';
import { operationAbortController, OPERATION_SIGNAL_LISTENERS } from './operation-abort';

describe('operationAbortController', () => {
  it("raises the signal's listener bound above Node's 10, and keeps a bound", () => {
    // Node warns of a leak past this many listeners; a plain controller's bound is 10.
    expect(getMaxListeners(new AbortController().signal)).toBe(10);
    const { signal } = operationAbortController();
    expect(getMaxListeners(signal)).toBe(OPERATION_SIGNAL_LISTENERS);
    expect(OPERATION_SIGNAL_LISTENERS).toBeGreaterThan(10);
    expect(Number.isFinite(OPERATION_SIGNAL_LISTENERS) && OPERATION_SIGNAL_LISTENERS > 0).toBe(
      true,
    );
  });
});
