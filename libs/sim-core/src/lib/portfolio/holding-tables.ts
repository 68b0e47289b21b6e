/**
 * What holding one asset alone over a range of rows does to a portfolio's return metrics, in
 * O(1) per range: prefix tables over each asset's close-to-close factors. The portfolio kernel
 * uses them to skip the rows between trades of a strategy that holds one asset at a time.
 */
import type { MarketData } from '../market/market-data';
import type { DrawdownTracker } from '../metrics/drawdown-tracker';
import { marketGrowth } from './market-growth';

/** Per asset: the prefix tables of its factors, or null when a factor is not positive and finite (the rows must then be run one by one). */
export interface HoldingTable {
  /** `Π f[1..t]` (1 at row 0): the growth of a holding from row 0 to row `t`. */
  readonly growth: Float64Array;
  /** Compensated prefix sums (value + compensation, Neumaier) of `r = f − 1`, `r²`, `e = r − rc`, `e²`, from row 1 to `t`. */
  readonly sums: readonly { readonly value: Float64Array; readonly compensation: Float64Array }[];
  /** Sparse tables (Bentley, 1980: level `k` holds the extreme of `growth[i .. i + 2^k)`) of the minimum and maximum. */
  readonly lowest: readonly Float64Array[];
  readonly highest: readonly Float64Array[];
  /**
   * Per level `k` and row `i`, the deepest fall within rows `i .. i + 2^k)`: `min_t growth[t] /
   * max(growth[i − 1], max_{i ≤ s ≤ t} growth[s])` (a ratio ≤ 1; row 0 counts as its own base).
   * Two halves L, R combine as `min(D(L), min(R) / max(base, max(L)), D(R))`.
   */
  readonly deepest: readonly Float64Array[];
}

const cache = new WeakMap<MarketData, readonly (HoldingTable | null)[]>();

/** The {@link HoldingTable} of each asset of `data`, computed on first use (the data must not change afterwards). */
export function holdingTables(data: MarketData): readonly (HoldingTable | null)[] {
  const known = cache.get(data);
  if (known !== undefined) return known;
  const growth = marketGrowth(data);
  const tables = growth.assetFactors.map((f) => holdingTable(f, growth.cashReturns));
  cache.set(data, tables);
  return tables;
}

function holdingTable(factors: Float64Array, cashReturns: Float64Array): HoldingTable | null {
  const n = factors.length;
  for (let t = 1; t < n; t += 1) if (!(factors[t] > 0 && factors[t] < Infinity)) return null;
  const growth = new Float64Array(n);
  growth[0] = 1;
  for (let t = 1; t < n; t += 1) growth[t] = growth[t - 1] * factors[t];
  const sums = [0, 1, 2, 3].map(() => ({ value: new Float64Array(n), compensation: new Float64Array(n) }));
  const terms = new Float64Array(4);
  for (let t = 1; t < n; t += 1) {
    const r = factors[t] - 1, e = r - cashReturns[t];
    terms[0] = r;
    terms[1] = r * r;
    terms[2] = e;
    terms[3] = e * e;
    for (let s = 0; s < 4; s += 1) {
      const { value, compensation } = sums[s];
      const x = terms[s], sum = value[t - 1], next = sum + x;
      value[t] = next;
      compensation[t] = compensation[t - 1] + (Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum);
    }
  }
  const single = new Float64Array(n);
  for (let i = 0; i < n; i += 1) single[i] = i === 0 ? 1 : Math.min(1, growth[i] / growth[i - 1]);
  const lowest = [growth], highest = [growth], deepest = [single];
  for (let width = 2; width <= n; width *= 2) {
    const half = width / 2, lo = lowest[lowest.length - 1], hi = highest[highest.length - 1], dd = deepest[deepest.length - 1];
    const size = n - width + 1, nextLo = new Float64Array(size), nextHi = new Float64Array(size), nextDd = new Float64Array(size);
    for (let i = 0; i < size; i += 1) {
      nextLo[i] = Math.min(lo[i], lo[i + half]);
      nextHi[i] = Math.max(hi[i], hi[i + half]);
      const peak = Math.max(i === 0 ? growth[0] : growth[i - 1], hi[i]);
      nextDd[i] = Math.min(dd[i], lo[i + half] / peak, dd[i + half]);
    }
    lowest.push(nextLo);
    highest.push(nextHi);
    deepest.push(nextDd);
  }
  return { growth, sums, lowest, highest, deepest };
}

/**
 * Adds to `tracker` (see `DrawdownTracker`) the wealth path `start × growth[t] / growth[from]`
 * for rows `from + 1 .. to`, in O(log(to − from)) steps: the range as consecutive power-of-two
 * blocks, each moving the peak by its highest value and the depth by its lowest against the
 * peak before it and by its own deepest fall. Equal to pushing each value, to rounding.
 */
export function pushHoldingDrawdown(table: HoldingTable, from: number, to: number, start: number, tracker: DrawdownTracker): void {
  const scale = start / table.growth[from];
  let i = from + 1;
  while (i <= to) {
    const level = 31 - Math.clz32(to - i + 1);
    const low = scale * table.lowest[level][i], high = scale * table.highest[level][i];
    tracker.depth = Math.min(tracker.depth, low / tracker.peak - 1, table.deepest[level][i] - 1);
    tracker.peak = Math.max(tracker.peak, high);
    i += 1 << level;
  }
}

/** The compensated prefix sum `s` over rows `from + 1 .. to`. */
function rangeSum(table: HoldingTable, s: number, from: number, to: number): number {
  const { value, compensation } = table.sums[s];
  return value[to] - value[from] + (compensation[to] - compensation[from]);
}

/**
 * Writes into `out` what holding the asset of `table` alone does over rows `from + 1 .. to`
 * (`from < to`): `[count, Σ r, Σ r², Σ e, Σ e², growth, lowest, highest]`, with `r` the asset's
 * return and `e = r − rc` the excess over cash each row, `growth` the factor from row `from`'s
 * close to row `to`'s, and `lowest`/`highest` the least and greatest wealth in the range
 * relative to row `from`'s close.
 */
export function holdingRange(table: HoldingTable, from: number, to: number, out: Float64Array): void {
  const g = table.growth, start = g[from];
  const level = 31 - Math.clz32(to - from), right = to - (1 << level) + 1;
  const lo = table.lowest[level], hi = table.highest[level];
  out[0] = to - from;
  out[1] = rangeSum(table, 0, from, to);
  out[2] = rangeSum(table, 1, from, to);
  out[3] = rangeSum(table, 2, from, to);
  out[4] = rangeSum(table, 3, from, to);
  out[5] = g[to] / start;
  out[6] = Math.min(lo[from + 1], lo[right]) / start;
  out[7] = Math.max(hi[from + 1], hi[right]) / start;
}
