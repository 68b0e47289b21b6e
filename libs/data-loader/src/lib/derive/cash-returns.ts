import { cashReturnForDay, indexAtOrBefore, type Series } from '@ratecut/sim-core';

/**
 * Per-period cash returns on a trading calendar: element `i` is the ACT/360 simple interest
 * (see {@link cashReturnForDay}) earned from the close of `tradingDays[i-1]` to the close of
 * `tradingDays[i]`, at the rate known on `tradingDays[i-1]` (the last observation of `rate` on
 * or before it, so no look-ahead); a weekend therefore earns three days at Friday's rate.
 * Element 0 is 0 (no period ends there). A period starting before the first rate observation
 * gives `NaN`. `rate` must be in decimal per year (the loader converts percent);
 * `tradingDays` increasing.
 */
export function cashReturns(rate: Series, tradingDays: Int32Array): Float64Array {
  const out = new Float64Array(tradingDays.length);
  for (let i = 1; i < tradingDays.length; i += 1) {
    const j = indexAtOrBefore(rate.days, tradingDays[i - 1]);
    out[i] = j < 0 ? NaN : cashReturnForDay(rate.values[j], tradingDays[i - 1], tradingDays[i]);
  }
  return out;
}
