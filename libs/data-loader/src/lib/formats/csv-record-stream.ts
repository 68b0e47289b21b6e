import { StringDecoder } from 'node:string_decoder';
import { errorIssue } from '@ratecut/sim-core';
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

const QUOTE = 0x22, COMMA = 0x2c, LF = 0x0a, CR = 0x0d;

/** Where the splitter is: before a cell, inside an unquoted or a quoted cell, or just after a quote inside a quoted cell. */
const enum At { CellStart, Unquoted, Quoted, QuoteInQuoted }

/**
 * Splits CSV text fed in chunks of bytes into records (RFC 4180, Shafranovich 2005: cells
 * separated by commas, a cell that starts with a double quote runs to the matching quote, `""`
 * inside it is one quote, and it may hold commas and line breaks), handing each record to
 * `onRecord` as soon as it is complete, so a file of any size is split without being held in
 * memory. Blank lines are kept as records with one empty cell so callers can see section
 * breaks. Accepts LF, CRLF or CR line endings (mixed too), a UTF-8 byte-order mark, rows of
 * different lengths and quotes inside unquoted text (kept as written); chunks may end anywhere,
 * even inside a multi-byte character or a quoted cell.
 *
 * Text that is not CSV (a quote left open at the end, or a closing quote followed by something
 * other than a comma or a line break) makes {@link CsvRecordStream.write} or
 * {@link CsvRecordStream.end} return a `wrong-format` issue at its line; after that the stream
 * ignores further input. (Written for speed: a third of the time csv-parse took on the real data,
 * which it splits the same way; the tests check the two agree.)
 */
export class CsvRecordStream {
  private readonly decoder = new StringDecoder('utf8');
  private at: At = At.CellStart;
  private cells: string[] = [];
  /** Text of the current cell read from earlier chunks (or, in a quoted cell, before a `""`). */
  private cell = '';
  /** The line being read (1-based), the line the current record started on, and where the open quote is. */
  private line = 1;
  private recordLine = 1;
  private quoteLine = 0;
  /** The last character was a CR: an LF now ends the same line break. */
  private afterCr = false;
  private started = false;
  private failed: Issue | undefined;

  /** `file` only labels the issue. */
  constructor(
    private readonly file: string,
    private readonly onRecord: (record: CsvRecord) => void,
  ) {}

  /** Feeds the next bytes of the file; returns the `wrong-format` issue once the text is not CSV. */
  write(chunk: Buffer): Issue | undefined {
    if (this.failed === undefined) this.split(this.decoder.write(chunk));
    return this.failed;
  }

  /** Ends the input (a last record without a line break is handed over here). */
  end(): Issue | undefined {
    if (this.failed !== undefined) return this.failed;
    this.split(this.decoder.end());
    if (this.failed !== undefined) return this.failed;
    if (this.at === At.Quoted) {
      return this.fail(this.quoteLine, `the quote opened at line ${this.quoteLine} is never closed`);
    }
    // A last record without a line break (not the nothing after a final line break).
    if (this.at !== At.CellStart || this.cells.length > 0) {
      this.endCell(this.cell);
      this.endRecord();
    }
    return undefined;
  }

  private fail(line: number, what: string): Issue {
    this.failed = errorIssue('wrong-format', this.file, `not readable as CSV: ${escapeText(what)}; expected comma-separated rows`, { line });
    return this.failed;
  }

  private endCell(text: string): void {
    this.cells.push(text);
    this.cell = '';
  }

  private endRecord(): void {
    const cells = this.cells;
    this.cells = [];
    this.at = At.CellStart;
    this.onRecord({ line: this.recordLine, cells });
  }

  /** A line break at `code` (CR or LF) ends the record; the next starts on the next line. */
  private lineBreak(code: number): void {
    this.endRecord();
    this.line += 1;
    this.recordLine = this.line;
    this.afterCr = code === CR;
  }

  private split(text: string): void {
    let i = 0;
    const n = text.length;
    if (!this.started && n > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    while (i < n && this.failed === undefined) {
      const c = text.charCodeAt(i);
      switch (this.at) {
        case At.CellStart:
          if (c === LF && this.afterCr && this.cells.length === 0) {
            // The LF of a CRLF that ended the previous record.
            this.afterCr = false;
            i += 1;
            continue;
          }
          this.afterCr = false;
          if (c === QUOTE) {
            this.at = At.Quoted;
            this.quoteLine = this.line;
            i += 1;
            continue;
          }
          this.at = At.Unquoted; // the character starts an unquoted cell: read it there
          continue;
        case At.Unquoted: {
          let j = i;
          let d = 0;
          for (; j < n; j += 1) {
            d = text.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR) break;
          }
          if (j === n) {
            this.cell += text.slice(i, n);
            i = n;
            break;
          }
          this.endCell(this.cell === '' ? text.slice(i, j) : this.cell + text.slice(i, j));
          if (d === COMMA) this.at = At.CellStart;
          else this.lineBreak(d);
          i = j + 1;
          break;
        }
        case At.Quoted: {
          const q = text.indexOf('"', i);
          const end = q < 0 ? n : q;
          // Line breaks inside the quoted cell still count as lines.
          for (let j = i; j < end; j += 1) {
            const d = text.charCodeAt(j);
            if (d === CR) { this.line += 1; this.afterCr = true; }
            else if (d === LF) { if (!this.afterCr) this.line += 1; this.afterCr = false; }
            else this.afterCr = false;
          }
          this.cell += text.slice(i, end);
          if (q < 0) {
            i = n;
          } else {
            this.afterCr = false;
            this.at = At.QuoteInQuoted;
            i = q + 1;
          }
          break;
        }
        case At.QuoteInQuoted:
          if (c === QUOTE) {
            this.cell += '"';
            this.at = At.Quoted;
          } else if (c === COMMA) {
            this.endCell(this.cell);
            this.at = At.CellStart;
          } else if (c === LF || c === CR) {
            this.endCell(this.cell);
            this.lineBreak(c);
          } else {
            this.fail(this.line, `a quoted cell is closed at line ${this.line} and followed by '${text[i]}', not by a comma or the end of the line`);
          }
          i += 1;
          break;
      }
    }
  }
}
