import { parseIsoDay } from '@ratecut/sim-core';

/**
 * Thinning of time series for the report's charts by calendar week, so that the rule follows
 * the data's frequency: daily rows become one point per week, while weekly or monthly rows
 * (at most one row in any week) are all kept.
 */

/** A run of consecutive rows `[first, last]` (inclusive indices) that fall in one calendar week. */
export interface WeekGroup {
  readonly first: number;
  readonly last: number;
}

/**
 * The calendar week of a day number: weeks run Monday to Sunday (ISO 8601), numbered so that
 * the week of Monday 1970-01-05 is 1 (1970-01-01 was a Thursday).
 */
export function calendarWeek(dayNumber: number): number {
  return Math.floor((dayNumber + 3) / 7);
}

/**
 * The rows `from..to` (inclusive indices into ISO `dates`, ascending) grouped by calendar week,
 * in order. Empty when `from > to`.
 */
export function weekGroups(dates: readonly string[], from = 0, to = dates.length - 1): WeekGroup[] {
  const groups: WeekGroup[] = [];
  let first = from, week = NaN;
  for (let i = from; i <= to; i += 1) {
    const w = calendarWeek(parseIsoDay(dates[i]));
    if (i > from && w !== week) { groups.push({ first, last: i - 1 }); first = i; }
    week = w;
  }
  if (from <= to) groups.push({ first, last: to });
  return groups;
}

/**
 * The rows drawn for `from..to`: the last row of each calendar week (so the range's last row is
 * always kept); with weekly or monthly data, every row.
 */
export function weeklyRows(dates: readonly string[], from = 0, to = dates.length - 1): number[] {
  return weekGroups(dates, from, to).map((g) => g.last);
}

/**
 * True when some calendar week of `dates` holds more than one row (daily data), i.e. when
 * {@link weeklyRows} drops rows.
 */
export function thinsRows(dates: readonly string[]): boolean {
  return weekGroups(dates).length < dates.length;
}
