/** Resolves once `predicate` holds (checked every 10 ms); rejects after `timeoutMs`. */
export function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(check, 10);
    };
    check();
  });
}

/** `waitFor` with the file's own timeout. */
export const waitForWithin =
  (timeoutMs: number) =>
  (predicate: () => boolean): Promise<void> =>
    waitFor(predicate, timeoutMs);

/** Resolves once the asynchronous `predicate` holds (checked every 50 ms); rejects after `timeoutMs`. */
export async function waitUntil(
  predicate: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
