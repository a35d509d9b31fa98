import { boundedReadiness } from './health-routes';

function countingProbe(outcomes: Array<'ok' | 'fail'>) {
  const calls = { count: 0 };
  const pending: Array<() => void> = [];
  const probe = () => {
    const outcome = outcomes[calls.count] ?? 'ok';
    calls.count += 1;
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      pending.push(() =>
        outcome === 'ok' ? resolve({ call: calls.count }) : reject(new Error('down')),
      );
    });
  };
  const settle = () => {
    for (const release of pending.splice(0)) release();
  };
  return { calls, probe, settle };
}

describe('boundedReadiness', () => {
  it('asks upstream once for concurrent callers and reuses a success while fresh', async () => {
    const { calls, probe, settle } = countingProbe(['ok']);
    const bounded = boundedReadiness(probe, 60_000);
    const concurrent = [bounded(), bounded(), bounded()];
    settle();
    expect(await Promise.all(concurrent)).toEqual([{ call: 1 }, { call: 1 }, { call: 1 }]);
    expect(await bounded()).toEqual({ call: 1 });
    expect(calls.count).toBe(1);
  });

  it('does not reuse a failure, so recovery shows at the next call', async () => {
    const { calls, probe, settle } = countingProbe(['fail', 'ok']);
    const bounded = boundedReadiness(probe, 60_000);
    const failing = bounded();
    settle();
    await expect(failing).rejects.toThrow('down');
    const recovered = bounded();
    settle();
    expect(await recovered).toEqual({ call: 2 });
    expect(calls.count).toBe(2);
  });

  it('probes again once the success is no longer fresh', async () => {
    const { calls, probe, settle } = countingProbe(['ok', 'ok']);
    const bounded = boundedReadiness(probe, 0);
    const first = bounded();
    settle();
    await first;
    const second = bounded();
    settle();
    expect(await second).toEqual({ call: 2 });
    expect(calls.count).toBe(2);
  });
});
