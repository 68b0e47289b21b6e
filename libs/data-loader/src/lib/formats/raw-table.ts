import type { DateFormat } from './date-format';

/** One data row of a table: its 1-based file line and its cells, trimmed. */
export interface RawRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * What every format reader returns: the header and data rows of one table, still as text, with
 * the line of each row, so later checks can point at the exact cell. Rows keep their order in
 * the file; blank lines are not included.
 */
export interface RawTable {
  /** Path of the file as given to the reader, repeated in every issue. */
  readonly file: string;
  /** 1-based line of the header row. */
  readonly headerLine: number;
  /** Header cells, trimmed. Column `i` of `header` is field `i + 1` of each row. */
  readonly header: readonly string[];
  /** 0-based index of the date column in `header` and in each row. */
  readonly dateColumn: number;
  /** How the date column is written. */
  readonly dateFormat: DateFormat;
  readonly rows: readonly RawRow[];
  /** Cell texts (besides the empty cell) that mean "no observation" in this format, e.g. FRED's `.`. */
  readonly missingTokens: readonly string[];
  /** Numbers that mean "no observation" in this format, e.g. Ken French's -99.99 and -999. */
  readonly missingNumbers: readonly number[];
}

/** Trims every cell of a record. */
export function trimCells(cells: readonly string[]): string[] {
  return cells.map((c) => c.trim());
}
