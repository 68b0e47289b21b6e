import { checkSchemaVersion, type ResultKind } from '@ratecut/contracts';
import type { LoadResult } from '@ratecut/sim-core';

/** The result kinds `compare` reads. */
export const READ_RESULT_KINDS = ['backtest', 'simulate'] as const satisfies readonly ResultKind[];

/** A result kind `compare` and `report` read. */
export type ReadResultKind = (typeof READ_RESULT_KINDS)[number];

/** A recognised result document, not yet checked field by field (each reader applies its zod schema). */
export interface RecognisedResult {
  readonly kind: ReadResultKind;
  /** The `schema` value as found, e.g. `ratecut.backtest/2` or `ratecut.backtest/2.2`. */
  readonly schema: string;
}

/**
 * Applies the one schema-version rule of `@ratecut/contracts` (`checkSchemaVersion`) to a
 * parsed JSON document from `file`: its kind and schema, or one issue (`not-a-result`,
 * `newer-schema`, `old-schema`) naming the file, with a message saying what was expected.
 */
export function recogniseResult(file: string, json: unknown): LoadResult<RecognisedResult> {
  const version = checkSchemaVersion(json, READ_RESULT_KINDS);
  if (!version.ok) return { ok: false, issues: [{ code: version.code, severity: 'error', file, message: version.message }] };
  return { ok: true, value: { kind: version.kind as ReadResultKind, schema: version.schema }, warnings: [] };
}
