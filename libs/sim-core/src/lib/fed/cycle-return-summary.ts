import { mean } from '../stats/mean';
import { median } from '../stats/median';

/** One cycle's returns over one horizon, with its recession class. */
export interface CycleOutcome {
  readonly small: number;
  readonly large: number;
  readonly recession: boolean;
}

/** Which cycles a summary row covers. */
export type CycleGroup = 'all' | 'recession' | 'non-recession';

export interface CycleReturnSummary {
  readonly group: CycleGroup;
  /** Cycles with both returns available (NaN outcomes are left out, not counted as zero). */
  readonly count: number;
  readonly meanSmall: number;
  readonly meanLarge: number;
  /** Mean and median of small minus large, in decimal return points. */
  readonly meanDifference: number;
  readonly medianDifference: number;
  /** Share of cycles in which small returned strictly more than large (0..1), NaN when count is 0. */
  readonly shareSmallBeat: number;
}

/** Summaries for all cycles, recession cycles and non-recession cycles. NaN statistics when a group is empty. */
export function summarizeCycleOutcomes(outcomes: readonly CycleOutcome[]): CycleReturnSummary[] {
  const groups: CycleGroup[] = ['all', 'recession', 'non-recession'];
  return groups.map((group) => {
    const rows = outcomes.filter(
      (o) => !Number.isNaN(o.small) && !Number.isNaN(o.large) &&
        (group === 'all' || o.recession === (group === 'recession')),
    );
    const diffs = rows.map((o) => o.small - o.large);
    return {
      group,
      count: rows.length,
      meanSmall: mean(rows.map((o) => o.small)),
      meanLarge: mean(rows.map((o) => o.large)),
      meanDifference: mean(diffs),
      medianDifference: median(diffs),
      shareSmallBeat: rows.length === 0 ? NaN : diffs.filter((d) => d > 0).length / rows.length,
    };
  });
}
