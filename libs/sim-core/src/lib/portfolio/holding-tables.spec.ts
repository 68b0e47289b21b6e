import type { MarketData } from '../market/market-data';
import { DrawdownTracker } from '../metrics/drawdown-tracker';
import { streamFor } from '../random/xoshiro128';
import { cashReturnForDay } from './cash-return-for-day';
import { holdingRange, holdingTables, pushHoldingDrawdown } from './holding-tables';

/** A random two-asset market of `rows` weekdays with a wandering cash rate. */
function market(seed: number, rows: number): MarketData {
  const rng = streamFor(seed, 3);
  const days = Int32Array.from({ length: rows }, (_, i) => 7000 + i + 2 * Math.floor(i / 5));
  const closes = [new Float64Array(rows), new Float64Array(rows)];
  const level = [100, 50];
  const cashRate = new Float64Array(rows);
  for (let t = 0; t < rows; t += 1) {
    for (let a = 0; a < 2; a += 1) {
      level[a] *= 1 + (rng.nextFloat() - 0.495) * 0.05;
      closes[a][t] = level[a];
    }
    cashRate[t] = 0.02 + rng.nextFloat() * 0.01;
  }
  return { days, assets: ['a', 'b'], closes, cashRate, policyRate: cashRate, periodsPerYear: 252 };
}

describe('holdingTables', () => {
  const data = market(5, 700);
  const tables = holdingTables(data);

  it('gives a range\'s count, sums, growth and extremes as a direct loop over its rows does', () => {
    const rng = streamFor(6, 4), out = new Float64Array(8);
    for (let trial = 0; trial < 400; trial += 1) {
      const a = trial % 2, closes = data.closes[a];
      const from = Math.floor(rng.nextFloat() * 690), to = from + 1 + Math.floor(rng.nextFloat() * (699 - from));
      holdingRange(tables[a] ?? fail('no table'), from, to, out);
      let sr = 0, sr2 = 0, se = 0, se2 = 0, w = 1, lo = Infinity, hi = -Infinity;
      for (let t = from + 1; t <= to; t += 1) {
        const r = closes[t] / closes[t - 1] - 1, e = r - cashReturnForDay(data.cashRate[t - 1], data.days[t - 1], data.days[t]);
        sr += r; sr2 += r * r; se += e; se2 += e * e;
        w *= 1 + r;
        lo = Math.min(lo, w);
        hi = Math.max(hi, w);
      }
      const want = [to - from, sr, sr2, se, se2, w, lo, hi];
      want.forEach((v, i) => expect(Math.abs(out[i] - v)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(v))));
    }
  });

  it('adds a range\'s drawdown to a tracker as pushing each wealth value does', () => {
    const rng = streamFor(7, 4);
    for (let trial = 0; trial < 400; trial += 1) {
      const a = trial % 2, closes = data.closes[a], table = tables[a] ?? fail('no table');
      const from = Math.floor(rng.nextFloat() * 690), to = from + 1 + Math.floor(rng.nextFloat() * (699 - from));
      // A tracker already part-way through a path: a peak above or below the range's start.
      const start = 1 + rng.nextFloat(), peak = start * (1 + rng.nextFloat() * 0.5 - 0.1), depth = -rng.nextFloat() * 0.2;
      const quick = new DrawdownTracker(Math.max(peak, start)), slow = new DrawdownTracker(Math.max(peak, start));
      quick.depth = slow.depth = depth;
      pushHoldingDrawdown(table, from, to, start, quick);
      for (let t = from + 1; t <= to; t += 1) slow.push(start * (closes[t] / closes[from]));
      expect(Math.abs(quick.depth - slow.depth)).toBeLessThan(1e-13);
      expect(Math.abs(quick.peak / slow.peak - 1)).toBeLessThan(1e-13);
    }
  });

  it('has no table for an asset with a close that is not positive (its rows are run one by one)', () => {
    const bad = market(8, 50);
    (bad.closes[1] as Float64Array)[20] = 0;
    const t = holdingTables(bad);
    expect(t[0]).not.toBeNull();
    expect(t[1]).toBeNull();
  });
});

function fail(message: string): never {
  throw new Error(message);
}
