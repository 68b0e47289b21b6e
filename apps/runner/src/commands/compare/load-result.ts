import { basename } from 'node:path';
import { formatIssue, type Issue } from '@ratecut/sim-core';
import { readCompareJson, type CompareInput } from '@ratecut/studies';
import { readInputText } from '../../cli/read-input-file';
import { describeSweep, parseSweepTable, SWEEP_METRIC_COLUMNS } from '@ratecut/contracts';

/** A loaded result: a backtest or simulate file, or a sweep CSV. `name` is how outputs label it. */
export type LoadedResult = CompareInput;

/** The outcome of reading a sweep CSV: the result, or every problem as a `file[:line:column]: error code: message` line. */
type SweepOutcome = { readonly ok: true; readonly value: LoadedResult } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * The outcome of loading: the result, or every problem found, each naming the file: issues
 * for a JSON result file (located by line, column and JSON path), lines for a file that cannot
 * be read and for a sweep CSV.
 */
export type LoadOutcome =
  | { readonly ok: true; readonly value: LoadedResult }
  | { readonly ok: false; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The problems of a failed load as `file[:line:column][ $.path]: error code: message` lines. */
export function loadErrorLines(outcome: Extract<LoadOutcome, { ok: false }>): string[] {
  return 'issues' in outcome ? outcome.issues.map(formatIssue) : [...outcome.errors];
}

/** A sweep table (`ratecut.sweep/1`, read with its contracts schema): its header describes the run, each row with a Sharpe ratio is a trial. */
function loadSweep(file: string, name: string, text: string): SweepOutcome {
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
 * Reads and validates one result file: a JSON result read by `readCompareJson` of
 * `@ratecut/studies` (the schema-version rule `report` applies too, a byte-order mark ignored,
 * syntax errors at their line and column, schema problems at the value's line, column and JSON
 * path), or a `ratecut.sweep/1` table (a CSV file whose `#` header line carries its schema). Every error names the file.
 */
export function loadResult(file: string, cwd: string): LoadOutcome {
  const name = basename(file);
  const read = readInputText(file, cwd);
  if (!read.ok) return { ok: false, errors: [read.issue] };
  const text = read.text;
  const start = text.trimStart();
  if (!start.startsWith('{')) {
    if (start.startsWith('#') || /\.csv$/i.test(file)) return loadSweep(file, name, text);
    return { ok: false, issues: [{ code: 'not-a-result', severity: 'error', file, message: 'not a ratecut result file (expected a JSON object with "schema": "ratecut.backtest/2" or "ratecut.simulate/1", or a sweep CSV)' }] };
  }
  const json = readCompareJson(file, cwd);
  return json.ok ? { ok: true, value: json.value } : json;
}
