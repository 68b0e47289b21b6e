import { Xoshiro128 } from '../random/xoshiro128';
import { KeyHistogram, ranksAndSortedPrefix, sortedAtOrBelow, valuesAtRanks } from './order-statistics';

/** Element by element with Object.is, so −0 and +0 are told apart. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Kinds of values, each drawn from `rng`: named draws for `it.each`. */
function kindsOfValues(rng: Xoshiro128): [string, () => number][] {
  return [
    ['returns-like values', () => Math.exp((rng.nextFloat() - 0.45) * 0.8) - 1],
    ['wide magnitudes and both signs', () => (rng.nextFloat() < 0.5 ? -1 : 1) * Math.exp((rng.nextFloat() - 0.5) * 1400)],
    ['ties, zeros of both signs, infinities and subnormals', () => [0, -0, 1, -1, Infinity, -Infinity, 5e-324, -5e-324, 0.25][rng.nextU32() % 9]],
    ['one value crowding a single bin', () => 0.1 + rng.nextFloat() * 1e-12],
  ];
}

describe('valuesAtRanks and sortedAtOrBelow', () => {
  const rng = new Xoshiro128(2, 4, 6, 8);
  const draws = kindsOfValues(rng);

  it.each(draws)('give the full sort\'s values at every wanted rank and the sorted tail, for %s', (_name, draw) => {
    for (const n of [100, 4096, 70_000]) {
      const values = Float64Array.from({ length: n }, draw);
      const before = values.slice();
      const sorted = values.slice().sort();
      const ranks = [0, n - 1, Math.floor(n / 2), Math.floor(n * 0.05), Math.floor(n * 0.05) + 1, Math.floor(n * 0.99), 17 % n, 17 % n];
      const got = valuesAtRanks(values, ranks);
      expect(sameBits(got, ranks.map((r) => sorted[r]))).toBe(true);
      const limit = sorted[Math.floor(n * 0.05)];
      const tail = sortedAtOrBelow(values, limit);
      const expectedTail = sorted.filter((v) => v <= limit);
      expect(sameBits(tail, expectedTail)).toBe(true);
      expect(sameBits(values, before)).toBe(true);
    }
  });

  it('give every rank when more bins are wanted than a 16-bit slot index holds', () => {
    // Wide magnitudes spread 100,000 values over more than 65,535 bins; every rank is wanted.
    const values = Float64Array.from({ length: 100_000 }, draws[1][1]);
    const sorted = values.slice().sort();
    const ranks = Array.from({ length: values.length }, (_, i) => values.length - 1 - i);
    expect(sameBits(valuesAtRanks(values, ranks), ranks.map((r) => sorted[r]))).toBe(true);
  });

  it('work on a window, and with NaN fall back to the full sort (NaN last)', () => {
    const values = Float64Array.from({ length: 100_000 }, () => rng.nextFloat() - 0.5);
    const win = values.slice(1_000, 90_000).sort();
    expect(sameBits(valuesAtRanks(values, [0, 6_999, 88_999], 1_000, 90_000), [win[0], win[6_999], win[88_999]])).toBe(true);
    values[5] = Number.NaN;
    const all = values.slice().sort();
    expect(sameBits(valuesAtRanks(values, [0, 99_998, 99_999]), [all[0], all[99_998], all[99_999]])).toBe(true);
    expect(Number.isNaN(valuesAtRanks(values, [99_999])[0])).toBe(true);
    expect(sortedAtOrBelow(values, Infinity).length).toBe(99_999);
  });

  it('refuse ranks and windows that do not fit', () => {
    const v = new Float64Array(10);
    expect(() => valuesAtRanks(v, [10])).toThrow(RangeError);
    expect(() => valuesAtRanks(v, [0.5])).toThrow(RangeError);
    expect(() => valuesAtRanks(v, [0], 5, 3)).toThrow(RangeError);
    expect(() => sortedAtOrBelow(v, 0, 0, 11)).toThrow(RangeError);
    expect(valuesAtRanks(v, []).length).toBe(0);
  });
});

describe('ranksAndSortedPrefix', () => {
  const draws = kindsOfValues(new Xoshiro128(3, 5, 7, 9));

  it.each(draws)('gives the full sort\'s values at the ranks and exactly its prefix through the bin of the prefix rank, for %s', (_name, draw) => {
    for (const [n, start, end] of [[70_000, 0, 70_000], [90_000, 1_234, 88_000]]) {
      const values = Float64Array.from({ length: n }, draw);
      const before = values.slice();
      const sorted = values.slice(start, end).sort();
      const m = end - start;
      const histogram = new KeyHistogram();
      histogram.add(values, start, end);
      const ranks = [0, m - 1, Math.floor(m / 2), Math.floor(m * 0.05), Math.floor(m * 0.05) + 1, Math.floor(m * 0.01), Math.floor(m * 0.99), 17];
      const prefixRank = Math.floor(m * 0.05) + 1;
      const { atRanks, prefix } = ranksAndSortedPrefix(histogram, values, ranks, prefixRank, start, end);
      expect(sameBits(atRanks, ranks.map((r) => sorted[r]))).toBe(true);
      expect(prefix.length).toBeGreaterThan(prefixRank);
      expect(sameBits(prefix, sorted.subarray(0, prefix.length))).toBe(true);
      // The prefix ends at a bin's end: the next value of the sort lies in a later bin, so every
      // value equal to its last one is in it.
      if (prefix.length < m) expect(sorted[prefix.length] === prefix[prefix.length - 1]).toBe(false);
      expect(sameBits(values, before)).toBe(true);
    }
  });

  it('refuses ranks and histograms that do not fit', () => {
    const v = Float64Array.from({ length: 10 }, (_, i) => i);
    const h = new KeyHistogram();
    h.add(v);
    expect(() => ranksAndSortedPrefix(h, v, [10], 0)).toThrow(RangeError);
    expect(() => ranksAndSortedPrefix(h, v, [0], 10)).toThrow(RangeError);
    expect(() => ranksAndSortedPrefix(h, v, [0], 0, 0, 9)).toThrow(/counts 10 values/);
    h.clear();
    expect(h.count).toBe(0);
    expect(h.counts.every((c) => c === 0)).toBe(true);
  });
});
