import { formatDay, type DayGap, makeIssue } from '@ratecut/sim-core';
import type { Issue } from '@ratecut/sim-core';
import { quoteExcerpt } from './excerpt';

/** Observations of one column, as kept after dropping missing values. */
export interface GapInput {
  readonly file: string;
  /** Day numbers of the observations, strictly increasing. */
  readonly days: ArrayLike<number>;
  /** 1-based file line of each observation. */
  readonly lines: ArrayLike<number>;
  /** 1-based field number reported with each gap, when the column is known. */
  readonly column?: number | undefined;
  /** Name of the column, used in the message. */
  readonly columnName?: string | undefined;
  /** Largest spacing in calendar days that is not a gap (see `defaultGapDays`). */
  readonly thresholdDays: number;
}

/**
 * The gaps of a strictly increasing list of day numbers: every pair of consecutive days more
 * than `thresholdDays` calendar days apart, as `{ from, to }` (see `defaultGapDays` for the
 * threshold by frequency). A non-finite threshold finds none. The one place that decides what
 * a gap is: validation warnings, loaded pairs and the policy-rate history all use it.
 */
export function findGapSpans(days: ArrayLike<number>, thresholdDays: number): DayGap[] {
  const spans: DayGap[] = [];
  if (!Number.isFinite(thresholdDays)) return spans;
  for (let i = 1; i < days.length; i += 1) {
    if (days[i] - days[i - 1] > thresholdDays) spans.push({ from: days[i - 1], to: days[i] });
  }
  return spans;
}

/**
 * One `gap` warning for every pair of consecutive observations more than `thresholdDays`
 * calendar days apart, located at the line after the gap and naming both dates and the gap
 * length in calendar days. A non-finite threshold reports nothing.
 */
export function findGaps(input: GapInput): Issue[] {
  const { days, lines, thresholdDays } = input;
  const what = input.columnName !== undefined ? ` in column ${quoteExcerpt(input.columnName)}` : '';
  const issues: Issue[] = [];
  let i = 1;
  for (const gap of findGapSpans(days, thresholdDays)) {
    while (days[i] !== gap.to) i += 1;
    issues.push(
      makeIssue(
        'gap',
        'warning',
        input.file,
        `gap of ${gap.to - gap.from} calendar days${what} from ${formatDay(gap.from)} (line ${lines[i - 1]}) to ${formatDay(gap.to)}; ` +
          `expected at most ${thresholdDays} days between observations (option gapWarningDays)`,
        { line: lines[i], column: input.column, days: { from: gap.from, to: gap.to } },
      ),
    );
  }
  return issues;
}
