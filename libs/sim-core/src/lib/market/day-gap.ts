import { formatDay, type DayNumber } from '../time/day-number';

/**
 * A hole in a series: no observation strictly between `from` (the last observation before the
 * hole) and `to` (the first observation after it), and `to − from` is more than the series'
 * gap threshold (the loader decides the threshold by sampling frequency; sim-core only
 * consumes the spans). Values inside a gap are unknown, so nothing may be measured across it.
 */
export interface DayGap {
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/**
 * The first gap that a span from `start` to `end` (day numbers, `start <= end`) crosses, or
 * null. A span crosses a gap when it starts on or before the gap's last observation before the
 * hole and ends on or after its first observation after it (`start <= gap.from` and
 * `gap.to <= end`): a return from `start` to `end` would then compound over the unknown days.
 * `gaps` must be in date order; an empty list never crosses.
 */
export function gapCrossed(gaps: readonly DayGap[] | undefined, start: DayNumber, end: DayNumber): DayGap | null {
  if (gaps === undefined) return null;
  for (const g of gaps) {
    if (g.from >= end) break;
    if (start <= g.from && g.to <= end) return g;
  }
  return null;
}

/** `2001-01-02 to 2004-01-05 (1098 calendar days apart)`: a gap in words, for messages. */
export function describeGap(gap: DayGap): string {
  return `${formatDay(gap.from)} to ${formatDay(gap.to)} (${gap.to - gap.from} calendar days apart)`;
}
