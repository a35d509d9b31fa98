import { Coalescer, type CoalescerOptions } from './coalescer';

/** The pipeline's use: each flush computes a report and hands it on. */
function pipelineCoalescer<R>({
  computePipeline,
  onReport,
  ...options
}: Omit<CoalescerOptions, 'onFlush'> & {
  computePipeline: () => Promise<R>;
  onReport: (report: R) => void;
}): Coalescer {
  return new Coalescer({ ...options, onFlush: async () => onReport(await computePipeline()) });
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve: (v: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Coalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('turns a burst of 100 changes into one recompute', async () => {
    const computePipeline = jest.fn(async () => ({ count: 1 }));
    const reports: unknown[] = [];
    const coalescer = pipelineCoalescer({
      computePipeline,
      onReport: (r) => void reports.push(r),
      now: () => Date.now(),
    });
    for (let i = 0; i < 100; i += 1) {
      coalescer.notify();
      await jest.advanceTimersByTimeAsync(1);
    }
    expect(computePipeline).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(300);
    expect(computePipeline).toHaveBeenCalledTimes(1);
    expect(reports).toEqual([{ count: 1 }]);
    await coalescer.stop();
  });

  it('bounds the delay under a steady stream (maxDelayMs) and keeps recomputes few', async () => {
    const computePipeline = jest.fn(async () => 'report');
    const coalescer = pipelineCoalescer({
      computePipeline,
      onReport: () => {},
      windowMs: 250,
      maxDelayMs: 1000,
      now: () => Date.now(),
    });
    // 100 changes spread over 2 s: never 250 ms of quiet.
    for (let i = 0; i < 100; i += 1) {
      coalescer.notify();
      await jest.advanceTimersByTimeAsync(20);
    }
    await jest.advanceTimersByTimeAsync(2000);
    expect(computePipeline.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(computePipeline.mock.calls.length).toBeLessThanOrEqual(4);
    await coalescer.stop();
  });

  it('never runs two recomputes at once and runs one trailing recompute', async () => {
    const gates = [deferred<string>(), deferred<string>()];
    let inFlight = 0;
    let maxInFlight = 0;
    let call = 0;
    const computePipeline = jest.fn(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const gate = gates[call++] ?? deferred<string>();
      const result = await gate.promise;
      inFlight -= 1;
      return result;
    });
    const reports: string[] = [];
    const coalescer = pipelineCoalescer({
      computePipeline,
      onReport: (r) => void reports.push(r),
      now: () => Date.now(),
    });
    coalescer.notify();
    await jest.advanceTimersByTimeAsync(300);
    expect(computePipeline).toHaveBeenCalledTimes(1);
    // Changes during the recompute: no second concurrent run.
    for (let i = 0; i < 50; i += 1) coalescer.notify();
    await jest.advanceTimersByTimeAsync(1000);
    expect(computePipeline).toHaveBeenCalledTimes(1);
    gates[0]?.resolve('first');
    await jest.advanceTimersByTimeAsync(300);
    expect(computePipeline).toHaveBeenCalledTimes(2);
    gates[1]?.resolve('trailing');
    await jest.advanceTimersByTimeAsync(300);
    expect(reports).toEqual(['first', 'trailing']);
    expect(maxInFlight).toBe(1);
    expect(coalescer.flushCount).toBe(2);
    await coalescer.stop();
  });

  it('reports a failed recompute and recovers on the next change', async () => {
    const errors: unknown[] = [];
    const computePipeline = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('SOQL failed'))
      .mockResolvedValue('ok');
    const reports: string[] = [];
    const coalescer = pipelineCoalescer({
      computePipeline,
      onReport: (r) => void reports.push(r),
      onError: (e) => errors.push(e),
      now: () => Date.now(),
    });
    coalescer.notify();
    await jest.advanceTimersByTimeAsync(300);
    expect(errors).toHaveLength(1);
    coalescer.notify();
    await jest.advanceTimersByTimeAsync(300);
    expect(reports).toEqual(['ok']);
    await coalescer.stop();
  });

  it('does nothing after stop()', async () => {
    const computePipeline = jest.fn(async () => 'x');
    const coalescer = pipelineCoalescer({ computePipeline, onReport: () => {} });
    coalescer.notify();
    await coalescer.stop();
    coalescer.notify();
    await jest.advanceTimersByTimeAsync(2000);
    expect(computePipeline).not.toHaveBeenCalled();
  });
});
