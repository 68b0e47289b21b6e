import { missingCellTest, type MissingCellTest } from './missing-cell';
import { parseNumberCell } from './number-cell';
import type { RawRow, RawTable } from './raw-table';
import type { RowSink, TableHead } from './table-stream';

/**
 * Finds, while a table's rows are read, the first column (in header order), other than the
 * date column, that holds at least one number that is not a missing-value code. Keeps one
 * index: the leftmost such column seen so far, so each row only looks at the columns left of it.
 */
export class DataColumnFinder implements RowSink<TableHead> {
  private head: TableHead | undefined;
  private isMissing: MissingCellTest = () => false;
  private found = Infinity;

  constructor(private readonly extraMissing: readonly string[] = []) {}

  /** Takes the table's header. */
  start(head: TableHead): void {
    this.head = head;
    this.isMissing = missingCellTest(head, this.extraMissing);
  }

  /** Looks at the cells of the next row left of the best column so far. */
  row(row: RawRow): void {
    const head = this.head;
    if (head === undefined) return;
    const end = Math.min(this.found, head.header.length);
    for (let c = 0; c < end; c += 1) {
      if (c === head.dateColumn) continue;
      const cell = row.cells[c];
      if (cell !== undefined && !this.isMissing(cell) && !Number.isNaN(parseNumberCell(cell))) {
        this.found = c;
        return;
      }
    }
  }

  /** Name of the column found, or `undefined` when no column holds a number. */
  column(): string | undefined {
    return this.head !== undefined && Number.isFinite(this.found) ? this.head.header[this.found] : undefined;
  }
}

/**
 * Name of the first column, other than the date column, that holds at least one number that
 * is not a missing-value code; `undefined` when there is none. Used as the value column of a
 * catalog entry that names none (e.g. `Lo 30` in `Portfolios_Formed_on_ME.csv`, whose first
 * column `<= 0` is entirely -99.99).
 */
export function firstDataColumn(table: RawTable, extraMissing: readonly string[] = []): string | undefined {
  const finder = new DataColumnFinder(extraMissing);
  finder.start(table);
  for (const row of table.rows) finder.row(row);
  return finder.column();
}
