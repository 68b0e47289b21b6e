import type { LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import { isBlankRecord, parseCsvRecords } from './csv-records';
import { trimCells, type RawRow } from './raw-table';
import { quoteExcerpt } from '../validation/excerpt';

/** The header and the data rows of a single-table CSV file. */
export interface HeaderAndRows {
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly rows: readonly RawRow[];
}

/**
 * Splits single-table CSV text into its header (the first non-blank record) and data rows
 * (every later non-blank record), all cells trimmed. Issues: `empty-file` for a file with
 * nothing in it or with a header and no data rows (at the header line), `wrong-format` for
 * text that is not CSV.
 */
export function readHeaderAndRows(text: string, file: string): LoadResult<HeaderAndRows> {
  const records = parseCsvRecords(text, file);
  if (!records.ok) return records;
  const all = records.value;
  const start = all.findIndex((r) => !isBlankRecord(r));
  const first = all[start];
  const rows: RawRow[] = [];
  for (let i = start + 1; i < all.length; i += 1) {
    const r = all[i];
    if (!isBlankRecord(r)) rows.push({ line: r.line, cells: trimCells(r.cells) });
  }
  const header = trimCells(first.cells);
  if (rows.length === 0) {
    return failure([
      errorIssue('empty-file', file, `a header row (${quoteExcerpt(header.join(','))}) but no data rows; expected at least one data row after it`, {
        line: first.line,
      }),
    ]);
  }
  return success({ headerLine: first.line, header, rows });
}
