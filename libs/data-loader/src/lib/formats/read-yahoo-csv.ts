import { errorIssue } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { SingleTableReader, type HeaderCheck } from './header-and-rows';
import type { RawTable } from './raw-table';
import { collectTable, type RowSink, type TableHead, type TableRecordReader } from './table-stream';
import { quoteExcerpt } from '../validation/excerpt';

/** Header of a classic Yahoo Finance history download. */
export const YAHOO_HEADER = ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'] as const;

/** The header check of a Yahoo Finance download: exactly {@link YAHOO_HEADER} (`wrong-format` otherwise). */
function yahooCsvHeader(file: string): HeaderCheck<TableHead> {
  return (headerLine, header) => {
    const expected = YAHOO_HEADER.join(',');
    if (header.join(',') !== expected) {
      return failure([
        errorIssue('wrong-format', file, `not a Yahoo Finance download: expected the header "${expected}", found ${quoteExcerpt(header.join(','))}`, {
          line: headerLine,
        }),
      ]);
    }
    return success({ file, headerLine, header, dateColumn: 0, dateFormat: 'YYYY-MM-DD', missingTokens: ['null'], missingNumbers: [] });
  };
}

/** Reads a Yahoo Finance download record by record (see {@link readYahooCsv}), handing its rows to `sink`. */
export function yahooCsvReader(file: string, sink: RowSink<TableHead>): TableRecordReader<TableHead> {
  return new SingleTableReader(file, yahooCsvHeader(file), sink);
}

/**
 * Reads a Yahoo Finance history download: header exactly `Date,Open,High,Low,Close,Adj Close,Volume`
 * (`Close` is split-adjusted, `Adj Close` also dividend-adjusted), ISO dates, and `null` for a
 * missing value. Any other header gives `wrong-format` at the header line naming the expected one.
 */
export function readYahooCsv(text: string, file: string): LoadResult<RawTable> {
  return collectTable(file, [Buffer.from(text)], (sink) => yahooCsvReader(file, sink));
}
