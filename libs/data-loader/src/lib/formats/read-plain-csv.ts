import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { missingColumnIssue } from '../validation/missing-column';
import type { DateFormat } from './date-format';
import { SingleTableReader, type HeaderCheck } from './header-and-rows';
import type { RawTable } from './raw-table';
import { collectTable, type RowSink, type TableHead, type TableRecordReader } from './table-stream';

/** Where the dates are in a plain CSV file. */
export interface PlainCsvSpec {
  /** Name of the date column in the header row, e.g. `date`. */
  readonly date: string;
  readonly dateFormat: DateFormat;
}

/** The header check of a plain CSV file: the date column must be in it (`missing-column` otherwise). */
function plainCsvHeader(file: string, spec: PlainCsvSpec): HeaderCheck<TableHead> {
  return (headerLine, header) => {
    const dateColumn = header.indexOf(spec.date);
    if (dateColumn < 0) return failure([missingColumnIssue(file, headerLine, spec.date, header, 'date column')]);
    return success({ file, headerLine, header, dateColumn, dateFormat: spec.dateFormat, missingTokens: [], missingNumbers: [] });
  };
}

/** Reads a plain CSV file record by record (see {@link readPlainCsv}), handing its rows to `sink`. */
export function plainCsvReader(file: string, spec: PlainCsvSpec, sink: RowSink<TableHead>): TableRecordReader<TableHead> {
  return new SingleTableReader(file, plainCsvHeader(file, spec), sink);
}

/**
 * Reads a plain CSV file: one header row of column names (trimmed), then one row per date.
 * Issues: `empty-file` (nothing, or a header and no data rows), `missing-column` when the date
 * column is not in the header, `wrong-format` when the text is not CSV. Value columns are
 * checked later, when they are requested.
 */
export function readPlainCsv(text: string, file: string, spec: PlainCsvSpec): LoadResult<RawTable> {
  return collectTable(file, [Buffer.from(text)], (sink) => plainCsvReader(file, spec, sink));
}
