import { z } from 'zod';
import { rebalanceScheduleJsonSchema } from './backtest-config';
import { deflatedSharpeJsonSchema } from './compare-result';
import { checkSchemaVersion, resultSchemaId } from './schema-version';

/**
 * The sweep table written by `ratecut backtest --sweep` (schema `ratecut.sweep/2`): a CSV file
 * with one row per parameter combination.
 *
 * ```
 * # SYNTHETIC SAMPLE: ...                      (only for the synthetic sample: first line of every output)
 * # ratecut backtest --strategy relative-momentum --sweep k=1..24 ...   (the command line)
 * # relative-momentum sweep on rut-gspc (price return: ...), 1987-09-10 to 2026-02-23, 9686 rows; lag 1, costs 5+5 bp, cash fedfunds
 * # {"schema":"ratecut.sweep/2","strategy":"relative-momentum","pair":"rut-gspc",...,"cycles":["1989-06",...],...}
 * k_months,threshold,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate,excess_1989-06,...
 * 1,0,1.7695009794935581,0.026859720546706267,...
 * ```
 *
 * The `#` lines before the last are free text for people; the last `#` line is the header, a
 * JSON object ({@link sweepHeaderSchema}) that readers parse, under the schema-version rule of
 * `schema-version.ts`. The column line is the header's `parameters`, {@link SWEEP_METRIC_COLUMNS}
 * (full history), {@link SWEEP_CYCLE_COLUMNS} and one `excess_<id>` column per replayed cycle
 * (the combination's total return minus the benchmark's over the cycle's window, each run
 * starting in cash at the window's first close); every cell is a number written as JavaScript
 * prints it (shortest round-trip form), and a metric that is undefined (NaN) is an empty cell.
 * Major 2 added the cycle columns and the header's benchmark, window, cycles, counted cycles and
 * deflated Sharpe ratio; a `ratecut.sweep/1` table is refused with a request to re-run it.
 */

/** The `schema` value of sweep tables written by this version. */
export const SWEEP_SCHEMA = resultSchemaId('sweep');

/** The full-history metric columns of a sweep table, after the parameter columns, in this order. */
export const SWEEP_METRIC_COLUMNS = ['total_return', 'cagr', 'volatility', 'sharpe', 'max_drawdown', 'rebalances'] as const;

/**
 * The cycle columns after the metrics: the mean excess total return over the benchmark across
 * the counted cycles (decimal return points) and the share of counted cycles in which the
 * combination beat the benchmark (0..1); then one `excess_<cycle id>` column per replayed cycle.
 */
export const SWEEP_CYCLE_COLUMNS = ['mean_cycle_excess', 'cycle_hit_rate'] as const;

/**
 * The header of a sweep table: what was swept, on which data, with which execution settings.
 * Dates are `YYYY-MM-DD`; costs are basis points of traded value.
 */
export const sweepHeaderSchema = z.object({
  schema: z.string(),
  /** The swept built-in strategy. */
  strategy: z.string(),
  /** Names of the parameter columns, in column order (e.g. `k_months`, `threshold`). */
  parameters: z.array(z.string().min(1)).min(1),
  pair: z.string(),
  /** The pair's return basis in words (price or total return). */
  returnBasis: z.string(),
  first: z.string(),
  last: z.string(),
  rows: z.number().int().min(1),
  periodsPerYear: z.number().positive(),
  executionLag: z.number().int().min(0),
  costBps: z.number(),
  slippageBps: z.number(),
  cash: z.string(),
  /** True when the table was made from the bundled synthetic sample, not market history. */
  synthetic: z.boolean(),
  /** The strategy's rebalancing schedule (its configured one, else the built-in's own). */
  schedule: rebalanceScheduleJsonSchema,
  /** The benchmark strategy each cycle window is compared with (a built-in's name). */
  benchmark: z.string(),
  /** The window replayed around each cycle's anchor cut, in calendar months. */
  window: z.object({ beforeMonths: z.number(), afterMonths: z.number(), anchor: z.enum(['first-cut', 'last-cut']) }),
  /** Ids of the cycles replayed (each an `excess_<id>` column), in order. */
  cycles: z.array(z.string()),
  /** Ids of the cycles that enter `mean_cycle_excess` and `cycle_hit_rate` (one per episode by default; see `--count`). */
  counted: z.array(z.string()),
  /**
   * The deflated Sharpe ratio (Bailey and López de Prado, 2014) of the combination with the best
   * full-history Sharpe ratio over cash, the other combinations as its trials; null with fewer
   * than two combinations that have a Sharpe ratio.
   */
  deflatedSharpe: deflatedSharpeJsonSchema.nullable(),
});

/** The header of a sweep table. */
export type SweepHeader = z.infer<typeof sweepHeaderSchema>;

/** A sweep table: its free comment lines, header, columns and rows. */
export const sweepTableSchema = z.object({
  /** Free text lines before the header, without `# ` (the notice, the command line, the description). */
  comments: z.array(z.string()),
  header: sweepHeaderSchema,
  /** Column names: the header's parameters, then {@link SWEEP_METRIC_COLUMNS}. */
  columns: z.array(z.string()),
  /** One row per combination: parameters (finite numbers), then metrics (null when undefined). */
  rows: z.array(z.array(z.number().nullable())),
});

/** A sweep table as written and read. */
export type SweepTable = z.infer<typeof sweepTableSchema>;

/** The columns of a table with `header`: its parameters, the metrics, the cycle aggregates, then one excess per cycle. */
export function sweepColumns(header: Pick<SweepHeader, 'parameters' | 'cycles'>): string[] {
  return [...header.parameters, ...SWEEP_METRIC_COLUMNS, ...SWEEP_CYCLE_COLUMNS, ...header.cycles.map((id) => `excess_${id}`)];
}

/**
 * The human description line of a sweep (the comment line before the header), e.g.
 * `relative-momentum sweep on rut-gspc (price return: ...), 1987-09-10 to 2026-02-23, 9686 rows;
 * lag 1, costs 5+5 bp, cash fedfunds`, with `, month-end schedule` (or another schedule than the
 * default `on-signal`) appended.
 */
export function describeSweep(h: Omit<SweepHeader, 'deflatedSharpe'>): string {
  const schedule = h.schedule === undefined || h.schedule.kind === 'on-signal' ? '' : `, ${h.schedule.kind} schedule`;
  return `${h.strategy} sweep on ${h.pair} (${h.returnBasis}), ${h.first} to ${h.last}, ${h.rows} rows; lag ${h.executionLag}, costs ${h.costBps}+${h.slippageBps} bp, cash ${h.cash}${schedule}`;
}

/** A cell as written: a number in JavaScript's shortest round-trip form, or empty for null. */
const cellText = (v: number | null): string => (v === null ? '' : String(v));

/**
 * The file text of a sweep table: `# ` comment lines, the JSON header line, the column line and
 * one line per row, each ending in `\n`. Pure; the same table gives the same bytes.
 */
export function formatSweepTable(table: SweepTable): string {
  return [
    ...table.comments.map((c) => `# ${c}`),
    `# ${JSON.stringify(table.header)}`,
    table.columns.join(','),
    ...table.rows.map((r) => r.map(cellText).join(',')),
  ].join('\n') + '\n';
}

/** Why a text is not a readable sweep table, where (1-based line and character column). */
export interface SweepTableProblem {
  readonly code: 'not-a-result' | 'old-schema' | 'newer-schema' | 'bad-result' | 'bad-csv' | 'bad-number';
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** The outcome of {@link parseSweepTable}: the table, or every problem found. */
export type SweepTableParse =
  | { readonly ok: true; readonly table: SweepTable }
  | { readonly ok: false; readonly problems: readonly SweepTableProblem[] };

/** The cells of one CSV line and their 1-based start columns; a cell in double quotes is unquoted (`""` is a quote). */
function splitLine(line: string): { cells: string[]; columns: number[] } | null {
  const cells: string[] = [], columns: number[] = [];
  let i = 0;
  for (;;) {
    columns.push(i + 1);
    if (line[i] === '"') {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= line.length) return null; // an unterminated quote
        if (line[i] === '"' && line[i + 1] === '"') { text += '"'; i += 2; continue; }
        if (line[i] === '"') { i += 1; break; }
        text += line[i];
        i += 1;
      }
      if (i < line.length && line[i] !== ',') return null; // text after a closing quote
      cells.push(text);
    } else {
      const end = line.indexOf(',', i);
      cells.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return { cells, columns };
    i += 1; // the comma
  }
}

/**
 * Parses the text of a sweep table (a leading byte-order mark and `\r\n` line ends accepted).
 * Pure. Problems: `not-a-result` when the text has no `sharpe` column and no header line;
 * `old-schema` for a sweep table without the JSON header line (written before the table had
 * one: re-run it); the schema-version rule's `newer-schema` / `old-schema` / `not-a-result` for
 * the header's `schema`; `bad-result` for a header that breaks {@link sweepHeaderSchema} or
 * columns that are not the header's; `bad-csv` for a line that is not CSV or has the wrong
 * number of cells; `bad-number` for each cell that is not a number (metrics may be empty). A
 * cell is never dropped silently: that would change the number of trials a reader counts.
 */
export function parseSweepTable(text: string): SweepTableParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const comments: { text: string; line: number }[] = [];
  let columnLine = -1;
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i].startsWith('#')) { comments.push({ text: lines[i].replace(/^#\s?/, ''), line: i + 1 }); continue; }
    if (lines[i].trim() === '') continue;
    columnLine = i;
    break;
  }
  const headerAt = comments.length > 0 && comments[comments.length - 1].text.trimStart().startsWith('{') ? comments[comments.length - 1] : null;
  const columnCells = columnLine < 0 ? null : splitLine(lines[columnLine]);
  const looksLikeSweep = columnCells !== null && columnCells.cells.some((c) => c.trim() === 'sharpe');
  if (headerAt === null) {
    return {
      ok: false,
      problems: [looksLikeSweep
        ? { code: 'old-schema', message: `a sweep table without its header line (# {"schema": "${SWEEP_SCHEMA}", ...}) is older than this version reads; re-run the command that wrote it` }
        : { code: 'not-a-result', message: `not a ratecut result (neither a JSON result file nor a sweep table with a "# {"schema": "${SWEEP_SCHEMA}", ...}" header line)` }],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(headerAt.text);
  } catch (e) {
    return { ok: false, problems: [{ code: 'bad-result', line: headerAt.line, column: 1, message: `the header line is not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const version = checkSchemaVersion(json, ['sweep']);
  if (!version.ok) return { ok: false, problems: [{ code: version.code, line: headerAt.line, column: 1, message: version.message }] };
  const header = sweepHeaderSchema.safeParse(json);
  if (!header.success) {
    return { ok: false, problems: header.error.issues.map((i) => ({ code: 'bad-result' as const, line: headerAt.line, column: 1, message: `header ${i.path.join('.') || '(root)'}: ${i.message}` })) };
  }
  const expected = sweepColumns(header.data);
  if (columnCells === null || columnCells.cells.map((c) => c.trim()).join(',') !== expected.join(',')) {
    const found = columnLine < 0 ? 'no column line' : `"${lines[columnLine].slice(0, 200)}"`;
    return { ok: false, problems: [{ code: 'bad-result', line: columnLine < 0 ? lines.length : columnLine + 1, column: 1, message: `expected the columns ${expected.join(',')}; found ${found}` }] };
  }
  const problems: SweepTableProblem[] = [];
  const rows: (number | null)[][] = [];
  const parameters = header.data.parameters.length;
  for (let i = columnLine + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const split = splitLine(line);
    if (split === null) { problems.push({ code: 'bad-csv', line: i + 1, column: 1, message: 'not a CSV line (an unterminated quote, or text after a closing quote)' }); continue; }
    if (split.cells.length !== expected.length) {
      problems.push({ code: 'bad-csv', line: i + 1, column: 1, message: `${split.cells.length} cells, expected ${expected.length} (${expected.join(',')})` });
      continue;
    }
    const row = split.cells.map((cell, c) => {
      const raw = cell.trim();
      const metric = c >= parameters;
      if (raw === '' && metric) return null;
      const value = Number(raw);
      if (raw !== '' && Number.isFinite(value)) return value;
      problems.push({
        code: 'bad-number', line: i + 1, column: split.columns[c],
        message: `column "${expected[c]}": expected a number${metric ? ' or an empty cell (undefined)' : ''}, found ${JSON.stringify(raw.slice(0, 40))}`,
      });
      return null;
    });
    rows.push(row);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { comments: comments.slice(0, -1).map((c) => c.text), header: header.data, columns: expected, rows } };
}
