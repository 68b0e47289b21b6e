import { dayFromYmd, monthStart, ymdFromDay, type DayGap, type PolicyRateBasis, type PolicyRateHistory, type Series } from '@ratecut/sim-core';
import { findGapSpans } from '../validation/find-gaps';
import { defaultGapDays } from '../validation/gap-threshold';

/** The FOMC target's three columns, as loaded (decimals per year, every calendar day). */
export interface TargetSeries {
  readonly lower: Series;
  readonly upper: Series;
  readonly mid: Series;
}

/**
 * Builds the policy-rate history:
 * 1. From the first day of the FOMC target series on: the target, point (lower = upper) until
 *    2008-12-15 and the range after, one level per change.
 * 2. Before it, when `effective` (DFF, every calendar day) is given: the calendar-month average
 *    of the effective rate for each complete month that ends before the target begins, dated at
 *    the first day of its month (`effective-proxy`). FRED has no target before 1982-09-27, and
 *    the Fed did not announce one; the monthly average is the usual stand-in, noisier than a target.
 *
 * Holes in either source longer than `defaultGapDays` of its frequency (4 calendar days for
 * these every-day series) become `gaps` of the history, so that cycle detection never sees a
 * move across them: a hole in the target as the last and first target day around it, a hole in
 * the effective rate as the first days of the months of the proxy levels around it.
 */
export function policyRateFromSeries(target: TargetSeries, effective?: Series): PolicyRateHistory {
  const days: number[] = [], lower: number[] = [], upper: number[] = [], mid: number[] = [];
  const basis: PolicyRateBasis[] = [];
  const push = (day: number, lo: number, up: number, md: number, b: PolicyRateBasis): void => {
    const n = upper.length;
    if (n > 0 && upper[n - 1] === up && lower[n - 1] === lo) return;
    days.push(day); lower.push(lo); upper.push(up); mid.push(md); basis.push(b);
  };

  const targetStart = target.upper.days.length > 0 ? target.upper.days[0] : Infinity;
  if (effective) {
    let monthKey = -1, sum = 0, count = 0, first = 0;
    const flush = (): void => {
      if (count === 0) return;
      const [y, m] = ymdFromDay(first);
      const nextMonth = m === 12 ? dayFromYmd(y + 1, 1, 1) : dayFromYmd(y, m + 1, 1);
      if (nextMonth <= targetStart) {
        const avg = Math.round((sum / count) * 1e6) / 1e6;
        push(dayFromYmd(y, m, 1), avg, avg, avg, 'effective-proxy');
      }
    };
    for (let i = 0; i < effective.days.length && effective.days[i] < targetStart; i += 1) {
      const [y, m] = ymdFromDay(effective.days[i]);
      const key = y * 12 + m;
      if (key !== monthKey) { flush(); monthKey = key; sum = 0; count = 0; first = effective.days[i]; }
      sum += effective.values[i];
      count += 1;
    }
    flush();
  }

  const { lower: lo, upper: up, mid: md } = target;
  if (lo.days.length !== up.days.length || md.days.length !== up.days.length) {
    throw new RangeError('target lower, upper and mid must have the same days');
  }
  for (let i = 0; i < up.days.length; i += 1) {
    const b: PolicyRateBasis = lo.values[i] === up.values[i] ? 'target-point' : 'target-range';
    // Round to 1e-6 (0.0001 bp) so that decimal conversion noise never looks like a move.
    const r = (x: number): number => Math.round(x * 1e6) / 1e6;
    push(up.days[i], r(lo.values[i]), r(up.values[i]), r(md.values[i]), b);
  }

  const gaps: DayGap[] = [];
  if (effective) {
    for (const g of findGapSpans(effective.days, defaultGapDays(effective.meta.frequency))) {
      const from = monthStart(g.from), to = Math.min(monthStart(g.to), targetStart);
      if (g.from < targetStart && to > from) gaps.push({ from, to });
    }
  }
  gaps.push(...findGapSpans(up.days, defaultGapDays(up.meta.frequency)));

  const lastDay = up.days.length > 0 ? up.days[up.days.length - 1] : effective ? effective.days[effective.days.length - 1] : 0;
  return {
    days: Int32Array.from(days),
    lower: Float64Array.from(lower),
    upper: Float64Array.from(upper),
    mid: Float64Array.from(mid),
    basis,
    lastDay,
    ...(gaps.length > 0 ? { gaps } : {}),
  };
}
