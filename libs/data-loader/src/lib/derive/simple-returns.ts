import { makeSeries, type Series } from '@ratecut/sim-core';

/**
 * Simple returns of a price series: r_t = P_t / P_{t-1} - 1, labelled at t (the first
 * observation has no return and is dropped). Consecutive observations are used, so the return
 * labelled t covers the whole span since the previous observation. A zero or non-finite
 * previous price gives `NaN` (never a silent 0). Fewer than two prices give an empty series.
 * The meta becomes kind `return`, unit `decimal per period`; a total-return price series gives
 * total returns.
 */
export function simpleReturns(prices: Series): Series {
  const n = Math.max(0, prices.days.length - 1);
  const days = prices.days.slice(1);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const before = prices.values[i];
    values[i] = before === 0 || !Number.isFinite(before) ? NaN : prices.values[i + 1] / before - 1;
  }
  return makeSeries({ ...prices.meta, kind: 'return', unit: 'decimal per period' }, days, values);
}
