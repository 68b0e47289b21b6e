import { streamFor } from '../random/xoshiro128';
import { MomentsAccumulator } from './moments-accumulator';

/** Two-pass central moments, computed independently of the accumulator. */
function twoPass(x: readonly number[]): { mean: number; m2: number; m3: number; m4: number } {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  let m2 = 0, m3 = 0, m4 = 0;
  for (const v of x) {
    const d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  return { mean, m2, m3, m4 };
}

function sample(seed: number, n: number): number[] {
  const rng = streamFor(seed, 1);
  // A skewed sample: squares of uniforms plus an offset far from 0 (a test of the one-pass update's stability).
  return Array.from({ length: n }, () => 1000 + rng.nextFloat() ** 2);
}

describe('MomentsAccumulator', () => {
  it('push: mean and M2 of a two-pass computation, variance and standard deviation', () => {
    const x = sample(1, 1000);
    const acc = new MomentsAccumulator();
    for (const v of x) acc.push(v);
    const ref = twoPass(x);
    expect(acc.count).toBe(1000);
    expect(acc.mean).toBeCloseTo(ref.mean, 10);
    expect(acc.m2 / ref.m2 - 1).toBeLessThan(1e-9);
    expect(acc.variance()).toBeCloseTo(ref.m2 / 999, 12);
    expect(acc.standardDeviation()).toBeCloseTo(Math.sqrt(ref.m2 / 999), 12);
  });

  it('pushHigher: M2, M3, M4, skewness and kurtosis of a two-pass computation', () => {
    const x = sample(2, 2000);
    const acc = new MomentsAccumulator();
    for (const v of x) acc.pushHigher(v);
    const ref = twoPass(x), n = x.length;
    expect(Math.abs(acc.m2 / ref.m2 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(acc.m3 / ref.m3 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(acc.m4 / ref.m4 - 1)).toBeLessThan(1e-8);
    expect(acc.skewness()).toBeCloseTo(ref.m3 / n / Math.pow(ref.m2 / n, 1.5), 8);
    expect(acc.kurtosis()).toBeCloseTo(ref.m4 / n / (ref.m2 / n) ** 2, 8);
    // x = 1000 + U² has skewness 0.639 and kurtosis 2.143 (moments of U², U uniform).
    expect(acc.skewness()).toBeGreaterThan(0.5);
  });

  it('pushAll: bit for bit a push of each value, in chunks, stopping after the first NaN', () => {
    const rng = streamFor(4, 4);
    const values = Float64Array.from({ length: 5_000 }, () => (rng.nextFloat() - 0.4) * 0.3);
    const one = new MomentsAccumulator(), bulk = new MomentsAccumulator();
    for (const v of values) one.push(v);
    expect(bulk.pushAll(values, 0, 1_234)).toBe(1_234);
    expect(bulk.pushAll(values, 1_234)).toBe(5_000);
    expect([bulk.count, Object.is(bulk.mean, one.mean), Object.is(bulk.m2, one.m2)]).toEqual([5_000, true, true]);
    values[10] = Number.NaN;
    const stopped = new MomentsAccumulator();
    expect(stopped.pushAll(values, 5, 100)).toBe(11);
    expect(stopped.count).toBe(6);
    expect(Number.isNaN(stopped.mean)).toBe(true);
  });

  it('pushTogether: bit for bit a push of each value of each series (seven series: a group of five and one of two), NaN reported', () => {
    const rng = streamFor(9, 9);
    const columns = Array.from({ length: 7 }, (_, c) => Float64Array.from({ length: 3_000 }, () => (rng.nextFloat() - 0.5) * (c + 1)));
    const together = columns.map(() => new MomentsAccumulator());
    expect(MomentsAccumulator.pushTogether(together, columns, 0, 1_000)).toEqual(Array(7).fill(false));
    MomentsAccumulator.pushTogether(together, columns, 1_000, 3_000);
    columns.forEach((col, c) => {
      const one = new MomentsAccumulator();
      for (const v of col) one.push(v);
      expect([c, one.count, Object.is(one.mean, together[c].mean), Object.is(one.m2, together[c].m2)]).toEqual([c, together[c].count, true, true]);
    });
    columns[5][10] = Number.NaN;
    expect(MomentsAccumulator.pushTogether(columns.map(() => new MomentsAccumulator()), columns, 0, 20)).toEqual([false, false, false, false, false, true, false]);
    expect(() => MomentsAccumulator.pushTogether([new MomentsAccumulator()], columns, 0, 1)).toThrow(RangeError);
  });

  it('follows the NaN rule: too few values or a constant series give NaN, a NaN value poisons the moments', () => {
    const acc = new MomentsAccumulator();
    expect(acc.variance()).toBeNaN();
    acc.push(3);
    expect(acc.variance()).toBeNaN();
    acc.reset();
    for (let i = 0; i < 5; i += 1) acc.pushHigher(2);
    expect(acc.variance()).toBe(0);
    expect(acc.skewness()).toBeNaN();
    expect(acc.kurtosis()).toBeNaN();
    acc.reset();
    for (const v of [1, NaN, 2]) acc.push(v);
    expect(acc.mean).toBeNaN();
    expect(acc.variance()).toBeNaN();
  });

  it('pushSums: batches given by sum and sum of squares merge to the two-pass mean and M2 of all values', () => {
    const rng = streamFor(9, 2);
    // Daily-return-like values: small, mean near 0 (the kernel's use), in batches of 1 to 40.
    const x = Array.from({ length: 3000 }, () => (rng.nextFloat() - 0.49) * 0.04);
    const acc = new MomentsAccumulator();
    acc.pushSums(0, 0, 0); // an empty batch changes nothing
    for (let i = 0; i < x.length;) {
      const count = Math.min(x.length - i, 1 + Math.floor(rng.nextFloat() * 40));
      let sum = 0, squares = 0;
      for (let j = i; j < i + count; j += 1) {
        sum += x[j];
        squares += x[j] * x[j];
      }
      acc.pushSums(count, sum, squares);
      i += count;
    }
    const ref = twoPass(x);
    expect(acc.count).toBe(3000);
    expect(Math.abs(acc.mean - ref.mean)).toBeLessThan(1e-15);
    expect(Math.abs(acc.m2 / ref.m2 - 1)).toBeLessThan(1e-12);
    acc.pushSums(1, NaN, NaN);
    expect(acc.mean).toBeNaN();
  });
});
