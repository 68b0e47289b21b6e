import type { CycleCounting, EasingCycleRule } from '@ratecut/sim-core';

/** What a cycles study detects and how it counts: the easing-cycle rule, the recession window, the `since` filter and the counting. */
export interface CyclesSettings {
  readonly rule: EasingCycleRule;
  /** A cycle is a recession cycle if an NBER peak falls within this many months after its first cut (whole months >= 0). */
  readonly recessionWindowMonths: number;
  /** Only cycles whose first cut is on or after this day number; undefined for every cycle. */
  readonly since: number | undefined;
  /** How cycles are counted in the summary rows (see `CycleCounting`). */
  readonly counting: CycleCounting;
}

/** The months after the first cut that the longest horizon spans: the window used for overlaps and episodes. */
export const CYCLES_EPISODE_MONTHS = 24;
