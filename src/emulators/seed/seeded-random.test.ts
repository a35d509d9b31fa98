import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const c = new SeededRandom(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps int() in range and weighted() close to its weights', () => {
    const rng = new SeededRandom(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      counts[
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ]++;
    }
    expect(counts.a / 10_000).toBeGreaterThan(0.7);
    expect(counts.a / 10_000).toBeLessThan(0.8);
  });
});
