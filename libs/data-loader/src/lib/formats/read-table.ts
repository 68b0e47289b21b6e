import { errorIssue } from '@ratecut/sim-core';
import type { SeriesFrequency } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import type { DateFormat } from './date-format';
import type { FileFormat } from './file-format';
import { DataColumnFinder } from './first-data-column';
import type { RawRow, RawTable } from './raw-table';
import { fredCsvReader } from './read-fred-csv';
import { KenFrenchReader } from './read-ken-french-csv';
import { plainCsvReader } from './read-plain-csv';
import { readDataFile, type ReadTextFileOptions } from './read-text-file';
import { yahooCsvReader } from './read-yahoo-csv';
import { ObservationCollector, type ColumnObservations, type ObservationRules } from './table-observations';
import { readTableRecords, type RowSink, type TableHead, type TableRecordReader } from './table-stream';

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

/**
 * The record reader of `spec.format` (see {@link TableRecordReader}), handing the rows of the
 * file's table to `sink`; `bad-catalog` for a `csv` spec without a date column.
 */
function tableRecordReader(file: string, spec: TableSpec, sink: RowSink<TableHead>): LoadResult<TableRecordReader<TableHead>> {
  switch (spec.format) {
    case 'csv':
      if (spec.date === undefined) {
        return failure([errorIssue('bad-catalog', file, "format 'csv' needs the name of its date column ('date' in the catalog)")]);
      }
      return success(plainCsvReader(file, { date: spec.date, dateFormat: spec.dateFormat ?? 'YYYY-MM-DD' }, sink));
    case 'yahoo':
      return success(yahooCsvReader(file, sink));
    case 'fred':
      return success(fredCsvReader(file, sink));
    case 'ken-french':
      return success(new KenFrenchReader(file, { frequency: spec.frequency, section: spec.section }, sink));
  }
}

/** Runs `chunks` through the reader of `spec` into `sink`; the table's head, or the first problems found. */
function readInto(file: string, spec: TableSpec, chunks: Iterable<Buffer>, sink: RowSink<TableHead>): LoadResult<TableHead> {
  const reader = tableRecordReader(file, spec, sink);
  return reader.ok ? readTableRecords(file, chunks, reader.value) : reader;
}

/** Reads the table of `text` with the reader of `spec.format`; `file` only labels issues. */
export function parseTable(text: string, file: string, spec: TableSpec): LoadResult<RawTable> {
  const rows: RawRow[] = [];
  const head = readInto(file, spec, [Buffer.from(text)], { start: () => undefined, row: (r) => rows.push(r) });
  return head.ok ? success({ ...head.value, rows }) : head;
}

/**
 * Reads a file from disk and parses it with {@link parseTable}, holding every row as text (for
 * tests and tools; loading series streams instead, see {@link readTableColumns}). The file
 * problems of `readDataFile` (missing, not a regular file, outside `options.confineTo`, too
 * large, binary) come first.
 */
export function readTable(file: string, spec: TableSpec, options: ReadTextFileOptions = {}): LoadResult<RawTable> {
  return readDataFile(file, { expected: 'CSV text', ...options }, (chunks) => {
    const rows: RawRow[] = [];
    const head = readInto(file, spec, chunks(), { start: () => undefined, row: (r) => rows.push(r) });
    return head.ok ? success({ ...head.value, rows }) : head;
  });
}

/**
 * Reads the observations of `columns` from a file, streaming it: the file is read in chunks,
 * split into records as it comes, and only the date and the requested cells of each row are
 * kept, as numbers (see `ObservationCollector`), so memory follows the rows kept, not the file
 * size. Issues, in order of precedence, each class alone: the file problems of `readDataFile`;
 * `wrong-format` (not CSV) and `empty-file`; the format's own (see the `read*Csv` readers);
 * then the checks of `tableObservations`, with the same texts and locations.
 */
export function readTableColumns(
  file: string,
  spec: TableSpec,
  columns: readonly string[],
  rules: ObservationRules,
  options: ReadTextFileOptions = {},
): LoadResult<ColumnObservations[]> {
  return readDataFile(file, { expected: 'CSV text', ...options }, (chunks) => {
    const collector = new ObservationCollector(columns, rules);
    const head = readInto(file, spec, chunks(), collector);
    return head.ok ? collector.finish() : head;
  });
}

/** What {@link findDataColumn} found. */
export interface DataColumnFound {
  /** 1-based line of the table's header. */
  readonly headerLine: number;
  /** The first column holding numbers (see `firstDataColumn`), `undefined` when none does. */
  readonly column: string | undefined;
}

/**
 * Streams a file (as {@link readTableColumns} does) to find its first column holding numbers
 * other than missing-value codes (the format's and `extraMissing`), keeping nothing but the
 * column's index. Same file and format issues as {@link readTableColumns}.
 */
export function findDataColumn(file: string, spec: TableSpec, extraMissing: readonly string[] = [], options: ReadTextFileOptions = {}): LoadResult<DataColumnFound> {
  return readDataFile(file, { expected: 'CSV text', ...options }, (chunks) => {
    const finder = new DataColumnFinder(extraMissing);
    const head = readInto(file, spec, chunks(), finder);
    return head.ok ? success({ headerLine: head.value.headerLine, column: finder.column() }) : head;
  });
}
