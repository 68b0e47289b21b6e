import { streamFor } from '../random/xoshiro128';
import { DrawdownTracker, drawdownDepthStep, drawdownPeakStep } from './drawdown-tracker';
import { maxDrawdown, maxDrawdownFromReturns } from './max-drawdown';

/** Independent O(n²) maximum drawdown: for every pair s <= t, W_t / W_s − 1, with `first` as a peak before the path. */
function naiveDepth(wealth: readonly number[], first: number): number {
  let worst = 0;
  for (let t = 0; t < wealth.length; t += 1) {
    let best = first;
    for (let s = 0; s <= t; s += 1) best = Math.max(best, wealth[s]);
    worst = Math.min(worst, wealth[t] / best - 1);
  }
  return worst;
}

/** A random wealth path of `n` months with returns in about ±15%. */
function randomPath(seed: number, n: number): number[] {
  const rng = streamFor(seed, 0);
  const w: number[] = [];
  let v = 1;
  for (let i = 0; i < n; i += 1) {
    v *= 1 + 0.3 * (rng.nextFloat() - 0.5);
    w.push(v);
  }
  return w;
}

describe('DrawdownTracker', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('matches an O(n²) scan of every peak-trough pair (path %p)', (seed) => {
    const w = randomPath(seed, 60 + seed * 13);
    const tracker = new DrawdownTracker();
    for (const v of w) tracker.push(v);
    expect(tracker.depth).toBeCloseTo(naiveDepth(w, 1), 14);
    expect(tracker.peak).toBe(Math.max(1, ...w));
  });

  it('counts the first peak: a first-period loss is a drawdown, a path that never falls has depth 0', () => {
    const t = new DrawdownTracker();
    t.push(0.9);
    expect(t.depth).toBeCloseTo(-0.1, 15);
    t.reset(100);
    for (const v of [100, 101, 105, 105, 110]) t.push(v);
    expect(t.depth).toBe(0);
    expect(t.peak).toBe(110);
  });

  it('gives exactly the depth of maxDrawdown and maxDrawdownFromReturns', () => {
    const w = randomPath(21, 250);
    const returns = Float64Array.from(w, (v, i) => v / (i === 0 ? 1 : w[i - 1]) - 1);
    const t = new DrawdownTracker();
    let wealth = 1;
    for (const r of returns) {
      wealth *= 1 + r;
      t.push(wealth);
    }
    expect(t.depth).toBe(maxDrawdownFromReturns(returns).depth);
    const e = new DrawdownTracker(w[0]);
    for (const v of w) e.push(v);
    expect(e.depth).toBe(maxDrawdown(Float64Array.from(w)).depth);
  });

  it('is the two step functions, and keeping the lowest ratio then subtracting 1 gives the same bits', () => {
    const w = randomPath(33, 500);
    const t = new DrawdownTracker();
    let peak = 1, depth = 0, low = 1;
    for (const v of w) {
      t.push(v);
      peak = drawdownPeakStep(peak, v);
      depth = drawdownDepthStep(depth, peak, v);
      low = Math.min(low, v / peak);
    }
    expect(depth).toBe(t.depth);
    expect(low - 1).toBe(t.depth);
  });

  it('makes the depth NaN from a NaN or infinite value on (the degenerate-input rule)', () => {
    const t = new DrawdownTracker();
    t.push(0.8);
    t.push(NaN);
    t.push(0.5);
    expect(t.depth).toBeNaN();
    const u = new DrawdownTracker();
    u.push(Infinity);
    expect(u.depth).toBeNaN();
  });
});
