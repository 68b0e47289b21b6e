import { fitRateSensitivity, type RateSensitivityFit } from '../estimation/rate-sensitivity-fit';
import { zigguratNormal } from '../random/ziggurat-normal';
import { streamFor } from '../random/xoshiro128';
import { rateSensitivityPathInto, simulateRateSensitivityPaths } from './rate-sensitivity';
import type { PathOutcomes } from './path-outcomes';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

function outputs(n: number): PathOutcomes {
  return { smallReturn: new Float64Array(n), largeReturn: new Float64Array(n), smallMaxDrawdown: new Float64Array(n), largeMaxDrawdown: new Float64Array(n) };
}

/** A fit with the given line and residuals (the other fields do not enter the simulation). */
function line(intercept: number, slope: number, residuals: Float64Array): RateSensitivityFit {
  return { ...fitRateSensitivity(f(0, 1, 2), f(0, 1, 3)), intercept, slope, residuals, n: residuals.length };
}

describe('simulateRateSensitivityPaths', () => {
  const cut = f(-0.25, -0.25, -0.25, 0, 0, 0, 0.5, 0, 0, 0, 0, 0);

  it('reproduces a + b·Δrate compounding exactly when the residuals are zero', () => {
    const zeros = new Float64Array(40);
    const model = { small: line(0.004, -0.05, zeros), large: line(0.006, -0.02, zeros) };
    const out = outputs(10);
    simulateRateSensitivityPaths(model, cut, { horizon: 12, seed: 1, firstPath: 0, pathCount: 10 }, out);
    const expected = (a: number, b: number): [number, number] => {
      let w = 1, peak = 1, dd = 0;
      for (const dr of cut) {
        w *= 1 + (a + b * dr + 0);
        peak = Math.max(peak, w);
        dd = Math.min(dd, w / peak - 1);
      }
      return [w - 1, dd];
    };
    const [rs, dds] = expected(0.004, -0.05), [rl, ddl] = expected(0.006, -0.02);
    // Month 7 (+50 bp) costs the small leg 2.1%: a drawdown of −2.1%.
    expect(dds).toBeCloseTo(0.004 - 0.025, 15);
    for (let j = 0; j < 10; j += 1) {
      expect(out.smallReturn[j]).toBe(rs);
      expect(out.largeReturn[j]).toBe(rl);
      expect(out.smallMaxDrawdown[j]).toBe(dds);
      expect(out.largeMaxDrawdown[j]).toBe(ddl);
    }
  });

  it('bootstraps the same residual index for both legs, uniformly', () => {
    const count = 8;
    const idx = new Float64Array(count).map((_, i) => i / 1000);
    const model = { small: line(0, 0, idx), large: line(0, 0, idx.map((e) => -2 * e)) };
    const n = 40_000;
    const out = outputs(n);
    simulateRateSensitivityPaths(model, f(0), { horizon: 1, seed: 8, firstPath: 0, pathCount: n }, out);
    const hits = new Array<number>(count).fill(0);
    let unpaired = 0;
    for (let j = 0; j < n; j += 1) {
      hits[Math.round(out.smallReturn[j] * 1000)] += 1;
      if (Math.abs(out.largeReturn[j] + 2 * out.smallReturn[j]) > 1e-15) unpaired += 1;
    }
    expect(unpaired).toBe(0);
    // Each index has probability 1/8: 5,000 ± 66 hits.
    for (const h of hits) expect(Math.abs(h - n / count)).toBeLessThan(330);
  });

  it('is deterministic, invariant to sharding, and regenerates paths', () => {
    const rng = streamFor(2, 0);
    const es = new Float64Array(60).map(() => 0.05 * zigguratNormal(rng));
    const el = es.map((e) => 0.7 * e + 0.02 * zigguratNormal(rng));
    const model = { small: line(0.008, -0.04, es), large: line(0.007, -0.01, el) };
    const opts = { horizon: 12, seed: 99, firstPath: 0, pathCount: 500 };
    const whole = outputs(500), again = outputs(500), a = outputs(200), b = outputs(300);
    simulateRateSensitivityPaths(model, cut, opts, whole);
    simulateRateSensitivityPaths(model, cut, opts, again);
    simulateRateSensitivityPaths(model, cut, { ...opts, pathCount: 200 }, a);
    simulateRateSensitivityPaths(model, cut, { ...opts, firstPath: 200, pathCount: 300 }, b);
    expect(again).toEqual(whole);
    for (const key of ['smallReturn', 'largeReturn', 'smallMaxDrawdown', 'largeMaxDrawdown'] as const) {
      expect(whole[key].subarray(0, 200)).toEqual(a[key]);
      expect(whole[key].subarray(200)).toEqual(b[key]);
    }
    const s = new Float64Array(12), l = new Float64Array(12);
    rateSensitivityPathInto(model, cut, opts, 321, s, l);
    expect(s.reduce((w, r) => w * (1 + r), 1) - 1).toBe(whole.smallReturn[321]);
    expect(l.reduce((w, r) => w * (1 + r), 1) - 1).toBe(whole.largeReturn[321]);
    // Each month is a + b·Δrate + one of the fitted residuals.
    for (let m = 0; m < 12; m += 1) expect(es.some((e) => Math.abs(0.008 - 0.04 * cut[m] + e - s[m]) < 1e-15)).toBe(true);
  });

  it('writes NaN for a degenerate fit and throws for programmer errors', () => {
    const zeros = new Float64Array(5);
    const good = line(0.01, -0.02, zeros);
    const out = outputs(3);
    const opts = { horizon: 12, seed: 1, firstPath: 0, pathCount: 3 };
    simulateRateSensitivityPaths({ small: fitRateSensitivity(f(1, 2), f(0, 1)), large: line(0, 0, new Float64Array(2)) }, cut, opts, out);
    expect(Array.from(out.smallMaxDrawdown).every(Number.isNaN)).toBe(true);
    expect(Array.from(out.largeReturn).every(Number.isNaN)).toBe(true);
    expect(() => simulateRateSensitivityPaths({ small: good, large: line(0, 0, new Float64Array(4)) }, cut, opts, out)).toThrow(RangeError);
    expect(() => simulateRateSensitivityPaths({ small: good, large: good }, cut.subarray(0, 11), opts, out)).toThrow(RangeError);
    expect(() => simulateRateSensitivityPaths({ small: good, large: good }, cut, { ...opts, pathCount: 4 }, out)).toThrow(RangeError);
  });
});
