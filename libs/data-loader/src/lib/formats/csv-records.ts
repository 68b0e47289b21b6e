import { parse, type Options } from 'csv-parse/sync';
import type { LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import { escapeText } from '../validation/excerpt';

/** One CSV record with the 1-based file line it starts on. Cells are as written (not trimmed). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** True for a record with no text in any cell (a blank line). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}

/**
 * Splits CSV text into records with csv-parse (RFC 4180 quoting), keeping blank lines as
 * records with one empty cell so callers can see section breaks. Accepts LF, CRLF or CR line
 * endings, a UTF-8 byte-order mark, rows of different lengths and stray quotes inside
 * unquoted text. Text with nothing but blanks gives `empty-file`; text csv-parse cannot split
 * (such as an unclosed quote) gives `wrong-format` at the line where it stopped.
 */
export function parseCsvRecords(text: string, file: string): LoadResult<readonly CsvRecord[]> {
  let lastLine = 0;
  const toRecord = (cells: string[], context: { lines: number }): CsvRecord => {
    const record = { line: lastLine + 1, cells };
    lastLine = context.lines;
    return record;
  };
  const options: Options = {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // csv-parse types on_record as returning a record array; ours returns a CsvRecord.
    on_record: toRecord as unknown as NonNullable<Options['on_record']>,
  };
  let records: CsvRecord[];
  try {
    records = parse(text, options) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as Error & { lines?: unknown };
    const line = typeof err.lines === 'number' ? err.lines : undefined;
    return failure([errorIssue('wrong-format', file, `not readable as CSV: ${escapeText(err.message.slice(0, 200))}; expected comma-separated rows`, { line })]);
  }
  if (records.every(isBlankRecord)) {
    return failure([errorIssue('empty-file', file, 'the file is empty; expected a header row followed by data rows')]);
  }
  return success(records);
}
