import { errorIssue } from '@ratecut/sim-core';
import type { SeriesFrequency, SeriesKind } from '@ratecut/sim-core';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { findGaps } from '../validation/find-gaps';
import { defaultGapDays } from '../validation/gap-threshold';
import { capIssues } from '../validation/issue-cap';
import { resultFromIssues } from '../validation/load-result';
import { missingColumnIssue } from '../validation/missing-column';
import { growableFloat64, type GrowableArray } from './growable-array';
import { missingCellTest, type MissingCellTest } from './missing-cell';
import { parseNumberCell } from './number-cell';
import type { RawRow, RawTable } from './raw-table';
import { DateColumnReader } from './table-dates';
import type { RowSink, TableHead } from './table-stream';
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

/** One requested value column while rows are read. */
interface ColumnState {
  readonly name: string;
  /** 0-based index in the header and in each row. */
  readonly index: number;
  /** Value of each row read, NaN when the row holds no observation for the column. */
  readonly values: GrowableArray<Float64Array>;
  readonly issues: Issue[];
}

/**
 * Collects the observations of `columns` while a table's rows are read (a {@link RowSink}):
 * for each row it keeps the day number, the line and one number per requested column, nothing
 * else, so a file of any size costs memory in proportion to its rows and the columns asked for.
 * Problems are checked and reported as in {@link tableObservations}, which it implements.
 */
export class ObservationCollector implements RowSink<TableHead> {
  private head: TableHead | undefined;
  private dates: DateColumnReader | undefined;
  private isMissing: MissingCellTest = () => false;
  private readonly wanted: ColumnState[] = [];
  private readonly columnIssues: Issue[] = [];

  constructor(
    private readonly columns: readonly string[],
    private readonly rules: ObservationRules,
  ) {}

  /** Takes the table's header: finds the requested columns (`missing-column` for those absent). */
  start(head: TableHead): void {
    this.head = head;
    this.dates = new DateColumnReader(head, this.rules.frequency);
    this.isMissing = missingCellTest(head, this.rules.missing);
    for (const name of this.columns) {
      const index = head.header.indexOf(name);
      if (index < 0 || index === head.dateColumn) {
        this.columnIssues.push(missingColumnIssue(head.file, head.headerLine, name, head.header.filter((_, i) => i !== head.dateColumn), 'value column'));
      } else {
        this.wanted.push({ name, index, values: growableFloat64(), issues: [] });
      }
    }
  }

  /** Reads the date and the requested cells of the next row. */
  row(row: RawRow): void {
    const { head, dates } = this;
    if (head === undefined || dates === undefined) throw new Error('ObservationCollector: row before start');
    dates.row(row);
    for (const column of this.wanted) column.values.push(this.cellValue(head.file, column, row));
  }

  /** Value of one cell, or NaN after reporting why it is not an observation (missing values are not reported). */
  private cellValue(file: string, column: ColumnState, row: RawRow): number {
    const { name, index, issues } = column;
    const at = { line: row.line, column: index + 1 };
    if (index >= row.cells.length) {
      issues.push(errorIssue('bad-number', file, `row has ${row.cells.length} fields; expected a value for ${quoteExcerpt(name)} in field ${index + 1}`, at));
      return NaN;
    }
    const cell = row.cells[index];
    if (this.isMissing(cell)) return NaN;
    const value = parseNumberCell(cell);
    if (Number.isNaN(value)) {
      issues.push(errorIssue('bad-number', file, `expected a number in column ${quoteExcerpt(name)}, found ${quoteExcerpt(cell)}`, at));
      return NaN;
    }
    if (this.rules.kind === 'price' && value <= 0) {
      issues.push(errorIssue('non-positive-price', file, `expected a price > 0 in column ${quoteExcerpt(name)}, found ${cell.length <= EXCERPT_MAX_CHARS ? cell : quoteExcerpt(cell)}`, at));
      return NaN;
    }
    return value;
  }

  /**
   * The observations of each requested column found in the header (rows whose date was
   * rejected dropped), with every issue: missing columns, dates, values, then gap warnings,
   * capped (see `capIssues`). Any error fails the whole result.
   */
  finish(): LoadResult<ColumnObservations[]> {
    const { head, dates } = this;
    if (head === undefined || dates === undefined) throw new Error('ObservationCollector: finish before start');
    const checked = dates.finish();
    const issues: Issue[] = [...this.columnIssues, ...checked.issues];
    const threshold = this.rules.gapWarningDays ?? defaultGapDays(this.rules.frequency);
    const out: ColumnObservations[] = [];
    for (const { name, index, values, issues: cellIssues } of this.wanted) {
      issues.push(...cellIssues);
      const all = values.view();
      let n = 0;
      for (let i = 0; i < all.length; i += 1) if (!Number.isNaN(all[i]) && !Number.isNaN(checked.days[i])) n += 1;
      const obs = { name, column: index + 1, days: new Int32Array(n), values: new Float64Array(n), lines: new Int32Array(n) };
      let k = 0;
      for (let i = 0; i < all.length; i += 1) {
        if (Number.isNaN(all[i]) || Number.isNaN(checked.days[i])) continue;
        obs.days[k] = checked.days[i];
        obs.values[k] = all[i];
        obs.lines[k] = checked.lines[i];
        k += 1;
      }
      issues.push(...findGaps({ file: head.file, days: obs.days, lines: obs.lines, column: index + 1, columnName: name, thresholdDays: threshold }));
      out.push(obs);
    }
    return resultFromIssues(out, capIssues(issues));
  }
}

/**
 * Turns the text cells of `columns` into numeric observations, checking every row and
 * reporting every problem (at most 50 per file, then a count): `missing-column`, `bad-date`,
 * `duplicate-date`, `unsorted-dates`, `bad-number` (including a row too short to have the
 * field), `non-positive-price` (kind `price` only), and `gap` warnings per column. Missing
 * values (see `missingCellTest`) are dropped, not errors. Any error fails the whole result.
 * Files are read through {@link ObservationCollector} without holding their rows (see
 * `readTableColumns`).
 */
export function tableObservations(table: RawTable, columns: readonly string[], rules: ObservationRules): LoadResult<ColumnObservations[]> {
  const collector = new ObservationCollector(columns, rules);
  collector.start(table);
  for (const row of table.rows) collector.row(row);
  return collector.finish();
}
