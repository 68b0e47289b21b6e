import { monthIndex, type DayNumber } from '../time/day-number';

/**
 * An NBER business cycle: `peak` is the month of the peak (the last month of the expansion),
 * `trough` the month of the trough (the last month of the recession). Both as day numbers of
 * any day inside the month (loaders use the first day).
 */
export interface BusinessCycle {
  readonly peak: DayNumber;
  readonly trough: DayNumber;
}

/** Why a cycle is classed as a recession cycle. */
export type RecessionReason = 'in-recession' | 'peak-within-window';

export interface RecessionClass {
  readonly recession: boolean;
  readonly reason: RecessionReason | null;
  /** The NBER peak that made it a recession cycle, or null. */
  readonly peak: DayNumber | null;
}

/**
 * The default recession window, in calendar months: a cycle whose first cut comes up to 12
 * months before an NBER peak is labelled a recession cycle (`peak-within-window`). The one
 * definition of this default; every loader and command takes it from here.
 */
export const DEFAULT_RECESSION_WINDOW_MONTHS = 12;

/**
 * Classifies an easing cycle by its first cut, on calendar months:
 * - `in-recession`: the first cut falls after an NBER peak month and no later than its trough month;
 * - `peak-within-window`: an NBER peak falls in the first cut's month or up to `windowMonths` months after it
 *   (default {@link DEFAULT_RECESSION_WINDOW_MONTHS});
 * - otherwise a non-recession cycle.
 * Uses hindsight by design (NBER dates are announced months later): this labels history, it is
 * not a signal a strategy could have traded on.
 */
export function classifyRecession(
  firstCut: DayNumber,
  cycles: readonly BusinessCycle[],
  windowMonths: number = DEFAULT_RECESSION_WINDOW_MONTHS,
): RecessionClass {
  const m = monthIndex(firstCut);
  for (const c of cycles) {
    const p = monthIndex(c.peak), t = monthIndex(c.trough);
    if (m > p && m <= t) return { recession: true, reason: 'in-recession', peak: c.peak };
  }
  for (const c of cycles) {
    const p = monthIndex(c.peak);
    if (p >= m && p <= m + windowMonths) return { recession: true, reason: 'peak-within-window', peak: c.peak };
  }
  return { recession: false, reason: null, peak: null };
}
