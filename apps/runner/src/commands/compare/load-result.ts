import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { z } from 'zod';
import { parseSweepCsv } from '../backtest/parse-sweep';
import { backtestFileSchema, simulateFileSchema, type BacktestFile, type SimulateFile } from './result-schemas';

/** The schema majors this version reads. */
export const READABLE_MAJOR: Readonly<Record<'backtest' | 'simulate', number>> = { backtest: 1, simulate: 1 };

/** One row of a relative-momentum sweep CSV. */
export interface SweepRow {
  readonly params: string;
  readonly sharpe: number;
}

/** A loaded result: a backtest or simulate file, or a sweep CSV. `name` is how outputs label it. */
export type LoadedResult =
  | { readonly kind: 'backtest'; readonly file: string; readonly name: string; readonly schema: string; readonly doc: BacktestFile }
  | { readonly kind: 'simulate'; readonly file: string; readonly name: string; readonly schema: string; readonly doc: SimulateFile }
  | {
    readonly kind: 'sweep'; readonly file: string; readonly name: string; readonly schema: 'sweep csv';
    readonly description: string; readonly pair: string | null; readonly first: string | null; readonly last: string | null;
    readonly rows: number | null; readonly periodsPerYear: number; readonly trials: readonly SweepRow[];
  };

/** The outcome of loading: the result, or every problem found, each naming the file. */
export type LoadOutcome = { readonly ok: true; readonly value: LoadedResult } | { readonly ok: false; readonly errors: readonly string[] };

/** 1-based `line:column` of a character offset in `text`. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** True when parsing `prefix` fails for a reason other than running out of input. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    return !/end of JSON input/.test(message) && !(pos !== null && Number(pos[1]) >= prefix.length);
  }
}

/**
 * Offset of the first offending character of malformed JSON, for parsers whose message has no
 * position (Node 20): the shortest failing prefix, found by bisection (a prefix that stops
 * before the error only runs out of input). Null when the whole text does not fail.
 */
function jsonErrorOffset(text: string): number | null {
  if (!failsBeforeEnd(text)) return null;
  let lo = 0, hi = text.length; // failsBeforeEnd(text.slice(0, hi)) holds
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (failsBeforeEnd(text.slice(0, mid))) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

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
 * Reads and validates one result file: a `ratecut.backtest/N` or `ratecut.simulate/N` JSON file
 * (same major as {@link READABLE_MAJOR}; any minor), or a sweep CSV (`#` comment lines, a
 * `sharpe` column). Every error names the file; JSON syntax errors give `line:column`.
 */
export function loadResult(file: string, cwd: string): LoadOutcome {
  const path = resolve(cwd, file);
  const name = basename(file);
  if (!existsSync(path)) return { ok: false, errors: [`${file}: error missing-file: file not found`] };
  const text = readFileSync(path, 'utf8');
  const start = text.trimStart();
  if (!start.startsWith('{')) {
    if (start.startsWith('#') || /\.csv$/i.test(file)) return loadSweep(file, name, text);
    return { ok: false, errors: [`${file}: error not-a-result: not a ratecut result file (expected a JSON object with "schema": "ratecut.backtest/1" or "ratecut.simulate/1", or a sweep CSV)`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : /end of JSON input/.test(message) ? text.length : jsonErrorOffset(text);
    const truncated = offset !== null && offset >= text.trimEnd().length;
    const what = truncated ? 'truncated JSON (the file ends before the document does)' : 'malformed JSON';
    return { ok: false, errors: [`${file}${offset === null ? '' : `:${lineColumn(text, offset)}`}: error bad-json: ${what}: ${message.split('\n')[0]}`] };
  }
  const schema = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>)['schema'] : undefined;
  const m = typeof schema === 'string' ? /^ratecut\.(backtest|simulate)\/(\d+)(?:\.(\d+))?$/.exec(schema) : null;
  if (!m) {
    const seen = typeof schema === 'string' ? `"schema": ${JSON.stringify(schema)}` : 'no "schema" key';
    return { ok: false, errors: [`${file}: error not-a-result: not a ratecut result file (${seen}; expected "ratecut.backtest/1" or "ratecut.simulate/1")`] };
  }
  const kind = m[1] as 'backtest' | 'simulate';
  const major = Number(m[2]);
  if (major > READABLE_MAJOR[kind]) {
    return { ok: false, errors: [`${file}: error newer-schema: ${schema} was written by a newer ratecut; this version reads ratecut.${kind}/${READABLE_MAJOR[kind]}.x (upgrade ratecut)`] };
  }
  if (major < READABLE_MAJOR[kind]) {
    return { ok: false, errors: [`${file}: error old-schema: ${schema} is older than this version reads (ratecut.${kind}/${READABLE_MAJOR[kind]}.x); re-run the command that wrote it`] };
  }
  if (kind === 'backtest') {
    const parsed = backtestFileSchema.safeParse(json);
    if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
    return { ok: true, value: { kind, file, name, schema: String(schema), doc: parsed.data } };
  }
  const parsed = simulateFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  return { ok: true, value: { kind, file, name, schema: String(schema), doc: parsed.data } };
}
