import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { backtestResultSchema, checkSchemaVersion, type BacktestResultJson, type ResultKind } from '@ratecut/contracts';
import { describeFileType, readScannedJson } from '@ratecut/data-loader';
import { jsonPathOf, type Issue, type LoadResult } from '@ratecut/sim-core';
import { z } from 'zod';

const num = z.number().nullable();
const text = z.record(z.string(), z.string());
const dataOrigin = z.object({
  catalog: z.string(),
  origin: z.string(),
  synthetic: z.boolean(),
  inputs: z.array(z.object({ file: z.string(), sha256: z.string() })),
  pair: z.object({ id: z.string(), small: z.string(), large: z.string(), returnBasis: z.string() }),
  first: z.string(),
  last: z.string(),
});

const dist = z.object({ percentiles: z.record(z.string(), num), mean: num, sd: num });
const histogram = z.object({ edges: z.array(z.number()), counts: z.array(z.number()) });

/**
 * The parts of a `ratecut.simulate/1.x` file the report reads (other keys are ignored). Kept
 * here until `@ratecut/contracts` holds the schema of the whole simulate result; the report
 * then reads simulate files with that schema, as it reads backtest files with
 * `backtestResultSchema`.
 */
export const simulateReportSchema = z.object({
  notice: z.string().optional(),
  schema: z.string(),
  commandLine: z.string(),
  scenario: z.object({ name: z.string(), title: z.string().optional() }),
  data: dataOrigin,
  seed: z.number(),
  paths: z.number(),
  method: z.object({ kind: z.string(), meanBlock: z.union([z.number(), z.string()]).optional() }),
  horizon: z.object({ months: z.number(), steps: z.number(), unit: z.string() }),
  analogs: z.object({ cycleIds: z.array(z.string()), observations: z.number(), warnings: z.array(z.string()) }),
  conventions: text,
  legs: z.object({ small: dist, large: dist, spread: dist }),
  probabilities: z.object({
    smallBeatsLarge: num,
    targets: z.array(z.object({ target: z.string(), leg: z.enum(['small', 'large', 'spread']), level: z.number(), probability: num })),
  }),
  histograms: z.object({ small: histogram, large: histogram, spread: histogram }),
  fan: z.object({
    paths: z.number(),
    stepUnit: z.string(),
    percentiles: z.array(z.number()),
    small: z.array(z.array(num)),
    large: z.array(z.array(num)),
  }),
});

/** A backtest result as the report reads it: the contracts type (read with the contracts schema). */
export type BacktestReportDoc = BacktestResultJson;
/** The parts of a simulate result the report reads (see {@link simulateReportSchema}). */
export type SimulateReportDoc = z.infer<typeof simulateReportSchema>;

/** The result kinds a report draws. */
export const REPORT_KINDS = ['backtest', 'simulate'] as const satisfies readonly ResultKind[];

/** One result document ready for the report: the file it is named by, its kind and its checked content. */
export type ReportInput =
  | { readonly file: string; readonly kind: 'backtest'; readonly doc: BacktestReportDoc }
  | { readonly file: string; readonly kind: 'simulate'; readonly doc: SimulateReportDoc };

/** Line and column of the value at a JSON path in the document's text, when the text is known. */
export type LocateJsonPath = (path: readonly PropertyKey[]) => { line: number; column: number };

/** A parsed result document not yet checked, named by the file it came from (or will be written to). */
export interface ReportDocument {
  /** The file as the user named it (relative to the working folder, or absolute). */
  readonly file: string;
  /** The parsed JSON value. */
  readonly doc: unknown;
  /** Where each value sits in the file's text; absent for a document that was never text (an in-memory result). */
  readonly locate?: LocateJsonPath;
}

/**
 * Checks one parsed document for the report: the schema-version rule of `@ratecut/contracts`
 * (`checkSchemaVersion`: a backtest or simulate result of the major this version reads), then
 * the kind's schema. Every problem is an issue naming the file: `not-a-result`,
 * `newer-schema` or `old-schema` for the `schema` key, and one `bad-result` per missing or
 * mistyped field with its JSON path (and its line and column when the document's text is known).
 */
export function checkReportInput(document: ReportDocument): LoadResult<ReportInput> {
  const { file, doc, locate } = document;
  const version = checkSchemaVersion(doc, REPORT_KINDS);
  if (!version.ok) return { ok: false, issues: [{ code: version.code, severity: 'error', file, message: version.message }] };
  const fail = (error: z.ZodError): LoadResult<ReportInput> => ({
    ok: false,
    issues: error.issues.map((i): Issue => ({
      code: 'bad-result',
      severity: 'error',
      file,
      ...(locate === undefined ? {} : locate(i.path)),
      jsonPath: jsonPathOf(i.path),
      message: `${jsonPathOf(i.path) || '(root)'}: ${i.message} (in a ${version.schema} file)`,
    })),
  });
  if (version.kind === 'backtest') {
    const parsed = backtestResultSchema.safeParse(doc);
    return parsed.success ? { ok: true, value: { file, kind: 'backtest', doc: parsed.data }, warnings: [] } : fail(parsed.error);
  }
  const parsed = simulateReportSchema.safeParse(doc);
  return parsed.success ? { ok: true, value: { file, kind: 'simulate', doc: parsed.data }, warnings: [] } : fail(parsed.error);
}

/**
 * Reads one result file named on the command line (resolved against `cwd`), never throwing:
 * `missing-file` for a path that does not exist, `not-a-file` for a folder, FIFO or device;
 * the other file problems of data-loader's `readScannedJson` (`missing-file` when it cannot be
 * read, `file-too-large`, `wrong-format` for binary content); `bad-json` at the line and
 * column of a syntax error (`malformed JSON ...`, `truncated JSON ...`). A leading byte-order
 * mark is ignored. Issues name the file as given.
 */
export function readReportDocument(file: string, cwd: string): LoadResult<ReportDocument> {
  const path = resolve(cwd, file);
  const fail = (code: Issue['code'], message: string): LoadResult<ReportDocument> => ({ ok: false, issues: [{ code, severity: 'error', file, message }] });
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('not-a-file', `is ${describeFileType(st)}; name a file`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fail('missing-file', 'file not found; name a backtest or simulate result file (JSON)');
    // Other problems (permissions, a file used as a folder): the reader below words them.
  }
  const read = readScannedJson(path, 'bad-json');
  if (!read.ok) return { ok: false, issues: read.issues.map((i) => ({ ...i, file })) };
  return { ok: true, value: { file, doc: read.value.value, locate: read.value.at }, warnings: read.warnings };
}
