import { addMonths, monthsToRows, type MarketData } from '@ratecut/sim-core';
import type { PathWarmUp } from './path-warm-up';

/** True for a weekday (day 0 = 1970-01-01, a Thursday). */
const isWeekday = (d: number): boolean => {
  const wd = (((d + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6;
};

/**
 * The calendar and rates every path of a run shares: the real warm-up rows' days, cash rate and
 * policy rate, then one row per step of the path. During the path the policy rate starts at its
 * last observed level and moves by the scenario's monthly change (`monthlyChanges[m]`,
 * percentage points, floored at 0) at the first step of month `m`; idle cash earns it. Path days
 * are synthetic: the weekdays after the last real day (daily paths) or the same day of the
 * following months (monthly paths). Made once per run and shared by its paths' markets (never
 * modified), so calendar-keyed caches (the month-end mask) serve every path.
 */
export interface PathCalendar {
  readonly days: Int32Array;
  readonly cashRate: Float64Array;
  readonly policyRate: Float64Array;
}

/** The {@link PathCalendar} of paths of `steps` steps after `warmUp`. */
export function pathCalendar(warmUp: PathWarmUp, steps: number, monthlyChanges: Float64Array): PathCalendar {
  const lead = warmUp.days.length, n = lead + steps;
  const monthly = warmUp.periodsPerYear === 12;
  const days = new Int32Array(n), cash = new Float64Array(n), policy = new Float64Array(n);
  days.set(warmUp.days);
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
    if (t % rowsPerMonth === 0) {
      const m = t / rowsPerMonth;
      if (m < monthlyChanges.length) rate = Math.max(0, rate + monthlyChanges[m] / 100);
    }
    cash[row] = rate;
    policy[row] = rate;
  }
  return { days, cashRate: cash, policyRate: policy };
}

/**
 * The MarketData of one simulated path, for the strategies: the run's {@link PathCalendar}, and
 * closes that are the real warm-up closes, then the last real close compounded by the path's
 * simple returns `small[t]`, `large[t]` (decimals per step). The path's start is row
 * `warmUp.days.length − 1`. A new object on every call, so the per-market caches keyed by the
 * object (growth factors, signals) never see a changed market. With `reuse` (the closes of a
 * previous path's market that nothing reads any more), its arrays are overwritten instead of
 * new ones allocated.
 */
export function pathMarket(
  warmUp: PathWarmUp, calendar: PathCalendar, small: Float64Array, large: Float64Array, reuse?: readonly Float64Array[],
): MarketData {
  const lead = warmUp.days.length, steps = small.length, n = lead + steps;
  if (calendar.days.length !== n) throw new RangeError(`pathMarket: a calendar of ${calendar.days.length} rows for ${n}`);
  const fits = reuse !== undefined && reuse.length === 2 && reuse[0].length === n && reuse[1].length === n;
  const cs = fits ? reuse[0] : new Float64Array(n), cl = fits ? reuse[1] : new Float64Array(n);
  cs.set(warmUp.small);
  cl.set(warmUp.large);
  for (let t = 0; t < steps; t += 1) {
    const row = lead + t;
    cs[row] = cs[row - 1] * (1 + small[t]);
    cl[row] = cl[row - 1] * (1 + large[t]);
  }
  return { days: calendar.days, assets: ['small', 'large'], closes: [cs, cl], cashRate: calendar.cashRate, policyRate: calendar.policyRate, periodsPerYear: warmUp.periodsPerYear };
}
