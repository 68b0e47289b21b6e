import { maxDrawdownFromReturns } from '../metrics/max-drawdown';
import { zigguratNormal } from '../random/ziggurat-normal';
import { streamFor } from '../random/xoshiro128';
import {
  pathIndicesInto,
  pathReturnsInto,
  simulateBootstrapPaths,
  type BootstrapFan,
  type BootstrapOptions,
} from './bootstrap';
import { makeJointSource, prepareSource, type JointWindow, type PreparedSource } from './joint-source';
import type { PathOutcomes } from './path-outcomes';

/** Daily-like returns: small = AR(1) with coefficient `phi`, large correlated with it. */
function window(seed: number, n: number, phi = 0.3): JointWindow {
  const rng = streamFor(seed, 0);
  const small = new Float64Array(n), large = new Float64Array(n);
  let e = 0;
  for (let i = 0; i < n; i += 1) {
    e = phi * e + zigguratNormal(rng);
    small[i] = 0.0004 + 0.012 * e;
    large[i] = 0.0003 + 0.008 * (0.7 * e + 0.5 * zigguratNormal(rng));
  }
  return { small, large };
}

function outputs(n: number): PathOutcomes {
  return { smallReturn: new Float64Array(n), largeReturn: new Float64Array(n), smallMaxDrawdown: new Float64Array(n), largeMaxDrawdown: new Float64Array(n) };
}

function run(prepared: PreparedSource, options: BootstrapOptions, fan?: BootstrapFan): PathOutcomes {
  const out = outputs(options.pathCount);
  simulateBootstrapPaths(prepared, options, out, fan);
  return out;
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i += 1) s += x[i];
  return s / x.length;
}

function variance(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i += 1) s += (x[i] - m) ** 2;
  return s / (x.length - 1);
}

function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i += 1) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const log1pAll = (x: Float64Array): Float64Array => x.map((v) => Math.log1p(v));

/** Bitwise equality of two arrays (NaN-safe, distinguishes −0). */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const ONE_SEGMENT = prepareSource(makeJointSource([window(1, 400)], 252));
const THREE_SEGMENTS = prepareSource(makeJointSource([window(2, 150), window(3, 40), window(4, 260)], 252));

describe('simulateBootstrapPaths', () => {
  it.each([
    ['stationary', 'one segment', ONE_SEGMENT],
    ['stationary', 'three segments', THREE_SEGMENTS],
    ['circular', 'three segments', THREE_SEGMENTS],
    ['iid', 'three segments', THREE_SEGMENTS],
  ] as const)('%s bootstrap of %s preserves the sample mean of per-step log returns', (method, _what, prepared) => {
    // Every step draws a row uniformly (blocks start uniformly and wrap inside their segment),
    // so E[sum of log returns over H steps] = H · mean(ln(1 + r)). Check within 4 standard errors.
    const horizon = 100, pathCount = 20_000;
    const out = run(prepared, { method, meanBlock: 10, horizon, seed: 5, firstPath: 0, pathCount });
    for (const [terminal, rows] of [[out.smallReturn, prepared.source.small], [out.largeReturn, prepared.source.large]] as const) {
      const sums = log1pAll(terminal);
      const target = horizon * mean(log1pAll(rows));
      const se = Math.sqrt(variance(sums) / pathCount);
      expect(Math.abs(mean(sums) - target)).toBeLessThan(4 * se);
    }
  });

  it('matches the stationary-bootstrap variance of the mean (Politis and Romano, 1994)', () => {
    // One circular series of n rows, horizon n: n · Var*(mean) =
    // R(0) + 2 Σ_{k=1}^{n−1} [(1 − k/n)(1 − p)^k + (k/n)(1 − p)^{n−k}] R(k),
    // R(k) = (1/n) Σ_i (y_i − ȳ)(y_{i+k} − ȳ) the (non-circular) sample autocovariance of the
    // log returns y, p = 1 / meanBlock. With p = 1 (iid) it is R(0).
    const n = 200, pathCount = 40_000;
    const prepared = prepareSource(makeJointSource([window(6, n, 0.5)], 252));
    for (const [method, meanBlock] of [['stationary', 8], ['stationary', 30], ['iid', 1]] as const) {
      const out = run(prepared, { method, meanBlock, horizon: n, seed: 9, firstPath: 0, pathCount });
      for (const [terminal, rows] of [[out.smallReturn, prepared.source.small], [out.largeReturn, prepared.source.large]] as const) {
        const y = log1pAll(rows), ybar = mean(y);
        const acov = (k: number): number => {
          let s = 0;
          for (let i = 0; i + k < n; i += 1) s += (y[i] - ybar) * (y[i + k] - ybar);
          return s / n;
        };
        const q = 1 - 1 / meanBlock;
        let theory = acov(0);
        for (let k = 1; k < n; k += 1) theory += 2 * ((1 - k / n) * q ** k + (k / n) * q ** (n - k)) * acov(k);
        const simulated = variance(log1pAll(terminal)) / n; // n · Var(sum / n)
        // Relative standard error of a sample variance of near-normal sums: sqrt(2 / pathCount) ≈ 0.7%.
        expect(Math.abs(simulated / theory - 1)).toBeLessThan(0.03);
      }
    }
  });

  it('draws both legs from the same rows, keeping their correlation', () => {
    const prepared = THREE_SEGMENTS, horizon = 200, paths = 500;
    const options = { method: 'stationary', meanBlock: 15, horizon, seed: 3 } as const;
    const small = new Float64Array(horizon * paths), large = new Float64Array(horizon * paths);
    const index = new Int32Array(horizon);
    let mismatches = 0;
    for (let p = 0; p < paths; p += 1) {
      const s = small.subarray(p * horizon, (p + 1) * horizon), l = large.subarray(p * horizon, (p + 1) * horizon);
      pathReturnsInto(prepared, options, p, s, l);
      pathIndicesInto(prepared, options, p, index);
      for (let t = 0; t < horizon; t += 1) {
        if (s[t] !== prepared.source.small[index[t]] || l[t] !== prepared.source.large[index[t]]) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
    const target = correlation(prepared.source.small, prepared.source.large);
    expect(Math.abs(correlation(small, large) - target)).toBeLessThan(0.03);
  });

  it('draws stationary blocks with geometric lengths of mean meanBlock', () => {
    // The first block of each path, with a horizon so long that it is (almost surely, 1 − 2e-13)
    // never cut: a sample of the geometric law P(L = k) = p (1 − p)^(k−1), p = 1/21.
    const prepared = THREE_SEGMENTS, horizon = 600, paths = 20_000, meanBlock = 21, p = 1 / meanBlock;
    const options = { method: 'stationary', meanBlock, horizon, seed: 17 } as const;
    const index = new Int32Array(horizon), starts = new Uint8Array(horizon);
    const lengths = new Float64Array(paths), firstRows = new Float64Array(paths);
    let broken = 0, blocks = 0;
    for (let path = 0; path < paths; path += 1) {
      starts.fill(0);
      blocks += pathIndicesInto(prepared, options, path, index, starts);
      let t = 1;
      while (t < horizon && starts[t] === 0) t += 1;
      lengths[path] = t;
      firstRows[path] = index[0];
      // Inside a block the rows run on, wrapping to the start of the segment.
      for (let u = 1; u < horizon; u += 1) {
        if (starts[u] === 1) continue;
        const s = prepared.segmentOf[index[u - 1]];
        const next = index[u - 1] + 1 === prepared.source.segments[s + 1] ? prepared.source.segments[s] : index[u - 1] + 1;
        if (index[u] !== next) broken += 1;
      }
    }
    expect(broken).toBe(0);
    const se = Math.sqrt((1 - p) / (p * p) / paths);
    expect(Math.abs(mean(lengths) - meanBlock)).toBeLessThan(4 * se);
    const share = (pred: (l: number) => boolean): number => lengths.filter(pred).length / paths;
    for (const [pred, prob] of [[(l: number) => l === 1, p], [(l: number) => l > 42, (1 - p) ** 42], [(l: number) => l <= 10, 1 - (1 - p) ** 10]] as const) {
      expect(Math.abs(share(pred) - prob)).toBeLessThan(4 * Math.sqrt((prob * (1 - prob)) / paths));
    }
    // Expected number of blocks per path ≈ 1 + (horizon − 1) p; block starts uniform over the rows.
    expect(Math.abs(blocks / paths - (1 + (horizon - 1) * p))).toBeLessThan(0.3);
    const n = prepared.length;
    expect(Math.abs(mean(firstRows) - (n - 1) / 2)).toBeLessThan(4 * Math.sqrt((n * n - 1) / 12 / paths));
  });

  it('draws stationary blocks of mean 1 as blocks of exactly one row (p = 1)', () => {
    const prepared = THREE_SEGMENTS, horizon = 50;
    const index = new Int32Array(horizon), starts = new Uint8Array(horizon);
    for (let path = 0; path < 200; path += 1) {
      starts.fill(0);
      expect(pathIndicesInto(prepared, { method: 'stationary', meanBlock: 1, horizon, seed: 4 }, path, index, starts)).toBe(horizon);
      expect(Array.from(starts).every((x) => x === 1)).toBe(true);
    }
    const out = run(prepared, { method: 'stationary', meanBlock: 1, horizon, seed: 4, firstPath: 0, pathCount: 100 });
    expect(out.smallReturn.every(Number.isFinite)).toBe(true);
  });

  it('draws circular blocks of fixed length that wrap inside their segment', () => {
    // A segment shorter than the block: blocks starting there wrap around it.
    const prepared = prepareSource(makeJointSource([window(7, 5), window(8, 50)], 252));
    const horizon = 100, options = { method: 'circular', meanBlock: 7.4, horizon, seed: 2 } as const;
    const index = new Int32Array(horizon), starts = new Uint8Array(horizon);
    let wrapsInShortSegment = 0, wrongStarts = 0, wrongRows = 0;
    for (let path = 0; path < 300; path += 1) {
      starts.fill(0);
      expect(pathIndicesInto(prepared, options, path, index, starts)).toBe(15);
      for (let t = 0; t < horizon; t += 1) if (starts[t] !== (t % 7 === 0 ? 1 : 0)) wrongStarts += 1;
      for (let b = 0; b < horizon; b += 7) {
        const s = prepared.segmentOf[index[b]];
        const lo = prepared.source.segments[s], size = prepared.source.segments[s + 1] - lo;
        for (let t = b + 1; t < Math.min(b + 7, horizon); t += 1) {
          if (index[t] - lo !== (index[t - 1] - lo + 1) % size) wrongRows += 1;
        }
        if (s === 0) wrapsInShortSegment += 1;
      }
    }
    expect(wrongStarts).toBe(0);
    expect(wrongRows).toBe(0);
    expect(wrapsInShortSegment).toBeGreaterThan(100); // about 5/55 of 4,500 blocks
  });

  it('draws iid rows uniformly', () => {
    const prepared = THREE_SEGMENTS, horizon = 250, paths = 200;
    const options = { method: 'iid', meanBlock: 50, horizon, seed: 4 } as const;
    const index = new Int32Array(horizon), starts = new Uint8Array(horizon);
    const counts = new Float64Array(prepared.length);
    for (let path = 0; path < paths; path += 1) {
      expect(pathIndicesInto(prepared, options, path, index, starts)).toBe(horizon);
      for (const i of index) counts[i] += 1;
    }
    expect(starts.every((s) => s === 1)).toBe(true);
    // Chi-square over 9 equal groups of 50 rows.
    const groups = new Float64Array(9);
    counts.forEach((c, i) => (groups[Math.floor(i / 50)] += c));
    const e = (horizon * paths) / 9;
    const chi2 = groups.reduce((s, g) => s + (g - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(26.1); // 99.9% quantile, 8 degrees of freedom
  });

  it('is reproducible from the seed and identical for any split into shards', () => {
    const prepared = THREE_SEGMENTS, horizon = 63, total = 1000, fanPaths = 40;
    const base = { method: 'stationary', meanBlock: 12, horizon, seed: 123 } as const;
    const makeFan = (): BootstrapFan => ({ paths: fanPaths, smallLogWealth: new Float32Array(fanPaths * (horizon + 1)), largeLogWealth: new Float32Array(fanPaths * (horizon + 1)) });
    const fanAll = makeFan();
    const all = run(prepared, { ...base, firstPath: 0, pathCount: total }, fanAll);
    expect(sameBits(all.smallReturn, run(prepared, { ...base, firstPath: 0, pathCount: total }).smallReturn)).toBe(true);
    expect(sameBits(all.smallReturn, run(prepared, { ...base, seed: 124, firstPath: 0, pathCount: total }).smallReturn)).toBe(false);
    // Shards in reverse order into sub-arrays of one buffer, sharing one fan buffer.
    const sharded = outputs(total), fanSharded = makeFan();
    const cuts = [0, 1, 37, 38, 500, 999, 1000];
    for (let c = cuts.length - 2; c >= 0; c -= 1) {
      const from = cuts[c], to = cuts[c + 1];
      const view: PathOutcomes = {
        smallReturn: sharded.smallReturn.subarray(from, to), largeReturn: sharded.largeReturn.subarray(from, to),
        smallMaxDrawdown: sharded.smallMaxDrawdown.subarray(from, to), largeMaxDrawdown: sharded.largeMaxDrawdown.subarray(from, to),
      };
      simulateBootstrapPaths(prepared, { ...base, firstPath: from, pathCount: to - from }, view, fanSharded);
    }
    for (const key of ['smallReturn', 'largeReturn', 'smallMaxDrawdown', 'largeMaxDrawdown'] as const) {
      expect(sameBits(all[key], sharded[key])).toBe(true);
    }
    expect(sameBits(fanAll.smallLogWealth, fanSharded.smallLogWealth)).toBe(true);
    expect(sameBits(fanAll.largeLogWealth, fanSharded.largeLogWealth)).toBe(true);
    // The fan does not change the outcomes; paths far from 0 work too.
    expect(sameBits(all.largeMaxDrawdown, run(prepared, { ...base, firstPath: 0, pathCount: total }).largeMaxDrawdown)).toBe(true);
    const far = run(prepared, { ...base, firstPath: 2 ** 40, pathCount: 3 });
    expect(far.smallReturn.every(Number.isFinite)).toBe(true);
  });

  it('pathReturnsInto regenerates the kernel path: same outcome, same compounded return and drawdown', () => {
    for (const [method, meanBlock] of [['stationary', 21], ['circular', 9], ['iid', 1]] as const) {
      const prepared = THREE_SEGMENTS, horizon = 252;
      const options = { method, meanBlock, horizon, seed: 77, firstPath: 10, pathCount: 50 };
      const out = run(prepared, options);
      const small = new Float64Array(horizon), large = new Float64Array(horizon);
      for (let j = 0; j < options.pathCount; j += 1) {
        const outcome = pathReturnsInto(prepared, options, options.firstPath + j, small, large);
        // Exactly the kernel's numbers...
        expect(outcome.smallReturn).toBe(out.smallReturn[j]);
        expect(outcome.largeReturn).toBe(out.largeReturn[j]);
        expect(outcome.smallMaxDrawdown).toBe(out.smallMaxDrawdown[j]);
        expect(outcome.largeMaxDrawdown).toBe(out.largeMaxDrawdown[j]);
        // ...and, up to rounding, what compounding the returns gives (independent code).
        for (const [r, total, dd] of [[small, out.smallReturn[j], out.smallMaxDrawdown[j]], [large, out.largeReturn[j], out.largeMaxDrawdown[j]]] as const) {
          let w = 1;
          for (const v of r) w *= 1 + v;
          expect(Math.abs(w - 1 - total)).toBeLessThan(1e-13);
          expect(Math.abs(maxDrawdownFromReturns(r).depth - dd)).toBeLessThan(1e-13);
        }
      }
    }
  });

  it('computes the running-peak drawdown with long blocks, wraps and pieces longer than the table', () => {
    // Segments of 1,000 and 30 rows, blocks of mean 400: runs longer than 256 rows combine
    // several table pieces; blocks starting in the short segment wrap many times.
    const prepared = prepareSource(makeJointSource([window(10, 1000, 0.9), window(11, 30, 0.9)], 252));
    const horizon = 1500, options = { method: 'stationary', meanBlock: 400, horizon, seed: 8, firstPath: 0, pathCount: 40 } as const;
    const out = run(prepared, options);
    const small = new Float64Array(horizon), large = new Float64Array(horizon);
    for (let j = 0; j < options.pathCount; j += 1) {
      pathReturnsInto(prepared, options, j, small, large);
      expect(Math.abs(maxDrawdownFromReturns(small).depth - out.smallMaxDrawdown[j])).toBeLessThan(1e-12);
      expect(Math.abs(maxDrawdownFromReturns(large).depth - out.largeMaxDrawdown[j])).toBeLessThan(1e-12);
    }
  });

  it('counts the starting wealth as a peak: falling paths draw down to their end, rising ones not at all', () => {
    const falling = prepareSource(makeJointSource([{ small: Float64Array.from([-0.01, -0.02, -0.005]), large: Float64Array.from([0.01, 0.02, 0]) }], 12));
    const out = run(falling, { method: 'stationary', meanBlock: 2, horizon: 12, seed: 1, firstPath: 0, pathCount: 100 });
    for (let j = 0; j < 100; j += 1) {
      expect(out.smallMaxDrawdown[j]).toBe(out.smallReturn[j]);
      expect(out.smallReturn[j]).toBeLessThan(0);
      expect(out.largeMaxDrawdown[j]).toBe(0);
    }
  });

  it('records fan rows of log wealth that end at the terminal return', () => {
    const prepared = ONE_SEGMENT, horizon = 40;
    const fan: BootstrapFan = { paths: 10, smallLogWealth: new Float32Array(10 * 41), largeLogWealth: new Float32Array(10 * 41) };
    const options = { method: 'stationary', meanBlock: 5, horizon, seed: 31, firstPath: 0, pathCount: 20 } as const;
    const out = run(prepared, options, fan);
    const small = new Float64Array(horizon), large = new Float64Array(horizon);
    for (let p = 0; p < 10; p += 1) {
      pathReturnsInto(prepared, options, p, small, large);
      expect(fan.smallLogWealth[p * 41]).toBe(0);
      let w = 0;
      for (let t = 0; t < horizon; t += 1) {
        w += Math.log1p(small[t]);
        expect(fan.smallLogWealth[p * 41 + t + 1]).toBeCloseTo(w, 6);
      }
      expect(fan.smallLogWealth[p * 41 + horizon]).toBe(Math.fround(Math.log1p(out.smallReturn[p])));
      expect(fan.largeLogWealth[p * 41 + horizon]).toBeCloseTo(Math.log1p(out.largeReturn[p]), 6);
    }
  });

  it('rejects bad arguments', () => {
    const ok: BootstrapOptions = { method: 'stationary', meanBlock: 5, horizon: 10, seed: 1, firstPath: 0, pathCount: 3 };
    const out = outputs(3);
    expect(() => simulateBootstrapPaths(ONE_SEGMENT, ok, out)).not.toThrow();
    const bad: Partial<Record<keyof BootstrapOptions, unknown>>[] = [
      { method: 'block' }, { meanBlock: 0.5 }, { meanBlock: NaN }, { horizon: 0 }, { horizon: 2.5 }, { seed: -1 },
      { firstPath: -1 }, { pathCount: 1.5 }, { pathCount: 4 },
    ];
    for (const change of bad) expect(() => simulateBootstrapPaths(ONE_SEGMENT, { ...ok, ...change } as BootstrapOptions, out)).toThrow(RangeError);
    expect(() => simulateBootstrapPaths(ONE_SEGMENT, { ...ok, method: 'circular', meanBlock: 0 }, out)).toThrow(RangeError);
    expect(() => simulateBootstrapPaths(ONE_SEGMENT, { ...ok, method: 'iid', meanBlock: 0 }, out)).not.toThrow();
    const fan = { paths: 2, smallLogWealth: new Float32Array(21), largeLogWealth: new Float32Array(22) };
    expect(() => simulateBootstrapPaths(ONE_SEGMENT, ok, out, fan)).toThrow(RangeError);
    expect(() => pathReturnsInto(ONE_SEGMENT, ok, 0, new Float64Array(9), new Float64Array(10))).toThrow(RangeError);
    expect(() => pathReturnsInto(ONE_SEGMENT, ok, -1, new Float64Array(10), new Float64Array(10))).toThrow(RangeError);
    expect(() => pathIndicesInto(ONE_SEGMENT, ok, 0, new Int32Array(10), new Uint8Array(9))).toThrow(RangeError);
  });
});
