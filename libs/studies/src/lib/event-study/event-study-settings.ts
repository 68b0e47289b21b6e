import type { CyclesSettings } from '../cycles/cycles-settings';

/**
 * Which close a post-cut spread starts from: the close before the first cut's effective date
 * (`effective`, as `ratecut cycles`), the close before its announcement (`announcement`), or the
 * close of the announcement day (`cut-day`, holding the market's reaction).
 */
export type EventAnchor = 'effective' | 'announcement' | 'cut-day';

/** The anchors, in the order the usage lists them. */
export const EVENT_ANCHORS: readonly EventAnchor[] = ['effective', 'announcement', 'cut-day'];

/** The settings of an event study: the cycles (as `ratecut cycles` detects and counts them) and the statistics. */
export interface EventStudySettings {
  readonly cycles: Omit<CyclesSettings, 'since'>;
  /** Seed of the bootstraps and the placebo draws. */
  readonly seed: number;
  /** Bootstrap resamples of the cycles (per group and horizon). */
  readonly resamples: number;
  /** Placebo draws (per group and horizon). */
  readonly placebos: number;
  /** Two-sided confidence level of the intervals. */
  readonly confidence: number;
  /** Placebo dates lie more than this many calendar months from every detected first cut. */
  readonly excludeMonths: number;
  readonly anchor: EventAnchor;
}

/** The defaults of `ratecut validate event`. */
export const EVENT_STUDY_DEFAULTS = { seed: 1, resamples: 10_000, placebos: 10_000, confidence: 0.95, excludeMonths: 6, anchor: 'effective' } as const;
