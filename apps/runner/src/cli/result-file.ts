import { formatIssue } from '@ratecut/sim-core';
import { recogniseResult as recogniseResultDocument, type ReadResultKind } from '@ratecut/studies';

/**
 * The schema-version rule for result files as `report` applies it: `recogniseResult` of
 * `@ratecut/studies` (the rule `compare` reads with), its issues as
 * `file: error code: message` lines.
 */

/** A recognised result document, not yet checked field by field (the reader applies its zod schema). */
export interface ResultDocument {
  readonly file: string;
  readonly kind: ReadResultKind;
  /** The `schema` value as found, e.g. `ratecut.backtest/2` or `ratecut.backtest/2.2`. */
  readonly schema: string;
  readonly doc: Record<string, unknown>;
}

/** A recognised result, or every problem as a `file: error code: message` line. */
export type ResultOutcome = { readonly ok: true; readonly value: ResultDocument } | { readonly ok: false; readonly issues: readonly string[] };

/** Applies the schema-version rule to a parsed document. */
export function recogniseResult(file: string, json: unknown): ResultOutcome {
  const recognised = recogniseResultDocument(file, json);
  if (!recognised.ok) return { ok: false, issues: recognised.issues.map(formatIssue) };
  return { ok: true, value: { file, ...recognised.value, doc: json as Record<string, unknown> } };
}
