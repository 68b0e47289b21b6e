import { basename } from 'node:path';
import type { z } from 'zod';
import { readInputText } from '../../cli/read-input-file';
import { parseResultText } from '../../cli/result-file';
import { parseSweepCsv } from '../backtest/parse-sweep';
import { backtestResultSchema, type BacktestResultJson } from '@ratecut/contracts';
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
    readonly kind: 'sweep'; readonly file: string; readonly name: string; readonly schema: 'sweep csv';
    readonly description: string; readonly pair: string | null; readonly first: string | null; readonly last: string | null;
    readonly rows: number | null; readonly periodsPerYear: number; readonly trials: readonly SweepRow[];
  };

/** The outcome of loading: the result, or every problem found, each naming the file. */
export type LoadOutcome = { readonly ok: true; readonly value: LoadedResult } | { readonly ok: false; readonly errors: readonly string[] };

function zodErrors(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: error bad-result: ${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)'}: ${i.message}`);
}

function loadSweep(file: string, name: string, text: string): LoadOutcome {
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
 * Reads and validates one result file: a JSON result recognised by the shared rule of
 * `cli/result-file.ts` (the one `report` uses: byte-order mark ignored, same schema major,
 * located syntax errors), or a sweep CSV (`#` comment lines, a `sharpe` column). Every error
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
