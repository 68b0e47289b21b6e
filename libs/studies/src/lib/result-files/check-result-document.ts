import {
  backtestResultSchema, calibrationResultSchema, checkSchemaVersion, compareResultSchema, cyclesResultSchema, eventStudyResultSchema, nowResultSchema, outOfSampleResultSchema, simulateResultSchema, spaResultSchema,
} from '@ratecut/contracts';
import { jsonPathOf, type Issue, type LoadResult } from '@ratecut/sim-core';
import type { z } from 'zod';
import type { JsonResultKind, ResultDocument, ResultFileOf } from './result-file';

/** The contracts schema of each JSON result kind. */
const RESULT_SCHEMAS: { readonly [K in JsonResultKind]: z.ZodType<ResultFileOf<K>['doc']> } = {
  backtest: backtestResultSchema,
  simulate: simulateResultSchema,
  'event-study': eventStudyResultSchema,
  'out-of-sample': outOfSampleResultSchema,
  calibration: calibrationResultSchema,
  now: nowResultSchema,
  spa: spaResultSchema,
  cycles: cyclesResultSchema,
  compare: compareResultSchema,
};

/**
 * Checks one parsed JSON document against the result kinds a command reads: the schema-version
 * rule of `@ratecut/contracts` (`checkSchemaVersion(value, kinds)`), then the kind's full schema
 * ({@link RESULT_SCHEMAS}). Every problem is an issue naming the file:
 * - `not-a-result` (not a result, or a kind the command does not read), `newer-schema` or
 *   `old-schema` for the `schema` key, with the rule's message;
 * - one `bad-result` per missing or mistyped field, its message starting with the value's JSON
 *   path (`strategies[1].label: ...`, `(root)` for the document itself) and ending with the
 *   schema found, at the line and column of the value (or of its nearest enclosing value) when
 *   the document's text is known.
 * Keys the schema does not know (a newer minor version) are dropped.
 */
export function checkResultDocument<K extends JsonResultKind>(document: ResultDocument, kinds: readonly K[]): LoadResult<ResultFileOf<K>> {
  const { file, value, locate } = document;
  const version = checkSchemaVersion(value, kinds);
  if (!version.ok) return { ok: false, issues: [{ code: version.code, severity: 'error', file, message: version.message }] };
  const { schema } = version;
  const fail = (error: z.ZodError): LoadResult<ResultFileOf<K>> => ({
    ok: false,
    issues: error.issues.map((i): Issue => ({
      code: 'bad-result',
      severity: 'error',
      file,
      ...(locate === undefined ? {} : locate(i.path)),
      jsonPath: jsonPathOf(i.path),
      message: `${jsonPathOf(i.path) || '(root)'}: ${i.message} (in a ${schema} file)`,
    })),
  });
  const ok = (checked: ResultFileOf<JsonResultKind>): LoadResult<ResultFileOf<K>> => ({ ok: true, value: checked as ResultFileOf<K>, warnings: [] });
  const kind = version.kind as JsonResultKind;
  const parsed = RESULT_SCHEMAS[kind].safeParse(value);
  return parsed.success ? ok({ kind, file, schema, doc: parsed.data } as ResultFileOf<JsonResultKind>) : fail(parsed.error);
}
