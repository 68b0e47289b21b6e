import type { LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import { readHeaderAndRows } from './header-and-rows';
import type { RawTable } from './raw-table';
import { quoteExcerpt } from '../validation/excerpt';

/** Header of a classic Yahoo Finance history download. */
export const YAHOO_HEADER = ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'] as const;

/**
 * Reads a Yahoo Finance history download: header exactly `Date,Open,High,Low,Close,Adj Close,Volume`
 * (`Close` is split-adjusted, `Adj Close` also dividend-adjusted), ISO dates, and `null` for a
 * missing value. Any other header gives `wrong-format` at the header line naming the expected one.
 */
export function readYahooCsv(text: string, file: string): LoadResult<RawTable> {
  const read = readHeaderAndRows(text, file);
  if (!read.ok) return read;
  const table = read.value;
  const expected = YAHOO_HEADER.join(',');
  if (table.header.join(',') !== expected) {
    return failure([
      errorIssue('wrong-format', file, `not a Yahoo Finance download: expected the header "${expected}", found ${quoteExcerpt(table.header.join(','))}`, {
        line: table.headerLine,
      }),
    ]);
  }
  return success({ file, ...table, dateColumn: 0, dateFormat: 'YYYY-MM-DD', missingTokens: ['null'], missingNumbers: [] });
}
