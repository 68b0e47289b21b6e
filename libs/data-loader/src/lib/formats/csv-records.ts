import { errorIssue } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { CsvRecordStream, isBlankRecord, type CsvRecord } from './csv-record-stream';

export { isBlankRecord, type CsvRecord } from './csv-record-stream';

/** The `empty-file` issue of a file with nothing but blanks in it. */
export function emptyFileIssue(file: string) {
  return errorIssue('empty-file', file, 'the file is empty; expected a header row followed by data rows');
}

/**
 * Splits CSV text into records (see {@link CsvRecordStream}: RFC 4180 quoting, blank lines
 * kept as records with one empty cell, any line ending, a byte-order mark). Text with nothing
 * but blanks gives `empty-file`; text csv-parse cannot split (such as an unclosed quote) gives
 * `wrong-format` at the line where it stopped. Holds every record: for files, the readers stream
 * them instead (see `readTableColumns`).
 */
export function parseCsvRecords(text: string, file: string): LoadResult<readonly CsvRecord[]> {
  const records: CsvRecord[] = [];
  const stream = new CsvRecordStream(file, (r) => records.push(r));
  const issue = stream.write(Buffer.from(text)) ?? stream.end();
  if (issue !== undefined) return failure([issue]);
  if (records.every(isBlankRecord)) return failure([emptyFileIssue(file)]);
  return success(records);
}
