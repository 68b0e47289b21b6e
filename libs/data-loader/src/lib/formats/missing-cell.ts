import { parseNumberCell } from './number-cell';
import type { RawTable } from './raw-table';

/** Decides whether a trimmed cell means "no observation". */
export type MissingCellTest = (cell: string) => boolean;

/**
 * Missing-value rule for a table: the empty cell, the format's own tokens (FRED `.`, Yahoo
 * `null`) and sentinel numbers (Ken French -99.99, -999), plus the catalog entry's `missing`
 * strings, each matched as text or, when numeric, by value (so `-999` also matches `-999.00`).
 */
export function missingCellTest(table: Pick<RawTable, 'missingTokens' | 'missingNumbers'>, extra: readonly string[] = []): MissingCellTest {
  const tokens = new Set<string>([...table.missingTokens, ...extra.map((s) => s.trim())]);
  const numbers = [...table.missingNumbers, ...extra.map(parseNumberCell).filter((n) => !Number.isNaN(n))];
  return (cell) => {
    if (cell === '' || tokens.has(cell)) return true;
    if (numbers.length === 0) return false;
    const n = parseNumberCell(cell);
    return numbers.includes(n);
  };
}
