import type { MarketData } from '../../market/market-data';
import { trailingReturns } from './momentum-targets';
import { SignalCache } from './signal-cache';
import { ratioIndicator } from './trend-targets';

/** A two-leg market of `rows` rows whose closes follow `f(t)` and `g(t)`. */
function market(rows: number, f: (t: number) => number, g: (t: number) => number): MarketData {
  const rate = new Float64Array(rows).fill(0.02);
  return {
    days: Int32Array.from({ length: rows }, (_, t) => 9000 + t), assets: ['small', 'large'],
    closes: [Float64Array.from({ length: rows }, (_, t) => f(t)), Float64Array.from({ length: rows }, (_, t) => g(t))],
    cashRate: rate, policyRate: rate, periodsPerYear: 252,
  };
}

describe('SignalCache', () => {
  it('computes a series once per market and key', () => {
    const cache = new SignalCache(), data = market(50, (t) => 100 + t, () => 100);
    let made = 0;
    const a = cache.memo(data, 'k', () => { made += 1; return [1]; });
    const b = cache.memo(data, 'k', () => { made += 1; return [2]; });
    expect(a).toBe(b);
    expect(made).toBe(1);
  });

  it('offers the previous market\'s series to the same key, and the series computed into it are those of a fresh cache', () => {
    const cache = new SignalCache();
    const first = market(300, (t) => 100 * Math.exp(0.001 * t), (t) => 50 + Math.sin(t / 7));
    const second = market(300, (t) => 80 + Math.cos(t / 5), (t) => 60 * Math.exp(-0.0005 * t));
    const before = trailingReturns(first, 21, cache).small, ratioBefore = ratioIndicator(first, 'sma', [10], cache);
    const after = trailingReturns(second, 21, cache).small, ratioAfter = ratioIndicator(second, 'sma', [10], cache);
    expect(after).toBe(before); // the same array, overwritten
    expect(ratioAfter).toBe(ratioBefore);
    expect(Array.from(after)).toEqual(Array.from(trailingReturns(second, 21).small));
    expect(Array.from(ratioAfter)).toEqual(Array.from(ratioIndicator(second, 'sma', [10])));
    // A market of another length gets new arrays.
    const third = market(200, (t) => 90 + t, () => 70);
    expect(trailingReturns(third, 21, cache).small.length).toBe(200);
  });

  it('offers nothing to another key', () => {
    const cache = new SignalCache();
    cache.memo(market(10, () => 1, () => 1), 'a', () => new Float64Array(10));
    let offered: unknown = 'unset';
    cache.memo(market(10, () => 2, () => 2), 'b', (recycled?: Float64Array) => { offered = recycled; return new Float64Array(10); });
    expect(offered).toBeUndefined();
  });
});
