import { errorIssue } from '@ratecut/sim-core';
import { Parser, type CsvError, type Options } from 'csv-parse';
import type { Issue } from '@ratecut/sim-core';
import { escapeText } from '../validation/excerpt';

/** One CSV record with the 1-based file line it starts on. Cells are as written (not trimmed). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** True for a record with no text in any cell (a blank line). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}

/**
 * Splits CSV text fed in chunks of bytes into records with csv-parse (RFC 4180 quoting), handing
 * each record to `onRecord` as soon as it is complete, so a file of any size is split without
 * being held in memory. Blank lines are kept as records with one empty cell so callers can see
 * section breaks. Accepts LF, CRLF or CR line endings, a UTF-8 byte-order mark, rows of
 * different lengths and stray quotes inside unquoted text; chunks may end anywhere, even inside
 * a multi-byte character or a quoted cell.
 *
 * Text csv-parse cannot split (such as an unclosed quote) makes {@link CsvRecordStream.write}
 * or {@link CsvRecordStream.end} return a `wrong-format` issue at the line where it stopped;
 * after that the stream ignores further input.
 */
export class CsvRecordStream {
  private readonly parser: Parser;
  private lastLine = 0;
  private failed: Issue | undefined;

  /** `file` only labels the issue. */
  constructor(
    private readonly file: string,
    onRecord: (record: CsvRecord) => void,
  ) {
    const options: Options = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false };
    this.parser = new Parser(options);
    // Each record is taken where the parser would push it onto its stream: no stream machinery,
    // and no per-record copy of the parser's state (which an on_record callback costs: it was a
    // third of loading the real data). `info.lines` is then the line the record ends on.
    const info = this.parser.info;
    this.parser.push = (cells: unknown): boolean => {
      if (cells === null) return false;
      onRecord({ line: this.lastLine + 1, cells: cells as string[] });
      this.lastLine = info.lines;
      return true;
    };
  }

  /** Feeds the next bytes of the file; returns the `wrong-format` issue once the text is not CSV. */
  write(chunk: Buffer): Issue | undefined {
    // Node passes 'buffer' as the encoding of a Buffer chunk; csv-parse ignores it.
    if (this.failed === undefined) this.parser._transform(chunk, 'buffer' as BufferEncoding, (e) => this.fail(e));
    return this.failed;
  }

  /** Ends the input (a last record without a line break is handed over here). */
  end(): Issue | undefined {
    if (this.failed === undefined) this.parser._flush((e) => this.fail(e));
    return this.failed;
  }

  private fail(e: Error | null | undefined): void {
    if (e === null || e === undefined) return;
    const err = e as CsvError & { lines?: unknown };
    const line = typeof err.lines === 'number' ? err.lines : undefined;
    this.failed = errorIssue('wrong-format', this.file, `not readable as CSV: ${escapeText(err.message.slice(0, 200))}; expected comma-separated rows`, { line });
  }
}
