import type { SeriesFrequency, SeriesKind } from '@ratecut/sim-core';
import type { DataIssue, LoadResult } from '../validation/data-issue';
import { findGaps } from '../validation/find-gaps';
import { defaultGapDays } from '../validation/gap-threshold';
import { capIssues } from '../validation/issue-cap';
import { resultFromIssues } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import { missingColumnIssue } from '../validation/missing-column';
import { missingCellTest } from './missing-cell';
import { parseNumberCell } from './number-cell';
import type { RawTable } from './raw-table';
import { tableDates } from './table-dates';
import { EXCERPT_MAX_CHARS, quoteExcerpt } from '../validation/excerpt';

/** What the values of a table mean, for the checks that depend on it. */
export interface ObservationRules {
  /** `price` values must be > 0. */
  readonly kind: SeriesKind;
  /** Sets the month-end labelling and the default gap threshold. */
  readonly frequency: SeriesFrequency;
  /** Extra cell texts meaning "missing" (the catalog entry's `missing`). */
  readonly missing?: readonly string[] | undefined;
  /** Largest spacing in calendar days not reported as a gap; default by frequency (see `defaultGapDays`). */
  readonly gapWarningDays?: number | undefined;
}

/** The observations of one column, missing values dropped, values as written in the file. */
export interface ColumnObservations {
  /** Column name as in the header. */
  readonly name: string;
  /** 1-based field number of the column. */
  readonly column: number;
  /** Day number of each observation, strictly increasing. */
  readonly days: Int32Array;
  readonly values: Float64Array;
  /** 1-based file line of each observation. */
  readonly lines: Int32Array;
}

/**
 * Turns the text cells of `columns` into numeric observations, checking every row and
 * reporting every problem (at most 50 per file, then a count): `missing-column`, `bad-date`,
 * `duplicate-date`, `unsorted-dates`, `bad-number` (including a row too short to have the
 * field), `non-positive-price` (kind `price` only), and `gap` warnings per column. Missing
 * values (see `missingCellTest`) are dropped, not errors. Any error fails the whole result.
 */
export function tableObservations(table: RawTable, columns: readonly string[], rules: ObservationRules): LoadResult<ColumnObservations[]> {
  const { file, rows } = table;
  const issues: DataIssue[] = [];
  const wanted: { name: string; index: number }[] = [];
  for (const name of columns) {
    const index = table.header.indexOf(name);
    if (index < 0 || index === table.dateColumn) {
      issues.push(missingColumnIssue(file, table.headerLine, name, table.header.filter((_, i) => i !== table.dateColumn), 'value column'));
    } else {
      wanted.push({ name, index });
    }
  }
  const dates = tableDates(table, rules.frequency);
  issues.push(...dates.issues);
  const isMissing = missingCellTest(table, rules.missing);
  const threshold = rules.gapWarningDays ?? defaultGapDays(rules.frequency);
  const out: ColumnObservations[] = [];
  for (const { name, index } of wanted) {
    const days: number[] = [];
    const values: number[] = [];
    const lines: number[] = [];
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i];
      const at = { line: row.line, column: index + 1 };
      if (index >= row.cells.length) {
        issues.push(errorIssue('bad-number', file, `row has ${row.cells.length} fields; expected a value for ${quoteExcerpt(name)} in field ${index + 1}`, at));
        continue;
      }
      const cell = row.cells[index];
      if (isMissing(cell)) continue;
      const value = parseNumberCell(cell);
      if (Number.isNaN(value)) {
        issues.push(errorIssue('bad-number', file, `expected a number in column ${quoteExcerpt(name)}, found ${quoteExcerpt(cell)}`, at));
        continue;
      }
      if (rules.kind === 'price' && value <= 0) {
        issues.push(errorIssue('non-positive-price', file, `expected a price > 0 in column ${quoteExcerpt(name)}, found ${cell.length <= EXCERPT_MAX_CHARS ? cell : quoteExcerpt(cell)}`, at));
        continue;
      }
      const day = dates.days[i];
      if (Number.isNaN(day)) continue;
      days.push(day);
      values.push(value);
      lines.push(row.line);
    }
    issues.push(...findGaps({ file, days, lines, column: index + 1, columnName: name, thresholdDays: threshold }));
    out.push({ name, column: index + 1, days: Int32Array.from(days), values: Float64Array.from(values), lines: Int32Array.from(lines) });
  }
  return resultFromIssues(out, capIssues(issues));
}
