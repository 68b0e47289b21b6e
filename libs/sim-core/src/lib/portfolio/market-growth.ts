import type { MarketData } from '../market/market-data';
import { cashReturnForDay } from './cash-return-for-day';

/**
 * Per row of a market, what a position and idle cash grow by from the previous close: each
 * asset's `close[t] / close[t − 1]`, the cash return `cashReturnForDay(cashRate[t − 1],
 * days[t − 1], days[t])` (ACT/360 on the rate known at the previous close) and `1 + ` it; NaN at
 * row 0. The numbers the engine computes row by row, computed by a kernel once per market it runs
 * on (the data must not change afterwards). Markets with the same cash-rate array and days (the
 * simulated paths of a run) share the cash part.
 */
export interface MarketGrowth {
  readonly assetFactors: readonly Float64Array[];
  /** Per asset, 1 when every factor from row 1 on is positive and finite (a holding of it never ends worthless or infinite), else 0. */
  readonly positive: Uint8Array;
  readonly cashReturns: Float64Array;
  readonly cashFactors: Float64Array;
}

/**
 * The cash part by the cash-rate array and the days it was computed with: markets that share
 * their calendar and rates (the simulated paths of a run) share it too.
 */
const cashCache = new WeakMap<Float64Array, { readonly days: Int32Array; readonly cashReturns: Float64Array; readonly cashFactors: Float64Array }>();

/**
 * The {@link MarketGrowth} of `data`, computed now (callers keep it: a kernel for its market,
 * prefix tables per market). With `reuse` (the growth of another market of the same shape that
 * nothing reads any more), its asset arrays are overwritten instead of new ones allocated (a
 * kernel running market after market: simulated paths). With `fromRow`, the asset factors are
 * computed from that row on only (and `positive` speaks of those rows): the earlier ones are
 * left as they were, for a caller that reads no earlier row (a run continued from a checkpoint).
 * The cash part is kept per cash-rate array and shared.
 */
export function marketGrowth(data: MarketData, reuse?: MarketGrowth, fromRow = 1): MarketGrowth {
  const n = data.days.length, days = data.days, rate = data.cashRate;
  const positive = reuse !== undefined && reuse.positive.length === data.closes.length ? reuse.positive : new Uint8Array(data.closes.length);
  const assetFactors = data.closes.map((c, a) => {
    const old = reuse?.assetFactors[a];
    const f = old !== undefined && old.length === n ? old : new Float64Array(n);
    f[0] = NaN;
    let bad = 0;
    for (let t = Math.max(1, fromRow); t < n; t += 1) {
      const x = c[t] / c[t - 1];
      f[t] = x;
      bad |= +!(x > 0 && x < Infinity);
    }
    positive[a] = bad === 0 ? 1 : 0;
    return f;
  });
  let cash = cashCache.get(rate);
  if (cash === undefined || cash.days !== days) {
    const cashReturns = new Float64Array(n), cashFactors = new Float64Array(n);
    cashReturns[0] = NaN;
    cashFactors[0] = NaN;
    for (let t = 1; t < n; t += 1) {
      const rc = cashReturnForDay(rate[t - 1], days[t - 1], days[t]);
      cashReturns[t] = rc;
      cashFactors[t] = 1 + rc;
    }
    cash = { days, cashReturns, cashFactors };
    cashCache.set(rate, cash);
  }
  return { assetFactors, positive, cashReturns: cash.cashReturns, cashFactors: cash.cashFactors };
}
