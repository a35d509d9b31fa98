import { createUpstreamResilience, UpstreamRejectedError, type ResilienceSettings } from '.';

class Outage extends Error {}

const settings: ResilienceSettings = {
  breakerThreshold: 3,
  halfOpenAfterMs: 60_000,
  maxConcurrent: 1,
  maxQueued: 1,
  timeoutMs: 5_000,
  retries: 2,
  retryBaseDelayMs: 1,
  retryMaxDelayMs: 2,
};

const make = (overrides: Partial<ResilienceSettings> = {}) =>
  createUpstreamResilience('svc', { ...settings, ...overrides }, (e) => e instanceof Outage);

describe('createUpstreamResilience', () => {
  it('retries idempotent calls on outages only, and never writes', async () => {
    const resilience = make({ breakerThreshold: 100 });
    const read = jest.fn().mockRejectedValue(new Outage());
    await expect(resilience.execute(read, { idempotent: true })).rejects.toBeInstanceOf(Outage);
    expect(read).toHaveBeenCalledTimes(3);
    const write = jest.fn().mockRejectedValue(new Outage());
    await expect(resilience.execute(write, { idempotent: false })).rejects.toBeInstanceOf(Outage);
    expect(write).toHaveBeenCalledTimes(1);
    const badInput = jest.fn().mockRejectedValue(new Error('bad query'));
    await expect(resilience.execute(badInput, { idempotent: true })).rejects.toThrow('bad query');
    expect(badInput).toHaveBeenCalledTimes(1);
  });

  it('opens after the threshold and then fails fast without calling', async () => {
    const resilience = make();
    const failing = jest.fn().mockRejectedValue(new Outage());
    for (let i = 0; i < 3; i++) {
      await expect(resilience.execute(failing, { idempotent: false })).rejects.toBeInstanceOf(
        Outage,
      );
    }
    expect(resilience.state()).toBe('open');
    const next = jest.fn().mockResolvedValue('ok');
    const refused = resilience.execute(next, { idempotent: true });
    await expect(refused).rejects.toBeInstanceOf(UpstreamRejectedError);
    await expect(refused).rejects.toMatchObject({ reason: 'circuit-open', retryAfterSeconds: 60 });
    expect(next).not.toHaveBeenCalled();
  });

  it('rejects beyond its concurrency and queue with bulkhead-full', async () => {
    const resilience = make();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = resilience.execute(() => held, { idempotent: false });
    const queued = resilience.execute(() => Promise.resolve('queued'), { idempotent: false });
    expect(resilience.load()).toEqual({ executing: 1, queued: 1 });
    await expect(
      resilience.execute(() => Promise.resolve('late'), { idempotent: false }),
    ).rejects.toMatchObject({ reason: 'bulkhead-full', service: 'svc' });
    release();
    await running;
    await expect(queued).resolves.toBe('queued');
  });

  it('gives each attempt a signal that aborts on timeout', async () => {
    const resilience = make({ timeoutMs: 20, retries: 0 });
    const attempt = (signal: AbortSignal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Outage())));
    await expect(resilience.execute(attempt, { idempotent: true })).rejects.toBeInstanceOf(Outage);
  });
});
