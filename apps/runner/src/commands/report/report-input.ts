import { backtestResultSchema, type BacktestResultJson } from '@ratecut/contracts';
import { z } from 'zod';
import { recogniseResult } from '../../cli/result-file';

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

/** The parts of a `ratecut.simulate/1.x` file the report reads (other keys are ignored). */
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
export type SimulateReportDoc = z.infer<typeof simulateReportSchema>;

/** One result file ready for the report. */
export type ReportInput =
  | { readonly file: string; readonly kind: 'backtest'; readonly doc: BacktestReportDoc }
  | { readonly file: string; readonly kind: 'simulate'; readonly doc: SimulateReportDoc };

/** Result of checking one document: a report input, or the problems as `file: error code: message` lines. */
export type CheckedInput = { readonly ok: true; readonly value: ReportInput } | { readonly ok: false; readonly issues: readonly string[] };

/**
 * Recognises a parsed result file by the schema-version rule shared with `compare`
 * (cli/result-file.ts) and checks the fields the report draws. Anything else (not an object,
 * another schema, a newer major, a missing or mistyped field) gives issues naming the file and
 * the JSON path.
 */
export function checkReportInput(file: string, doc: unknown): CheckedInput {
  const recognised = recogniseResult(file, doc);
  if (!recognised.ok) return { ok: false, issues: recognised.issues };
  const { kind, schema } = recognised.value;
  const parsed = kind === 'backtest' ? backtestResultSchema.safeParse(doc) : simulateReportSchema.safeParse(doc);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${file}: error bad-result: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message} (in a ${schema} file)`),
    };
  }
  return kind === 'backtest'
    ? { ok: true, value: { file, kind, doc: parsed.data as BacktestReportDoc } }
    : { ok: true, value: { file, kind, doc: parsed.data as SimulateReportDoc } };
}
