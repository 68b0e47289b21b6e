/** Rows of cells as aligned text columns two spaces apart: right-aligned where `rightAlign(column)`, else left. */
export function textGrid(rows: readonly (readonly string[])[], rightAlign: (col: number) => boolean): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (rightAlign(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}
