import { basename } from 'node:path';
import type { z } from 'zod';
import { readInputText } from '../../cli/read-input-file';
import { parseResultText } from '../../cli/result-file';
import { backtestResultSchema, describeSweep, parseSweepTable, SWEEP_METRIC_COLUMNS, type BacktestResultJson } from '@ratecut/contracts';
import { simulateFileSchema, type SimulateFile } from './result-schemas';

/** One row of a relative-momentum sweep CSV. */
export interface SweepRow {
  readonly params: string;
  readonly sharpe: number;
}

/** A loaded result: a backtest or simulate file, or a sweep CSV. `name` is how outputs label it. */
export type LoadedResult =
  | { readonly kind: 'backtest'; readonly file: string; readonly name: string; readonly schema: string; readonly doc: BacktestResultJson }
  | { readonly kind: 'simulate'; readonly file: string; readonly name: string; readonly schema: string; readonly doc: SimulateFile }
  | {
    readonly kind: 'sweep'; readonly file: string; readonly name: string; readonly schema: string;
    readonly description: string; readonly pair: string | null; readonly first: string | null; readonly last: string | null;
    readonly rows: number | null; readonly periodsPerYear: number; readonly trials: readonly SweepRow[];
  };

/** The outcome of loading: the result, or every problem found, each naming the file. */
export type LoadOutcome = { readonly ok: true; readonly value: LoadedResult } | { readonly ok: false; readonly errors: readonly string[] };

function zodErrors(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: error bad-result: ${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)'}: ${i.message}`);
}

/** A sweep table (`ratecut.sweep/1`, read with its contracts schema): its header describes the run, each row with a Sharpe ratio is a trial. */
function loadSweep(file: string, name: string, text: string): LoadOutcome {
  const read = parseSweepTable(text);
  if (!read.ok) {
    return { ok: false, errors: read.problems.map((p) => `${[file, p.line, p.column].filter((x) => x !== undefined).join(':')}: error ${p.code}: ${p.message}`) };
  }
  const { header, rows } = read.table;
  const sharpe = header.parameters.length + SWEEP_METRIC_COLUMNS.indexOf('sharpe');
  const trials = rows.filter((r) => r[sharpe] !== null)
    .map((r) => ({ params: header.parameters.map((c, i) => `${c}=${r[i]}`).join(' '), sharpe: r[sharpe] as number }));
  return {
    ok: true,
    value: {
      kind: 'sweep', file, name, schema: header.schema, description: describeSweep(header), pair: header.pair, first: header.first, last: header.last,
      rows: header.rows, periodsPerYear: header.periodsPerYear, trials,
    },
  };
}

/**
 * Reads and validates one result file: a JSON result recognised by the shared rule of
 * `cli/result-file.ts` (the one `report` uses: byte-order mark ignored, same schema major,
 * located syntax errors), or a `ratecut.sweep/1` table (a CSV file with `#` comment lines). Every error
 * names the file.
 */
export function loadResult(file: string, cwd: string): LoadOutcome {
  const name = basename(file);
  const read = readInputText(file, cwd);
  if (!read.ok) return { ok: false, errors: [read.issue] };
  const text = read.text;
  const start = text.trimStart();
  if (!start.startsWith('{')) {
    if (start.startsWith('#') || /\.csv$/i.test(file)) return loadSweep(file, name, text);
    return { ok: false, errors: [`${file}: error not-a-result: not a ratecut result file (expected a JSON object with "schema": "ratecut.backtest/2" or "ratecut.simulate/1", or a sweep CSV)`] };
  }
  const recognised = parseResultText(file, text);
  if (!recognised.ok) return { ok: false, errors: recognised.issues };
  const { kind, schema, doc } = recognised.value;
  if (kind === 'backtest') {
    const parsed = backtestResultSchema.safeParse(doc);
    if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
    return { ok: true, value: { kind, file, name, schema, doc: parsed.data } };
  }
  const parsed = simulateFileSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  return { ok: true, value: { kind, file, name, schema, doc: parsed.data } };
}
