import { monthEnd, type SeriesFrequency, errorIssue } from '@ratecut/sim-core';
import type { Issue } from '@ratecut/sim-core';
import { checkDateOrder } from '../validation/date-order';
import { parseDateCell } from './date-format';
import { growableFloat64, growableInt32 } from './growable-array';
import type { RawRow } from './raw-table';
import type { TableHead } from './table-stream';
import { quoteExcerpt } from '../validation/excerpt';

/** Day number of every row of a table, with the problems found in the date column. */
export interface TableDates {
  /** `days[i]` labels `table.rows[i]`, or is NaN when that row's date is unreadable, repeated or out of order. */
  readonly days: Float64Array;
  /** 1-based file line of each row. */
  readonly lines: Int32Array;
  readonly issues: Issue[];
}

/**
 * Reads the date column of a table row by row, keeping only a day number and a line per row.
 * Monthly series are labelled with the last calendar day of their month, whatever day the
 * file gives (FRED writes the 1st). Reports `bad-date` (with the expected format) for
 * unreadable dates as rows come, then, in {@link DateColumnReader.finish}, `duplicate-date` and
 * `unsorted-dates` (see `checkDateOrder`), each at the row's line and the date's field number.
 */
export class DateColumnReader {
  private readonly days = growableFloat64();
  private readonly lines = growableInt32();
  private readonly issues: Issue[] = [];
  /** Last readable day so far, and whether readable days have strictly increased until now. */
  private lastDay = -Infinity;
  private increasing = true;

  constructor(
    private readonly head: Pick<TableHead, 'file' | 'dateColumn' | 'dateFormat'>,
    private readonly frequency: SeriesFrequency,
  ) {}

  /** Reads the date of the next row. */
  row(row: RawRow): void {
    const { dateColumn, dateFormat, file } = this.head;
    const cell = row.cells[dateColumn] ?? '';
    let day = parseDateCell(cell, dateFormat);
    if (Number.isNaN(day)) {
      this.issues.push(errorIssue('bad-date', file, `expected a date as ${dateFormat}, found ${quoteExcerpt(cell)}`, { line: row.line, column: dateColumn + 1 }));
    } else {
      if (this.frequency === 'monthly') day = monthEnd(day);
      if (day <= this.lastDay) this.increasing = false;
      this.lastDay = day;
    }
    this.days.push(day);
    this.lines.push(row.line);
  }

  /** The dates of all rows read, with repeated and out-of-order dates blanked and reported. */
  finish(): TableDates {
    const days = this.days.view();
    const lines = this.lines.view();
    // Strictly increasing dates (the usual case) are in order: no issue, nothing blanked, no
    // need for checkDateOrder's table of every date seen.
    if (this.increasing) return { days, lines, issues: [...this.issues] };
    const order = checkDateOrder(this.head.file, this.head.dateColumn + 1, days, lines);
    for (let i = 0; i < days.length; i += 1) if (!order.keep[i]) days[i] = NaN;
    return { days, lines, issues: [...this.issues, ...order.issues] };
  }
}

/**
 * Reads the date column of every row of a table (see {@link DateColumnReader}): `bad-date`,
 * then `duplicate-date` and `unsorted-dates`.
 */
export function tableDates(table: Pick<TableHead, 'file' | 'dateColumn' | 'dateFormat'> & { readonly rows: readonly RawRow[] }, frequency: SeriesFrequency): TableDates {
  const reader = new DateColumnReader(table, frequency);
  for (const row of table.rows) reader.row(row);
  return reader.finish();
}
