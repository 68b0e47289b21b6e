import { zigguratNormal } from '../random/ziggurat-normal';
import { streamFor } from '../random/xoshiro128';
import {
  DistributionAccumulator,
  fanPercentilesInto,
  percentileOfSorted,
  probabilityAtLeast,
  probabilityGreater,
  SUMMARY_PERCENTILES,
  summarizeDistribution,
} from './distribution-summary';

const OUTCOMES = Float64Array.from([0.5, -0.1, 1.0, 0.05, -0.3, 0.6, 0, 0.2, 0.4, 0.1]);

describe('percentileOfSorted (Hyndman and Fan type 7)', () => {
  it('interpolates between order statistics like NumPy and R', () => {
    const sorted = Float64Array.from([1, 2, 4, 8]);
    expect(percentileOfSorted(sorted, 0)).toBe(1);
    expect(percentileOfSorted(sorted, 100)).toBe(8);
    expect(percentileOfSorted(sorted, 50)).toBe(3); // h = 1.5
    expect(percentileOfSorted(sorted, 90)).toBeCloseTo(6.8, 12); // h = 2.7
    expect(percentileOfSorted(sorted, 50, 1, 3)).toBe(3);
    expect(percentileOfSorted(Float64Array.from([5]), 37)).toBe(5);
    expect(percentileOfSorted(new Float64Array(0), 50)).toBeNaN();
    expect(() => percentileOfSorted(sorted, 101)).toThrow(RangeError);
    expect(() => percentileOfSorted(sorted, NaN)).toThrow(RangeError);
  });
});

describe('summarizeDistribution', () => {
  it('matches hand-checked values (NumPy percentile, mean, sd with ddof 1)', () => {
    const copy = OUTCOMES.slice();
    const s = summarizeDistribution(OUTCOMES, 0.1);
    expect(OUTCOMES).toEqual(copy); // the input is not sorted in place
    expect(s.count).toBe(10);
    expect(s.percentileLevels).toEqual([1, 5, 10, 25, 50, 75, 90, 95, 99]);
    const expected = [-0.282, -0.21, -0.12, 0.0125, 0.15, 0.475, 0.64, 0.82, 0.964];
    s.percentiles.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(s.mean).toBeCloseTo(0.245, 14);
    expect(s.sd).toBeCloseTo(0.3832970997368317, 14);
    // VaR = −P5, −P1; CVaR = −mean of outcomes at or below them (only −0.3 here).
    expect(s.var95).toBeCloseTo(0.21, 14);
    expect(s.var99).toBeCloseTo(0.282, 14);
    expect(s.cvar95).toBe(0.3);
    expect(s.cvar99).toBe(0.3);
    expect(s.target).toBe(0.1);
    expect(s.probabilityAtLeastTarget).toBe(0.6); // 0.1, 0.2, 0.4, 0.5, 0.6, 1.0
    expect(summarizeDistribution(OUTCOMES, 0, 4, 5).percentiles.every((v) => v === -0.3)).toBe(true);
  });

  it('recovers the normal law: VaR95 = 1.645, CVaR95 = φ(1.645)/0.05 = 2.063', () => {
    const n = 200_000, rng = streamFor(4, 0), x = new Float64Array(n);
    for (let i = 0; i < n; i += 1) x[i] = zigguratNormal(rng);
    const s = summarizeDistribution(x);
    expect(Math.abs(s.var95 - 1.6449)).toBeLessThan(0.02);
    expect(Math.abs(s.cvar95 - 2.0627)).toBeLessThan(0.02);
    expect(Math.abs(s.var99 - 2.3263)).toBeLessThan(0.04);
    expect(Math.abs(s.cvar99 - 2.6652)).toBeLessThan(0.05);
    expect(Math.abs(s.percentiles[SUMMARY_PERCENTILES.indexOf(50)])).toBeLessThan(0.01);
    expect(Math.abs(s.probabilityAtLeastTarget - 0.5)).toBeLessThan(0.005);
  });

  it('gives, bit for bit, what a full sort gives (percentiles, VaR and CVaR), for large samples', () => {
    const rng = streamFor(11, 3);
    const fullSortSummary = (values: Float64Array) => {
      const sorted = values.slice().sort();
      const tailMean = (limit: number): number => {
        // Neumaier (1974) compensated sum of the sorted values <= limit, in ascending order.
        let sum = 0, c = 0, k = 0;
        for (; k < sorted.length && sorted[k] <= limit; k += 1) {
          const v = sorted[k], t = sum + v;
          c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
          sum = t;
        }
        return (sum + c) / k;
      };
      const p5 = percentileOfSorted(sorted, 5), p1 = percentileOfSorted(sorted, 1);
      return { percentiles: SUMMARY_PERCENTILES.map((q) => percentileOfSorted(sorted, q)), var95: -p5, cvar95: -tailMean(p5), var99: -p1, cvar99: -tailMean(p1) };
    };
    for (const draw of [() => Math.expm1(0.25 * zigguratNormal(rng) + 0.05), () => Math.round(zigguratNormal(rng) * 4) / 8, () => -Math.log(1 - rng.nextFloat())]) {
      const values = Float64Array.from({ length: 70_001 }, draw);
      const s = summarizeDistribution(values);
      const e = fullSortSummary(values);
      expect(s.percentiles.every((v, i) => Object.is(v, e.percentiles[i]))).toBe(true);
      for (const k of ['var95', 'cvar95', 'var99', 'cvar99'] as const) expect(Object.is(s[k], e[k])).toBe(true);
    }
  });

  it('gives the same summary, bit for bit, when the outcomes are added chunk by chunk (with or without the histogram)', () => {
    const rng = streamFor(12, 0);
    const values = Float64Array.from({ length: 100_000 }, () => Math.expm1(0.2 * zigguratNormal(rng)));
    const whole = summarizeDistribution(values, 0.1);
    for (const histogram of [true, false]) {
      const acc = new DistributionAccumulator(0.1, histogram);
      for (let first = 0; first < values.length; first += 10_000) acc.add(values.subarray(first, first + 10_000));
      expect(acc.summary(values)).toEqual(whole);
    }
    // Five series added together, block by block, one of them with a NaN: each summary as if added alone.
    const columns = [0, 1, 2, 3, 4].map((c) => Float64Array.from(values, (v) => v * (c + 1) - c / 10));
    columns[3][55_555] = Number.NaN;
    const together = columns.map(() => new DistributionAccumulator(0.1, true));
    for (let first = 0; first < values.length; first += 10_000) DistributionAccumulator.addTogether(together, columns, first, first + 10_000);
    columns.forEach((col, c) => expect(together[c].summary(col)).toEqual(summarizeDistribution(col, 0.1)));
    expect(Number.isNaN(together[3].summary(columns[3]).mean)).toBe(true);
    const short = new DistributionAccumulator(0, true);
    short.add(values, 0, 10);
    expect(() => short.summary(values, 0, 11)).toThrow(RangeError);
  });

  it('counts shares as a plain filter does, and reads order statistics from its own histogram', () => {
    const rng = streamFor(13, 0);
    const a = Float64Array.from({ length: 100_000 }, () => Math.expm1(0.2 * zigguratNormal(rng)));
    const b = Float64Array.from({ length: 100_000 }, () => Math.expm1(0.2 * zigguratNormal(rng)));
    a[17] = 0; // an outcome exactly at the target counts
    for (const histogram of [true, false]) {
      const acc = new DistributionAccumulator(0, histogram);
      for (let first = 0; first < a.length; first += 10_000) DistributionAccumulator.addTogether([acc], [a], first, first + 10_000);
      expect(acc.summary(a).probabilityAtLeastTarget).toBe(a.filter((v) => v >= 0).length / a.length);
      const sorted = a.slice().sort(), ranks = [0, 499, 99_500, 99_999];
      expect(Array.from(acc.valuesAtRanks(a, ranks))).toEqual(ranks.map((r) => sorted[r]));
      expect(() => acc.valuesAtRanks(a, [0], 0, 10)).toThrow(RangeError);
    }
    expect(probabilityGreater(a, b)).toBe(a.filter((v, i) => v > b[i]).length / a.length);
    expect(probabilityAtLeast(a, 0.05)).toBe(a.filter((v) => v >= 0.05).length / a.length);
  });

  it('gives NaN statistics for an empty window or a NaN outcome, sd NaN for one outcome', () => {
    const empty = summarizeDistribution(new Float64Array(0));
    expect(empty.count).toBe(0);
    for (const v of [empty.mean, empty.sd, empty.var95, empty.cvar99, empty.probabilityAtLeastTarget, ...empty.percentiles]) expect(v).toBeNaN();
    const withNaN = summarizeDistribution(Float64Array.from([0.1, NaN, 0.2]));
    for (const v of [withNaN.mean, withNaN.sd, withNaN.var95, withNaN.cvar95, withNaN.probabilityAtLeastTarget, ...withNaN.percentiles]) expect(v).toBeNaN();
    const one = summarizeDistribution(Float64Array.from([0.07]));
    expect(one.mean).toBe(0.07);
    expect(one.sd).toBeNaN();
    expect(one.var95).toBe(-0.07);
    expect(summarizeDistribution(OUTCOMES, NaN).probabilityAtLeastTarget).toBeNaN();
    expect(() => summarizeDistribution(OUTCOMES, 0, 3, 11)).toThrow(RangeError);
  });
});

describe('probabilities', () => {
  it('counts outcomes at or above a target', () => {
    expect(probabilityAtLeast(OUTCOMES, 0)).toBe(0.8);
    expect(probabilityAtLeast(OUTCOMES, 2)).toBe(0);
    expect(probabilityAtLeast(OUTCOMES, 0.5, 0, 3)).toBe(2 / 3);
    expect(probabilityAtLeast(new Float64Array(0), 0)).toBeNaN();
    expect(probabilityAtLeast(Float64Array.from([1, NaN]), 0)).toBeNaN();
  });

  it('compares paired outcomes path by path, ties not counted', () => {
    const a = Float64Array.from([0.1, 0.2, 0.3, 0.4]), b = Float64Array.from([0.0, 0.2, 0.5, -1]);
    expect(probabilityGreater(a, b)).toBe(0.5);
    expect(probabilityGreater(b, a)).toBe(0.25);
    expect(probabilityGreater(a, b, 1, 3)).toBe(0);
    expect(probabilityGreater(a, b, 2, 2)).toBeNaN();
    expect(probabilityGreater(a, Float64Array.from([0, NaN, 0, 0]))).toBeNaN();
    expect(() => probabilityGreater(a, new Float64Array(3))).toThrow(RangeError);
  });
});

describe('fanPercentilesInto', () => {
  it('gives percentiles of simple returns per step', () => {
    // 5 paths × 3 steps of log wealth; step 0 is 0 for all.
    const steps = 3, paths = 5;
    const simple = [[0, 0.1, 0.2], [0, -0.1, -0.3], [0, 0.05, 0.5], [0, 0, 0.1], [0, 0.2, -0.05]];
    const logWealth = new Float32Array(paths * steps);
    simple.forEach((row, p) => row.forEach((r, t) => (logWealth[p * steps + t] = Math.log1p(r))));
    const out = new Float64Array(3 * steps);
    expect(fanPercentilesInto(out, logWealth, paths, steps, [0, 50, 100])).toBe(out);
    const at = (q: number, t: number): number => out[q * steps + t];
    for (let q = 0; q < 3; q += 1) expect(at(q, 0)).toBe(0);
    expect(at(0, 1)).toBeCloseTo(-0.1, 6);
    expect(at(1, 1)).toBeCloseTo(0.05, 6);
    expect(at(2, 1)).toBeCloseTo(0.2, 6);
    expect(at(1, 2)).toBeCloseTo(0.1, 6);
    // 25th percentile of step 2: sorted [-0.3, -0.05, 0.1, 0.2, 0.5], h = 1 -> -0.05
    const q25 = new Float64Array(steps);
    fanPercentilesInto(q25, logWealth, paths, steps, [25]);
    expect(q25[2]).toBeCloseTo(-0.05, 6);
  });

  it('gives percentiles of the difference of two legs per step, not the difference of their percentiles', () => {
    const steps = 2, paths = 4;
    const a = [[0, 0.3], [0, -0.2], [0, 0.1], [0, 0.0]];
    const b = [[0, 0.1], [0, 0.2], [0, -0.1], [0, 0.05]];
    const la = new Float64Array(paths * steps), lb = new Float64Array(paths * steps);
    a.forEach((row, p) => row.forEach((r, t) => (la[p * steps + t] = Math.log1p(r))));
    b.forEach((row, p) => row.forEach((r, t) => (lb[p * steps + t] = Math.log1p(r))));
    const out = new Float64Array(3 * steps);
    fanPercentilesInto(out, la, paths, steps, [0, 50, 100], lb);
    // Differences at step 1: 0.2, -0.4, 0.2, -0.05 -> sorted -0.4, -0.05, 0.2, 0.2 (median h = 1.5 -> 0.075).
    expect([out[1], out[3], out[5]].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-0.4, 0.075, 0.2]);
    // The difference of the medians would be 0.05 - 0.075 = -0.025: not what is asked.
    expect(out[0]).toBe(0);
    expect(() => fanPercentilesInto(out, la, paths, steps, [50], new Float64Array(3))).toThrow(RangeError);
  });

  it('writes NaN for no paths or a NaN column and checks its buffers', () => {
    const out = new Float64Array(2);
    fanPercentilesInto(out, new Float32Array(0), 0, 2, [50]);
    expect(Array.from(out)).toEqual([NaN, NaN]);
    const lw = Float32Array.from([0, NaN, 0, 0.1]);
    fanPercentilesInto(out, lw, 2, 2, [50]);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeNaN();
    expect(() => fanPercentilesInto(new Float64Array(1), lw, 2, 2, [50])).toThrow(RangeError);
    expect(() => fanPercentilesInto(out, lw, 3, 2, [50])).toThrow(RangeError);
    expect(() => fanPercentilesInto(out, lw, 2, 2, [120])).toThrow(RangeError);
  });
});
