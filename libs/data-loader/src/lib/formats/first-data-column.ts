import { missingCellTest } from './missing-cell';
import { parseNumberCell } from './number-cell';
import type { RawTable } from './raw-table';

/**
 * Name of the first column, other than the date column, that holds at least one number that
 * is not a missing-value code; `undefined` when there is none. Used as the value column of a
 * catalog entry that names none (e.g. `Lo 30` in `Portfolios_Formed_on_ME.csv`, whose first
 * column `<= 0` is entirely -99.99).
 */
export function firstDataColumn(table: RawTable, extraMissing: readonly string[] = []): string | undefined {
  const isMissing = missingCellTest(table, extraMissing);
  for (let c = 0; c < table.header.length; c += 1) {
    if (c === table.dateColumn) continue;
    for (const row of table.rows) {
      const cell = row.cells[c];
      if (cell !== undefined && !isMissing(cell) && !Number.isNaN(parseNumberCell(cell))) return table.header[c];
    }
  }
  return undefined;
}
