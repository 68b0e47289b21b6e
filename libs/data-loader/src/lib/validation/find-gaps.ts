import { formatDay } from '@ratecut/sim-core';
import type { DataIssue } from './data-issue';
import { makeIssue } from './make-issue';
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
 * One `gap` warning for every pair of consecutive observations more than `thresholdDays`
 * calendar days apart, located at the line after the gap and naming both dates and the gap
 * length in calendar days. A non-finite threshold reports nothing.
 */
export function findGaps(input: GapInput): DataIssue[] {
  const { days, lines, thresholdDays } = input;
  const issues: DataIssue[] = [];
  if (!Number.isFinite(thresholdDays)) return issues;
  const what = input.columnName !== undefined ? ` in column ${quoteExcerpt(input.columnName)}` : '';
  for (let i = 1; i < days.length; i += 1) {
    const length = days[i] - days[i - 1];
    if (length > thresholdDays) {
      issues.push(
        makeIssue(
          'gap',
          'warning',
          input.file,
          `gap of ${length} calendar days${what} from ${formatDay(days[i - 1])} (line ${lines[i - 1]}) to ${formatDay(days[i])}; ` +
            `expected at most ${thresholdDays} days between observations (option gapWarningDays)`,
          { line: lines[i], column: input.column },
        ),
      );
    }
  }
  return issues;
}
