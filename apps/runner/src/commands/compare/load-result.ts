import { basename } from 'node:path';
import { formatIssue, type Issue } from '@ratecut/sim-core';
import { readCompareJson, type CompareInput } from '@ratecut/studies';
import { readInputText } from '../../cli/read-input-file';
import { parseSweepCsv } from '../backtest/parse-sweep';

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

function loadSweep(file: string, name: string, text: string): SweepOutcome {
  const comments = text.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#\s?/, ''));
  const read = parseSweepCsv(file, text);
  if (!read.ok && !/^[^\n#]*\bsharpe\b/m.test(text)) {
    return { ok: false, errors: [`${file}: error not-a-result: not a ratecut result (neither a JSON result file nor a sweep CSV with a 'sharpe' column)`] };
  }
  if (!read.ok) return { ok: false, errors: read.errors };
  if (!read.columns.includes('sharpe')) {
    return { ok: false, errors: [`${file}: error not-a-result: not a ratecut result (neither a JSON result file nor a sweep CSV with a 'sharpe' column)`] };
  }
  const trials = read.trials;
  const description = comments.find((c) => / sweep on /.test(c)) ?? '';
  const m = /sweep on (\S+) .*?, (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}), (\d+) rows/.exec(description);
  const pair = m ? m[1] : null;
  return {
    ok: true,
    value: {
      kind: 'sweep', file, name, schema: 'sweep csv', description, pair, first: m ? m[2] : null, last: m ? m[3] : null,
      rows: m ? Number(m[4]) : null, periodsPerYear: pair === 'ff-size' ? 12 : 252, trials,
    },
  };
}

/**
 * Reads and validates one result file: a JSON result read by `readCompareJson` of
 * `@ratecut/studies` (the schema-version rule `report` applies too, a byte-order mark ignored,
 * syntax errors at their line and column, schema problems at the value's line, column and JSON
 * path), or a sweep CSV (`#` comment lines, a `sharpe` column). Every error names the file.
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
