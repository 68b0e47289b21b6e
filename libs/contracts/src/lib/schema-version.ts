/**
 * The one rule for recognising ratecut result files. A result document is a JSON object whose
 * `schema` key is `ratecut.<kind>/<major>[.<minor>]`. A reader accepts the major it was built
 * for whatever the minor (a newer minor only adds keys, which readers ignore), refuses a newer
 * major (the file needs a newer ratecut) and an older major (the file must be written again).
 */

/** Kinds of JSON result files this version reads. */
export const RESULT_KINDS = ['cycles', 'backtest', 'sweep', 'simulate', 'compare', 'event-study', 'spa', 'out-of-sample', 'calibration', 'now'] as const;

/** A kind of JSON result file. */
export type ResultKind = (typeof RESULT_KINDS)[number];

/** The schema major each kind is written and read with by this version. */
export const RESULT_SCHEMA_MAJOR: Readonly<Record<ResultKind, number>> = { cycles: 1, backtest: 2, sweep: 2, simulate: 1, compare: 1, 'event-study': 1, spa: 1, 'out-of-sample': 1, calibration: 1, now: 1 };

/** The `schema` value a writer of `kind` puts in its files, e.g. `ratecut.backtest/2`. */
export function resultSchemaId<K extends ResultKind>(kind: K): `ratecut.${K}/${number}` {
  return `ratecut.${kind}/${RESULT_SCHEMA_MAJOR[kind]}`;
}

/** Why a document is not a readable result: not one at all, or a major this version does not read. */
export type SchemaVersionCode = 'not-a-result' | 'newer-schema' | 'old-schema';

/**
 * The schema-version rule's verdict on one parsed document: its kind and version, or a code and
 * a message a person can act on (without the file name, which the caller knows).
 */
export type SchemaVersionOutcome =
  | { readonly ok: true; readonly kind: ResultKind; readonly schema: string; readonly major: number; readonly minor: number | null }
  | { readonly ok: false; readonly code: SchemaVersionCode; readonly message: string };

const schemaPattern = new RegExp(`^ratecut\\.(${RESULT_KINDS.join('|')})\\/(\\d+)(?:\\.(\\d+))?$`);

/** The `schema` values this version reads, as a message fragment. */
const expectedOf = (kinds: readonly ResultKind[]): string => `"schema": ${kinds.map((k) => `"${resultSchemaId(k)}"`).join(' or ')}`;

/**
 * Applies the schema-version rule to a parsed JSON value (the file is read by the caller).
 * Only the `schema` key is looked at; the fields are checked afterwards by the kind's schema.
 * `kinds` are the kinds the caller reads (every kind by default): a result of another kind is
 * `not-a-result` for this reader, and the message lists what it expected.
 */
export function checkSchemaVersion(json: unknown, kinds: readonly ResultKind[] = RESULT_KINDS): SchemaVersionOutcome {
  const expected = expectedOf(kinds);
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  const schema = isObject ? (json as Record<string, unknown>)['schema'] : undefined;
  const m = typeof schema === 'string' ? schemaPattern.exec(schema) : null;
  if (m === null || typeof schema !== 'string') {
    const seen = !isObject ? 'not a JSON object' : typeof schema === 'string' ? `"schema": ${JSON.stringify(schema.slice(0, 80))}` : 'no "schema" key';
    return { ok: false, code: 'not-a-result', message: `not a ratecut result file (${seen}; expected ${expected})` };
  }
  const kind = m[1] as ResultKind;
  if (!kinds.includes(kind)) {
    return { ok: false, code: 'not-a-result', message: `not a result file this command reads ("schema": ${JSON.stringify(schema)}; expected ${expected})` };
  }
  const major = Number(m[2]);
  const readable = RESULT_SCHEMA_MAJOR[kind];
  if (major > readable) {
    return { ok: false, code: 'newer-schema', message: `${schema} was written by a newer ratecut; this version reads ratecut.${kind}/${readable}.x (upgrade ratecut)` };
  }
  if (major < readable) {
    return { ok: false, code: 'old-schema', message: `${schema} is older than this version reads (ratecut.${kind}/${readable}.x); re-run the command that wrote it` };
  }
  return { ok: true, kind, schema, major, minor: m[3] === undefined ? null : Number(m[3]) };
}
