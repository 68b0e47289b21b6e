import { errorIssue } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { SingleTableReader, type HeaderCheck } from './header-and-rows';
import type { RawTable } from './raw-table';
import { collectTable, type RowSink, type TableHead, type TableRecordReader } from './table-stream';
import { quoteExcerpt } from '../validation/excerpt';

/** Names FRED has used for the date column of its CSV downloads, newest first. */
export const FRED_DATE_HEADERS = ['observation_date', 'DATE', 'Date'] as const;

/** The header check of a FRED download: the first header cell must be a FRED date header (`wrong-format` otherwise). */
function fredCsvHeader(file: string): HeaderCheck<TableHead> {
  return (headerLine, header) => {
    const first = header[0] ?? '';
    if (!(FRED_DATE_HEADERS as readonly string[]).includes(first)) {
      return failure([
        errorIssue('wrong-format', file, `not a FRED download: expected the first header cell to be one of ${FRED_DATE_HEADERS.join(', ')}, found ${quoteExcerpt(first)}`, {
          line: headerLine,
          column: 1,
        }),
      ]);
    }
    return success({ file, headerLine, header, dateColumn: 0, dateFormat: 'YYYY-MM-DD', missingTokens: ['.'], missingNumbers: [] });
  };
}

/** Reads a FRED download record by record (see {@link readFredCsv}), handing its rows to `sink`. */
export function fredCsvReader(file: string, sink: RowSink<TableHead>): TableRecordReader<TableHead> {
  return new SingleTableReader(file, fredCsvHeader(file), sink);
}

/**
 * Reads a FRED download: the first column holds ISO dates under one of the headers
 * `observation_date`, `DATE` or `Date` (quoted or not, as in `"Date","TB3MS"`), each further
 * column is named by its FRED series id, and `.` marks a missing value (e.g. a holiday).
 * A different first header gives `wrong-format` at the header line, field 1.
 */
export function readFredCsv(text: string, file: string): LoadResult<RawTable> {
  return collectTable(file, [Buffer.from(text)], (sink) => fredCsvReader(file, sink));
}
