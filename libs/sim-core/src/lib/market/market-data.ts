import type { DayNumber } from '../time/day-number';

/**
 * Everything a backtest may read, on one calendar, as struct-of-arrays. Row `i` is the close
 * of `days[i]` (a trading day for daily data, a month-end for monthly data).
 */
export interface MarketData {
  readonly days: Int32Array;
  /** Asset ids in column order, e.g. `['small', 'large']`. Cash is implicit. */
  readonly assets: readonly string[];
  /** `closes[a][i]`: level of asset `a` at the close of day `i` (a price or total-return index). */
  readonly closes: readonly Float64Array[];
  /** Annual rate (decimal) earned by idle cash, as known at the close of day `i` (ACT/360). */
  readonly cashRate: Float64Array;
  /** Fed policy rate (upper bound, decimal per year) in force on day `i`; NaN where unknown. */
  readonly policyRate: Float64Array;
  /** 252 for trading days, 12 for month-ends. */
  readonly periodsPerYear: number;
}

/** Checks shapes; throws RangeError on a programmer error (mismatched lengths, unsorted days). */
export function checkMarketData(data: MarketData): void {
  const n = data.days.length;
  if (data.closes.length !== data.assets.length) throw new RangeError('one close column per asset expected');
  for (const [a, c] of data.closes.entries()) {
    if (c.length !== n) throw new RangeError(`asset ${data.assets[a]}: ${c.length} closes for ${n} days`);
  }
  if (data.cashRate.length !== n || data.policyRate.length !== n) throw new RangeError('cashRate and policyRate need one value per day');
  for (let i = 1; i < n; i += 1) {
    if (data.days[i] <= data.days[i - 1]) throw new RangeError(`days must increase (row ${i})`);
  }
}

/** Index of the last row on or before `day`, or -1. */
export function rowAtOrBefore(days: Int32Array, day: DayNumber, last = days.length - 1): number {
  let lo = 0, hi = last, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= day) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found;
}
