import { addMonths, monthsToRows, type MarketData } from '@ratecut/sim-core';
import type { PathWarmUp } from './path-warm-up';

/** True for a weekday (day 0 = 1970-01-01, a Thursday). */
const isWeekday = (d: number): boolean => {
  const wd = (((d + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6;
};

/**
 * The MarketData of one simulated path, for the strategies: the real warm-up rows (closes, cash
 * rate and policy rate as observed), then one row per step of the path, whose closes are the
 * last real close compounded by the path's simple returns `small[t]`, `large[t]` (decimals per
 * step). During the path the policy rate starts at its last observed level and moves by the
 * scenario's monthly change (`monthlyChanges[m]`, percentage points, floored at 0) at the first
 * step of month `m`; idle cash earns it. Path days are synthetic: the weekdays after the last
 * real day (daily paths) or the same day of the following months (monthly paths). The path's
 * start is row `warmUp.days.length − 1`. A new object on every call, so the kernel's per-market
 * caches (growth factors, signals) never see a changed market.
 */
export function pathMarket(warmUp: PathWarmUp, small: Float64Array, large: Float64Array, monthlyChanges: Float64Array): MarketData {
  const lead = warmUp.days.length, steps = small.length, n = lead + steps;
  const monthly = warmUp.periodsPerYear === 12;
  const days = new Int32Array(n), cs = new Float64Array(n), cl = new Float64Array(n), cash = new Float64Array(n), policy = new Float64Array(n);
  days.set(warmUp.days);
  cs.set(warmUp.small);
  cl.set(warmUp.large);
  cash.set(warmUp.cashRate);
  policy.set(warmUp.policyRate);
  const startDay = warmUp.days[lead - 1];
  let d = startDay;
  const rowsPerMonth = monthsToRows(1, warmUp.periodsPerYear);
  let rate = warmUp.policyRate[lead - 1];
  for (let t = 0; t < steps; t += 1) {
    const row = lead + t;
    if (monthly) d = addMonths(startDay, t + 1);
    else do d += 1; while (!isWeekday(d));
    days[row] = d;
    cs[row] = cs[row - 1] * (1 + small[t]);
    cl[row] = cl[row - 1] * (1 + large[t]);
    if (t % rowsPerMonth === 0) {
      const m = t / rowsPerMonth;
      if (m < monthlyChanges.length) rate = Math.max(0, rate + monthlyChanges[m] / 100);
    }
    cash[row] = rate;
    policy[row] = rate;
  }
  return { days, assets: ['small', 'large'], closes: [cs, cl], cashRate: cash, policyRate: policy, periodsPerYear: warmUp.periodsPerYear };
}
