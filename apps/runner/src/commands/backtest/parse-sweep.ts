import { parse } from 'csv-parse/sync';
import { UsageError } from '../../cli/command';

/**
 * Parses `--sweep name=a..b[:step]` into the list of values (inclusive of b, step 1 by
 * default). Values are rounded to 12 significant digits so that 0.001 steps do not drift.
 */
export function parseSweep(text: string): { name: string; values: number[] } {
  const m = /^([A-Za-z][\w-]*)=(-?[\d.]+)\.\.(-?[\d.]+)(?::([\d.]+))?$/.exec(text.trim());
  if (!m) throw new UsageError(`--sweep ${JSON.stringify(text)}: expected name=start..end[:step], e.g. k=1..24 or threshold=0..0.049:0.001`);
  const start = Number(m[2]), end = Number(m[3]), step = m[4] === undefined ? 1 : Number(m[4]);
  if (![start, end, step].every(Number.isFinite) || step <= 0 || end < start) {
    throw new UsageError(`--sweep ${JSON.stringify(text)}: expected start <= end and a step > 0`);
  }
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  if (count > 100_000) throw new UsageError(`--sweep ${JSON.stringify(text)}: ${count} values is too many (at most 100,000)`);
  const values = Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12)));
  return { name: m[1], values };
}

/** Columns of a sweep CSV that hold results; every other column is a swept parameter. */
export const SWEEP_RESULT_COLUMNS: readonly string[] = ['total_return', 'cagr', 'volatility', 'sharpe', 'max_drawdown', 'rebalances', 'trades'];

/** One row of a sweep CSV: its parameters as `name=value` text and its Sharpe ratio (NaN when empty). */
export interface SweepTrial {
  readonly params: string;
  readonly sharpe: number;
}

/** Start columns (1-based characters) of the comma-separated fields of one CSV line, quotes respected. */
function fieldColumns(line: string): number[] {
  const cols = [1];
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) cols.push(i + 2);
  }
  return cols;
}

/**
 * Reads a sweep CSV as written by `ratecut backtest --sweep` (`#` comment lines, a header, one
 * row per parameter combination). Every cell must be a number, or empty for a metric that is
 * undefined (NaN); anything else is an error located at `file:line:column` — a cell is never
 * dropped silently (that would change the number of trials and so the deflated Sharpe ratio).
 * Returns the trials with a finite Sharpe ratio, or every problem found.
 */
export function parseSweepCsv(file: string, text: string): { ok: true; columns: string[]; trials: SweepTrial[] } | { ok: false; errors: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: string[] = [];
  let header: string[] | null = null, headerCols: number[] = [];
  const trials: SweepTrial[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    let cells: string[];
    try {
      cells = (parse(line, { relax_quotes: false }) as string[][])[0] ?? [];
    } catch (e) {
      errors.push(`${file}:${i + 1}:1: error bad-csv: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const cols = fieldColumns(line);
    if (header === null) { header = cells.map((c) => c.trim()); headerCols = cols; return; }
    if (cells.length !== header.length) {
      errors.push(`${file}:${i + 1}:1: error bad-csv: ${cells.length} cells, expected ${header.length} (${header.join(',')})`);
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((name, c) => {
      const raw = cells[c].trim();
      row[name] = raw;
      const metric = SWEEP_RESULT_COLUMNS.includes(name);
      if ((raw === '' && metric) || (raw !== '' && Number.isFinite(Number(raw)))) return;
      errors.push(`${file}:${i + 1}:${cols[c] ?? headerCols[c] ?? 1}: error bad-number: column "${name}": expected a number${metric ? ' or an empty cell (undefined)' : ''}, found ${JSON.stringify(raw.slice(0, 40))}`);
    });
    const params = header.filter((c) => !SWEEP_RESULT_COLUMNS.includes(c));
    trials.push({ params: params.map((c) => `${c}=${row[c]}`).join(' '), sharpe: row['sharpe'] === '' || row['sharpe'] === undefined ? NaN : Number(row['sharpe']) });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, columns: header ?? [], trials: trials.filter((t) => Number.isFinite(t.sharpe)) };
}
