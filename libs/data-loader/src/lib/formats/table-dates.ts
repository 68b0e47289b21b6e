import { monthEnd, type SeriesFrequency } from '@ratecut/sim-core';
import type { DataIssue } from '../validation/data-issue';
import { checkDateOrder } from '../validation/date-order';
import { errorIssue } from '../validation/make-issue';
import { parseDateCell } from './date-format';
import type { RawTable } from './raw-table';
import { quoteExcerpt } from '../validation/excerpt';

/** Day number of every row of a table, with the problems found in the date column. */
export interface TableDates {
  /** `days[i]` labels `table.rows[i]`, or is NaN when that row's date is unreadable, repeated or out of order. */
  readonly days: Float64Array;
  readonly issues: DataIssue[];
}

/**
 * Reads the date column of every row. Monthly series are labelled with the last calendar day
 * of their month, whatever day the file gives (FRED writes the 1st). Reports `bad-date` (with
 * the expected format) for unreadable dates, then `duplicate-date` and `unsorted-dates` (see
 * `checkDateOrder`), each at the row's line and the date's field number.
 */
export function tableDates(table: RawTable, frequency: SeriesFrequency): TableDates {
  const { rows, dateColumn, dateFormat, file } = table;
  const days = new Float64Array(rows.length);
  const lines = new Int32Array(rows.length);
  const issues: DataIssue[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    const cell = row.cells[dateColumn] ?? '';
    lines[i] = row.line;
    let day = parseDateCell(cell, dateFormat);
    if (Number.isNaN(day)) {
      issues.push(errorIssue('bad-date', file, `expected a date as ${dateFormat}, found ${quoteExcerpt(cell)}`, { line: row.line, column: dateColumn + 1 }));
    } else if (frequency === 'monthly') {
      day = monthEnd(day);
    }
    days[i] = day;
  }
  const order = checkDateOrder(file, dateColumn + 1, days, lines);
  for (let i = 0; i < rows.length; i += 1) if (!order.keep[i]) days[i] = NaN;
  return { days, issues: [...issues, ...order.issues] };
}
