/**
 * What holding one asset alone over a range of rows does to a portfolio's return metrics, in
 * O(1) per range: prefix tables over each asset's close-to-close factors. The portfolio kernel
 * uses them to skip the rows between trades of a strategy that holds one asset at a time.
 */
import type { MarketData } from '../market/market-data';
import type { DrawdownTracker } from '../metrics/drawdown-tracker';
import { marketGrowth } from './market-growth';

/** Numbers per row of {@link HoldingTable.sums}. */
const SUMS = 8;
/** Numbers per entry of a level of {@link HoldingTable.levels}. */
const LEVEL = 3;

/**
 * Per asset: the prefix tables of its factors, or null when a factor is not positive and finite
 * (the rows must then be run one by one). Each row's numbers sit together, so a range reads two
 * rows of each table rather than one number from each of many arrays.
 */
export interface HoldingTable {
  /** `Π f[1..t]` (1 at row 0): the growth of a holding from row 0 to row `t`. */
  readonly growth: Float64Array;
  /**
   * Compensated prefix sums (Neumaier) from row 1 to row `t` of `r = f − 1`, `r²`, `e = r − rc`
   * and `e²`: at `t × 8`, each sum then its compensation, in that order.
   */
  readonly sums: Float64Array;
  /**
   * Sparse tables (Bentley, 1980): at level `k`, entry `i` (at `i × 3`) holds the lowest and
   * highest `growth` over rows `i .. i + 2^k)` and the deepest fall within them, `min_t growth[t]
   * / max(growth[i − 1], max_{i ≤ s ≤ t} growth[s])` (a ratio ≤ 1; row 0 counts as its own
   * base). Two halves L, R combine as `min(D(L), min(R) / max(base, max(L)), D(R))`.
   */
  readonly levels: readonly Float64Array[];
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
  const sums = new Float64Array(n * SUMS);
  const terms = new Float64Array(4);
  for (let t = 1; t < n; t += 1) {
    const r = factors[t] - 1, e = r - cashReturns[t];
    terms[0] = r;
    terms[1] = r * r;
    terms[2] = e;
    terms[3] = e * e;
    for (let s = 0; s < 4; s += 1) {
      const at = t * SUMS + 2 * s, before = at - SUMS;
      const x = terms[s], sum = sums[before], next = sum + x;
      sums[at] = next;
      sums[at + 1] = sums[before + 1] + (Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum);
    }
  }
  const first = new Float64Array(n * LEVEL);
  for (let i = 0; i < n; i += 1) {
    first[i * LEVEL] = growth[i];
    first[i * LEVEL + 1] = growth[i];
    first[i * LEVEL + 2] = i === 0 ? 1 : Math.min(1, growth[i] / growth[i - 1]);
  }
  const levels = [first];
  for (let width = 2; width <= n; width *= 2) {
    const half = width / 2, below = levels[levels.length - 1];
    const size = n - width + 1, next = new Float64Array(size * LEVEL);
    for (let i = 0; i < size; i += 1) {
      const l = i * LEVEL, r = (i + half) * LEVEL;
      next[l] = Math.min(below[l], below[r]);
      next[l + 1] = Math.max(below[l + 1], below[r + 1]);
      const peak = Math.max(i === 0 ? growth[0] : growth[i - 1], below[l + 1]);
      next[l + 2] = Math.min(below[l + 2], below[r] / peak, below[r + 2]);
    }
    levels.push(next);
  }
  return { growth, sums, levels };
}

/**
 * Adds to `tracker` (see `DrawdownTracker`) the wealth path `start × growth[t] / growth[from]`
 * for rows `from + 1 .. to`, in O(log(to − from)) steps: the range as consecutive power-of-two
 * blocks, each moving the peak by its highest value and the depth by its lowest against the
 * peak before it and by its own deepest fall. Equal to pushing each value, to rounding.
 */
export function pushHoldingDrawdown(table: HoldingTable, from: number, to: number, start: number, tracker: DrawdownTracker): void {
  const scale = start / table.growth[from];
  let i = from + 1, peak = +tracker.peak, depth = +tracker.depth;
  while (i <= to) {
    const level = 31 - Math.clz32(to - i + 1), block = table.levels[level], at = i * LEVEL;
    depth = Math.min(depth, (scale * block[at]) / peak - 1, block[at + 2] - 1);
    peak = Math.max(peak, scale * block[at + 1]);
    i += 1 << level;
  }
  tracker.peak = peak;
  tracker.depth = depth;
}

/**
 * Writes into `out` what holding the asset of `table` alone does over rows `from + 1 .. to`
 * (`from < to`): `[count, Σ r, Σ r², Σ e, Σ e², growth, lowest, highest]`, with `r` the asset's
 * return and `e = r − rc` the excess over cash each row, `growth` the factor from row `from`'s
 * close to row `to`'s, and `lowest`/`highest` the least and greatest wealth in the range
 * relative to row `from`'s close.
 */
export function holdingRange(table: HoldingTable, from: number, to: number, out: Float64Array): void {
  const g = table.growth, start = g[from], sums = table.sums, a = from * SUMS, b = to * SUMS;
  const level = 31 - Math.clz32(to - from), block = table.levels[level];
  const left = (from + 1) * LEVEL, right = (to - (1 << level) + 1) * LEVEL;
  out[0] = to - from;
  for (let s = 0; s < 4; s += 1) out[1 + s] = sums[b + 2 * s] - sums[a + 2 * s] + (sums[b + 2 * s + 1] - sums[a + 2 * s + 1]);
  out[5] = g[to] / start;
  out[6] = Math.min(block[left], block[right]) / start;
  out[7] = Math.max(block[left + 1], block[right + 1]) / start;
}
