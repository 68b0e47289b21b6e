import { addMonths, type DayNumber } from '../time/day-number';
import type { EasingCycle } from '../fed/easing-cycle';

/** A replay window around an easing cycle, in calendar months around the anchor cut. */
export interface WindowSpec {
  /** Months before the anchor (e.g. 3) and after it (e.g. 24). */
  readonly beforeMonths: number;
  readonly afterMonths: number;
  /** Anchor at the cycle's first cut (default) or its last cut. */
  readonly anchor: 'first-cut' | 'last-cut';
}

/** Rows of a window in a calendar. `complete` is false when the data end before the window does. */
export interface WindowRows {
  readonly anchorDay: DayNumber;
  readonly startRow: number;
  readonly endRow: number;
  readonly complete: boolean;
}

/**
 * Rows from the first row on or after (anchor − beforeMonths) to the last row on or before
 * (anchor + afterMonths). Null when the data start after the window's start (the cycle is not
 * covered) or the window holds fewer than two rows.
 */
export function cycleWindowRows(days: Int32Array, cycle: EasingCycle, spec: WindowSpec): WindowRows | null {
  const anchorDay = spec.anchor === 'first-cut' ? cycle.firstCut : cycle.lastCut;
  const from = addMonths(anchorDay, -spec.beforeMonths), to = addMonths(anchorDay, spec.afterMonths);
  if (days.length === 0 || days[0] > from) return null;
  let startRow = 0;
  while (startRow < days.length && days[startRow] < from) startRow += 1;
  let endRow = startRow;
  while (endRow + 1 < days.length && days[endRow + 1] <= to) endRow += 1;
  if (endRow - startRow < 1) return null;
  return { anchorDay, startRow, endRow, complete: days[days.length - 1] >= to };
}
