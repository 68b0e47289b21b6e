import type { SeriesFrequency } from '@ratecut/sim-core';
import type { LoadResult } from '../validation/data-issue';
import { failure } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import type { DateFormat } from './date-format';
import type { FileFormat } from './file-format';
import { readFredCsv } from './read-fred-csv';
import { readKenFrenchCsv } from './read-ken-french-csv';
import { readPlainCsv } from './read-plain-csv';
import { readTextFile, type ReadTextFileOptions } from './read-text-file';
import { readYahooCsv } from './read-yahoo-csv';
import type { RawTable } from './raw-table';

/** How to read a file; a catalog entry satisfies it. */
export interface TableSpec {
  readonly format: FileFormat;
  /** Date column name; required for `csv`, ignored by the other formats (they fix it). */
  readonly date?: string | undefined;
  /** Date layout for `csv` (default `YYYY-MM-DD`); the other formats fix it. */
  readonly dateFormat?: DateFormat | undefined;
  readonly frequency: SeriesFrequency;
  /** Ken French section title. */
  readonly section?: string | undefined;
}

/** Reads the table of `text` with the reader of `spec.format`; `file` only labels issues. */
export function parseTable(text: string, file: string, spec: TableSpec): LoadResult<RawTable> {
  switch (spec.format) {
    case 'csv':
      if (spec.date === undefined) {
        return failure([errorIssue('bad-catalog', file, "format 'csv' needs the name of its date column ('date' in the catalog)")]);
      }
      return readPlainCsv(text, file, { date: spec.date, dateFormat: spec.dateFormat ?? 'YYYY-MM-DD' });
    case 'yahoo':
      return readYahooCsv(text, file);
    case 'fred':
      return readFredCsv(text, file);
    case 'ken-french':
      return readKenFrenchCsv(text, file, { frequency: spec.frequency, section: spec.section });
  }
}

/**
 * Reads a file from disk and parses it with {@link parseTable}; the file problems of
 * `readTextFile` (missing, not a regular file, outside `options.confineTo`, too large, binary)
 * come first.
 */
export function readTable(file: string, spec: TableSpec, options: ReadTextFileOptions = {}): LoadResult<RawTable> {
  const text = readTextFile(file, { expected: 'CSV text', ...options });
  return text.ok ? parseTable(text.value, file, spec) : text;
}
