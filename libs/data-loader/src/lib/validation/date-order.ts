import { formatDay, errorIssue } from '@ratecut/sim-core';
import type { Issue } from '@ratecut/sim-core';

/** Outcome of {@link checkDateOrder}. */
export interface DateOrderCheck {
  /** `keep[i]` is false for a row whose date repeats an earlier date or goes backwards. */
  readonly keep: boolean[];
  readonly issues: Issue[];
}

/**
 * Checks that dates strictly increase down a file. `days[i]` is the day number of row `i`
 * (NaN for a row whose date could not be read: skipped here, reported elsewhere), `lines[i]`
 * its 1-based line and `column` the 1-based field number of the date.
 *
 * A date seen before gives `duplicate-date` naming the first line with it; otherwise a date
 * earlier than the previous row's gives `unsorted-dates` naming that previous date. Each
 * offending row is compared with the row just before it, so one misplaced row yields one issue.
 */
export function checkDateOrder(file: string, column: number, days: ArrayLike<number>, lines: ArrayLike<number>): DateOrderCheck {
  const keep: boolean[] = new Array<boolean>(days.length).fill(false);
  const issues: Issue[] = [];
  const firstLine = new Map<number, number>();
  let previous = NaN;
  let previousLine = 0;
  for (let i = 0; i < days.length; i += 1) {
    const day = days[i];
    if (Number.isNaN(day)) continue;
    const seen = firstLine.get(day);
    if (seen !== undefined) {
      issues.push(
        errorIssue('duplicate-date', file, `duplicate date ${formatDay(day)}: first seen on line ${seen}; expected each date once`, {
          line: lines[i],
          column,
        }),
      );
    } else {
      firstLine.set(day, lines[i]);
      if (day < previous) {
        issues.push(
          errorIssue(
            'unsorted-dates',
            file,
            `date ${formatDay(day)} comes after ${formatDay(previous)} (line ${previousLine}); expected dates in increasing order`,
            { line: lines[i], column },
          ),
        );
      } else {
        keep[i] = true;
      }
    }
    previous = day;
    previousLine = lines[i];
  }
  return { keep, issues };
}
