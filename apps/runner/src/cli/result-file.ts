import { readInputJson, parseInputJson } from './read-input-file';

/**
 * The one rule for recognising ratecut result files, shared by `compare` and `report`: the
 * `schema` key is `ratecut.<kind>/<major>[.<minor>]`; the same major as this version writes is
 * read whatever the minor (readers ignore keys they do not know), a newer major is refused
 * (upgrade ratecut), an older one too (re-run the command that wrote it).
 */

/** Kinds of JSON result files. */
export type ResultKind = 'backtest' | 'simulate';

/** The schema major each kind is written and read with by this version. */
export const RESULT_SCHEMA_MAJOR: Readonly<Record<ResultKind, number>> = { backtest: 1, simulate: 1 };

/** A recognised result document, not yet checked field by field (each command applies its zod schema). */
export interface ResultDocument {
  readonly file: string;
  readonly kind: ResultKind;
  /** The `schema` value as found, e.g. `ratecut.backtest/1` or `ratecut.backtest/1.2`. */
  readonly schema: string;
  readonly doc: Record<string, unknown>;
}

/** A recognised result, or every problem as a `file[:line:column]: error code: message` line. */
export type ResultOutcome = { readonly ok: true; readonly value: ResultDocument } | { readonly ok: false; readonly issues: readonly string[] };

const expected = `"schema": "ratecut.backtest/${RESULT_SCHEMA_MAJOR.backtest}" or "ratecut.simulate/${RESULT_SCHEMA_MAJOR.simulate}"`;

/** Applies the schema-version rule to a parsed document. */
export function recogniseResult(file: string, json: unknown): ResultOutcome {
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  const schema = isObject ? (json as Record<string, unknown>)['schema'] : undefined;
  const m = typeof schema === 'string' ? /^ratecut\.(backtest|simulate)\/(\d+)(?:\.(\d+))?$/.exec(schema) : null;
  if (!m || typeof schema !== 'string') {
    const seen = !isObject ? 'not a JSON object' : typeof schema === 'string' ? `"schema": ${JSON.stringify(schema.slice(0, 80))}` : 'no "schema" key';
    return { ok: false, issues: [`${file}: error not-a-result: not a ratecut result file (${seen}; expected ${expected})`] };
  }
  const kind = m[1] as ResultKind;
  const major = Number(m[2]), readable = RESULT_SCHEMA_MAJOR[kind];
  if (major > readable) {
    return { ok: false, issues: [`${file}: error newer-schema: ${schema} was written by a newer ratecut; this version reads ratecut.${kind}/${readable}.x (upgrade ratecut)`] };
  }
  if (major < readable) {
    return { ok: false, issues: [`${file}: error old-schema: ${schema} is older than this version reads (ratecut.${kind}/${readable}.x); re-run the command that wrote it`] };
  }
  return { ok: true, value: { file, kind, schema, doc: json as Record<string, unknown> } };
}

/** Parses result-file text already read (byte-order mark removed) and recognises it. */
export function parseResultText(file: string, text: string): ResultOutcome {
  const parsed = parseInputJson(file, text);
  return parsed.ok ? recogniseResult(file, parsed.value) : { ok: false, issues: [parsed.issue] };
}

/**
 * Reads one result file named on the command line (resolved against `cwd`): not-a-file and
 * read problems, JSON syntax errors with `line:column` (also for a truncated file), a leading
 * UTF-8 byte-order mark ignored, then the schema-version rule above.
 */
export function readResultFile(file: string, cwd: string): ResultOutcome {
  const parsed = readInputJson(file, cwd);
  return parsed.ok ? recogniseResult(file, parsed.value) : { ok: false, issues: [parsed.issue] };
}
