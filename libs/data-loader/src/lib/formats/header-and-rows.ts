import { errorIssue } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { isBlankRecord, type CsvRecord } from './csv-record-stream';
import { trimCells, type RawRow } from './raw-table';
import { readTableRecords, type RowSink, type TableRecordReader } from './table-stream';
import { quoteExcerpt } from '../validation/excerpt';

/** The header and the data rows of a single-table CSV file. */
export interface HeaderAndRows {
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly rows: readonly RawRow[];
}

/** Decides, from the header alone, whether a single-table file is of the expected format. */
export type HeaderCheck<H> = (headerLine: number, header: readonly string[]) => LoadResult<H>;

/**
 * Reads a single-table CSV file record by record: the first non-blank record is the header
 * (checked with `check`), every later non-blank record a data row, all cells trimmed. Rows go to
 * `sink` only when the header passed. `finish()` gives `empty-file` for a header with no data
 * rows (at the header line), else the header check's result.
 */
export class SingleTableReader<H> implements TableRecordReader<H> {
  private headerLine = 0;
  private header: readonly string[] | undefined;
  private head: LoadResult<H> | undefined;
  private rows = 0;

  constructor(
    private readonly file: string,
    private readonly check: HeaderCheck<H>,
    private readonly sink: RowSink<H>,
  ) {}

  /** Takes the next record of the file. */
  record(record: CsvRecord): void {
    if (isBlankRecord(record)) return;
    if (this.header === undefined) {
      this.headerLine = record.line;
      this.header = trimCells(record.cells);
      this.head = this.check(this.headerLine, this.header);
      if (this.head.ok) this.sink.start(this.head.value);
      return;
    }
    this.rows += 1;
    if (this.head?.ok === true) this.sink.row({ line: record.line, cells: trimCells(record.cells) });
  }

  /** See the class. */
  finish(): LoadResult<H> {
    const header = this.header ?? [];
    if (this.rows === 0 || this.head === undefined) {
      return failure([
        errorIssue('empty-file', this.file, `a header row (${quoteExcerpt(header.join(','))}) but no data rows; expected at least one data row after it`, {
          line: this.headerLine,
        }),
      ]);
    }
    return this.head;
  }
}

/**
 * Splits single-table CSV text into its header (the first non-blank record) and data rows
 * (every later non-blank record), all cells trimmed. Issues: `empty-file` for a file with
 * nothing in it or with a header and no data rows (at the header line), `wrong-format` for
 * text that is not CSV.
 */
export function readHeaderAndRows(text: string, file: string): LoadResult<HeaderAndRows> {
  const rows: RawRow[] = [];
  const reader = new SingleTableReader(file, (headerLine, header) => success({ headerLine, header }), { start: () => undefined, row: (r) => rows.push(r) });
  const head = readTableRecords(file, [Buffer.from(text)], reader);
  return head.ok ? success({ ...head.value, rows }) : head;
}
