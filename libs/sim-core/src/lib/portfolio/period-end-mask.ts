import { monthIndex } from '../time/day-number';

/** Calendar periods whose last row a schedule trades on. */
export type CalendarPeriod = 'week' | 'month';

const week = (d: number): number => Math.floor((d + 3) / 7); // weeks start on Monday (1970-01-05 was a Monday)

const cache = new WeakMap<Int32Array, Partial<Record<CalendarPeriod, Uint8Array>>>();
const nextCache = new WeakMap<Uint8Array, Int32Array>();

/**
 * Per row of `days`, 1 when it is the last row of its calendar week (Monday to Sunday) or month
 * by the data's calendar (the next row falls in another period, or there is no next row), else
 * 0: the rows on which the `weekly` and `month-end` schedules submit (see `atWeekEnd`,
 * `atMonthEnd`). Uses the calendar only, which is known in advance. Computed once per days
 * array and period, then shared (do not modify the result).
 */
export function periodEndMask(days: Int32Array, period: CalendarPeriod): Uint8Array {
  let known = cache.get(days);
  if (known === undefined) {
    known = {};
    cache.set(days, known);
  }
  const found = known[period];
  if (found !== undefined) return found;
  const n = days.length, mask = new Uint8Array(n);
  const of = period === 'week' ? week : monthIndex;
  for (let t = 0; t < n; t += 1) mask[t] = t === n - 1 || of(days[t + 1]) !== of(days[t]) ? 1 : 0;
  known[period] = mask;
  return mask;
}

/**
 * Per row `t` of a {@link periodEndMask}, the first row `>= t` that ends its period (every mask
 * ends with one), so that a loop can go from one period's end to the next without reading the
 * rows between. Computed once per mask, then shared (do not modify the result).
 */
export function nextPeriodEnds(mask: Uint8Array): Int32Array {
  const found = nextCache.get(mask);
  if (found !== undefined) return found;
  const n = mask.length, next = new Int32Array(n);
  let end = n;
  for (let t = n - 1; t >= 0; t -= 1) {
    if (mask[t] !== 0) end = t;
    next[t] = end;
  }
  nextCache.set(mask, next);
  return next;
}
