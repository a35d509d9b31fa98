import { FaultKnobs } from './fault-knobs';

describe('FaultKnobs', () => {
  it('consumes each burst one call at a time', () => {
    const knobs = new FaultKnobs({ latencyMs: 0 });
    knobs.apply({ serverUnavailable: 2, rateLimited: 1 });
    expect([knobs.takeServerUnavailable(), knobs.takeServerUnavailable()]).toEqual([true, true]);
    expect(knobs.takeServerUnavailable()).toBe(false);
    expect([knobs.takeRateLimited(), knobs.takeRateLimited()]).toEqual([true, false]);
    expect([knobs.pendingServerUnavailable(), knobs.pendingRateLimited()]).toEqual([0, 0]);
  });

  it('changes only the knobs given and resets to the defaults', () => {
    const knobs = new FaultKnobs({ latencyMs: 5, retryAfterSeconds: 60 });
    knobs.apply({ retryAfterSeconds: 2 });
    expect([knobs.latencyMs(), knobs.retryAfterSeconds()]).toEqual([5, 2]);
    knobs.apply({ latencyMs: 40, serverUnavailable: 3 });
    knobs.reset();
    expect([knobs.latencyMs(), knobs.retryAfterSeconds()]).toEqual([5, 60]);
    expect(knobs.pendingServerUnavailable()).toBe(0);
  });
});
