/**
 * The one list of things a test file must dispose of (graphql-ws `tests/utils/tservers.ts`):
 * whoever starts a server, client, iterator or connection pushes its disposer here, and the
 * list is flushed last-in first-out, so a gateway stops before the emulator it talks to.
 *
 * Jest gives every test file its own module registry, so each file has its own list. It is
 * flushed in `afterAll` by default; a file whose tests must not share state also calls
 * `afterEach(flushLeftovers)`.
 */
export type Disposer = () => unknown;

export const leftovers: Disposer[] = [];

/**
 * Runs every disposer even when one fails, so one broken teardown cannot leave the others'
 * sockets open (that is what keeps a jest worker from exiting), then reports the failures.
 */
export async function flushLeftovers(): Promise<void> {
  const failures: unknown[] = [];
  while (leftovers.length > 0) {
    const dispose = leftovers.pop();
    try {
      await dispose?.();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'several disposers failed');
}

/**
 * For teardown that may legitimately fail because the test already broke the thing on
 * purpose (a killed connection, a stopped emulator).
 */
export function ignoringErrors(dispose: Disposer): Disposer {
  return async () => {
    try {
      await dispose();
    } catch {
      // Already gone: the test took it down itself.
    }
  };
}

afterAll(flushLeftovers);
