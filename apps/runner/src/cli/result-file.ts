import { checkSchemaVersion, type ResultKind } from '@ratecut/contracts';
import { readInputJson, parseInputJson } from './read-input-file';

/**
 * Reading result files for `compare` and `report`: the file is read here, then the one
 * schema-version rule of `@ratecut/contracts` (`checkSchemaVersion`) decides whether this
 * version reads it; its problems become `file: error code: message` lines.
 */

/** The result kinds `compare` and `report` read. */
const READ_KINDS = ['backtest', 'simulate'] as const satisfies readonly ResultKind[];
type ReadKind = (typeof READ_KINDS)[number];

/** A recognised result document, not yet checked field by field (each command applies its zod schema). */
export interface ResultDocument {
  readonly file: string;
  readonly kind: ReadKind;
  /** The `schema` value as found, e.g. `ratecut.backtest/2` or `ratecut.backtest/2.2`. */
  readonly schema: string;
  readonly doc: Record<string, unknown>;
}

/** A recognised result, or every problem as a `file[:line:column]: error code: message` line. */
export type ResultOutcome = { readonly ok: true; readonly value: ResultDocument } | { readonly ok: false; readonly issues: readonly string[] };

/** Applies the schema-version rule to a parsed document. */
export function recogniseResult(file: string, json: unknown): ResultOutcome {
  const version = checkSchemaVersion(json, READ_KINDS);
  if (!version.ok) return { ok: false, issues: [`${file}: error ${version.code}: ${version.message}`] };
  return { ok: true, value: { file, kind: version.kind as ReadKind, schema: version.schema, doc: json as Record<string, unknown> } };
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
