import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { emptyFileIssue } from './csv-records';
import { CsvRecordStream, isBlankRecord, type CsvRecord } from './csv-record-stream';
import type { RawRow, RawTable } from './raw-table';

/** Everything a {@link RawTable} holds but its rows: known once its header has been read. */
export type TableHead = Omit<RawTable, 'rows'>;

/** Receives the rows of one table as a file is read, so no caller has to hold them all. */
export interface RowSink<H> {
  /** Called once, before any row, when the table's header is usable. */
  start(head: H): void;
  /** Called for each data row, in file order, cells trimmed. */
  row(row: RawRow): void;
}

/** Reads the records of a file one by one, finds its table and hands its rows to a {@link RowSink}. */
export interface TableRecordReader<H> {
  record(record: CsvRecord): void;
  /** After the last record: the table's head, or the issue saying why the file holds no usable table. */
  finish(): LoadResult<H>;
}

/**
 * Runs a file's bytes, chunk by chunk, through CSV splitting and `reader`. The issues that
 * concern the whole file come first and alone, in this order: `wrong-format` when the text is
 * not CSV (wherever in the file), `empty-file` when it holds nothing but blanks; then whatever
 * `reader.finish()` says.
 */
export function readTableRecords<H>(file: string, chunks: Iterable<Buffer>, reader: TableRecordReader<H>): LoadResult<H> {
  let nonBlank = false;
  const stream = new CsvRecordStream(file, (record) => {
    if (!nonBlank && !isBlankRecord(record)) nonBlank = true;
    reader.record(record);
  });
  for (const chunk of chunks) {
    const issue = stream.write(chunk);
    if (issue !== undefined) return failure([issue]);
  }
  const issue = stream.end();
  if (issue !== undefined) return failure([issue]);
  if (!nonBlank) return failure([emptyFileIssue(file)]);
  return reader.finish();
}

/** Runs {@link readTableRecords} keeping every row: the whole table, as text, in memory. */
export function collectTable(file: string, chunks: Iterable<Buffer>, makeReader: (sink: RowSink<TableHead>) => TableRecordReader<TableHead>): LoadResult<RawTable> {
  const rows: RawRow[] = [];
  const head = readTableRecords(file, chunks, makeReader({ start: () => undefined, row: (r) => rows.push(r) }));
  return head.ok ? success({ ...head.value, rows }) : head;
}
