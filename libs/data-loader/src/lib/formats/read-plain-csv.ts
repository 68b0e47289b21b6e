import type { LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { missingColumnIssue } from '../validation/missing-column';
import type { DateFormat } from './date-format';
import { readHeaderAndRows } from './header-and-rows';
import type { RawTable } from './raw-table';

/** Where the dates are in a plain CSV file. */
export interface PlainCsvSpec {
  /** Name of the date column in the header row, e.g. `date`. */
  readonly date: string;
  readonly dateFormat: DateFormat;
}

/**
 * Reads a plain CSV file: one header row of column names (trimmed), then one row per date.
 * Issues: `empty-file` (nothing, or a header and no data rows), `missing-column` when the date
 * column is not in the header, `wrong-format` when the text is not CSV. Value columns are
 * checked later, when they are requested.
 */
export function readPlainCsv(text: string, file: string, spec: PlainCsvSpec): LoadResult<RawTable> {
  const read = readHeaderAndRows(text, file);
  if (!read.ok) return read;
  const table = read.value;
  const dateColumn = table.header.indexOf(spec.date);
  if (dateColumn < 0) return failure([missingColumnIssue(file, table.headerLine, spec.date, table.header, 'date column')]);
  return success({ file, ...table, dateColumn, dateFormat: spec.dateFormat, missingTokens: [], missingNumbers: [] });
}
