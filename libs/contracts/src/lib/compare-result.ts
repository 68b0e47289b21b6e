import { z } from 'zod';
import { resultSchemaId } from './schema-version';

/**
 * The `ratecut compare --format json` document (schema `ratecut.compare/1`): the files
 * compared, whether they are comparable, headline metrics, per-cycle returns, the paired
 * bootstrap of two strategies, deflated Sharpe ratios and simulation statistics side by side.
 * Returns are decimals, Sharpe ratios annualised; a value that is undefined (NaN) is null. The
 * keys are listed in the order the JSON file writes them.
 */

/** The `schema` value of compare documents written by this version. */
export const COMPARE_SCHEMA = resultSchemaId('compare');

/** A decimal, or null where the value is undefined (NaN). */
const decimal = z.number().nullable();

/** A file as the comparison names it: its letter (A, B, ...), path as given, kind, schema and a one-line description. */
export const compareFileJsonSchema = z.object({
  letter: z.string(),
  file: z.string(),
  kind: z.enum(['backtest', 'simulate', 'sweep']),
  /** The `schema` value as found, or `sweep csv` for a sweep table. */
  schema: z.string(),
  synthetic: z.boolean(),
  description: z.string(),
});

/** A file as the comparison names it. */
export type CompareFileJson = z.infer<typeof compareFileJsonSchema>;

/** One reason two result files are not comparable. */
export const differenceJsonSchema = z.object({
  /** What differs: `data.inputs`, `data.pair`, `data.first`, `data.last`, `data.rows`, `cycles`, `conventions.anchor`, `conventions.cycleRule`, `horizon`. */
  what: z.string(),
  message: z.string(),
});

/** One reason two result files are not comparable. */
export type DifferenceJson = z.infer<typeof differenceJsonSchema>;

/** Headline metrics of one strategy over the full history; decimals, Sharpe annualised. */
export const compareMetricsJsonSchema = z.object({
  label: z.string(),
  totalReturn: decimal,
  cagr: decimal,
  volatility: decimal,
  sharpe: decimal,
  maxDrawdown: decimal,
  calmar: decimal,
  /** Share of cycles with positive excess over the file's benchmark. */
  cycleHitRate: decimal,
});

/** Headline metrics of one strategy in a comparison. */
export type CompareMetricsJson = z.infer<typeof compareMetricsJsonSchema>;

/** Per-cycle total returns (decimals) of every strategy; `difference` = first minus second strategy when there are exactly two. */
export const compareCycleTableJsonSchema = z.object({
  labels: z.array(z.string()),
  rows: z.array(z.object({
    cycleId: z.string(),
    recession: z.boolean(),
    complete: z.boolean(),
    values: z.array(decimal),
    difference: decimal,
  })),
  /** How often the first strategy beat the second over the cycles (two strategies only). */
  aBeatB: z.object({ a: z.string(), b: z.string(), wins: z.number(), count: z.number(), share: decimal }).nullable(),
});

/** Per-cycle total returns of the compared strategies. */
export type CompareCycleTableJson = z.infer<typeof compareCycleTableJsonSchema>;

/** A point estimate with its bootstrap percentile interval. */
export const intervalJsonSchema = z.object({ estimate: decimal, lower: decimal, upper: decimal });

/** A point estimate with its bootstrap percentile interval. */
export type IntervalJson = z.infer<typeof intervalJsonSchema>;

/** The paired stationary-bootstrap comparison of two strategies' daily returns. */
export const pairedComparisonJsonSchema = z.object({
  a: z.string(),
  b: z.string(),
  /** First and last common date (empty when there is none). */
  first: z.string(),
  last: z.string(),
  observations: z.number(),
  meanBlock: z.number(),
  resamples: z.number(),
  seed: z.number(),
  confidence: z.number(),
  periodsPerYear: z.number(),
  /** Annualised Sharpe ratio of A minus B (returns without cash subtraction). */
  sharpe: intervalJsonSchema,
  /** Arithmetic annual return of A minus B: (mean daily return A − mean daily return B) × periods per year, decimals. */
  annualReturn: intervalJsonSchema,
  method: z.string(),
});

/** The paired bootstrap comparison of two strategies. */
export type PairedComparisonJson = z.infer<typeof pairedComparisonJsonSchema>;

/** The deflated Sharpe ratio of the best of several trials; Sharpe figures annualised. */
export const deflatedSharpeJsonSchema = z.object({
  source: z.string(),
  /**
   * What each trial's Sharpe ratio measures: `excess over benchmark` (the Sharpe ratio of the
   * strategy's daily returns minus its file's benchmark's, an information ratio) for backtests,
   * `over cash` for a sweep CSV (it holds no returns series).
   */
  statistic: z.enum(['excess over benchmark', 'over cash']),
  /** The null hypothesis the probability tests, in words. */
  nullHypothesis: z.string(),
  trials: z.number(),
  best: z.string(),
  bestSharpe: decimal,
  trialSharpeSd: decimal,
  expectedMaxSharpe: decimal,
  observations: z.number(),
  skewness: decimal,
  kurtosis: decimal,
  /** Where the higher moments come from, in words. */
  moments: z.string(),
  probability: decimal,
});

/** The deflated Sharpe ratio of the best of several trials. */
export type DeflatedSharpeJson = z.infer<typeof deflatedSharpeJsonSchema>;

/** Simulation statistics side by side; `differences[k]` = first file minus file k + 1. */
export const simulationTableJsonSchema = z.object({
  labels: z.array(z.string()),
  rows: z.array(z.object({ statistic: z.string(), values: z.array(decimal), differences: z.array(decimal) })),
});

/** Simulation statistics side by side. */
export type SimulationTableJson = z.infer<typeof simulationTableJsonSchema>;

/** The `ratecut.compare/1` document. */
export const compareResultSchema = z.object({
  /** Present (first) when at least one compared file was computed on the synthetic sample. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  /** Seed and resamples of the bootstrap intervals. */
  seed: z.number(),
  resamples: z.number(),
  files: z.array(compareFileJsonSchema),
  /** True when no difference was found (see `differences`; `--force` compares anyway). */
  comparable: z.boolean(),
  differences: z.array(differenceJsonSchema),
  notes: z.array(z.string()),
  metrics: z.array(compareMetricsJsonSchema),
  cycles: compareCycleTableJsonSchema.nullable(),
  paired: pairedComparisonJsonSchema.nullable(),
  deflatedSharpe: z.array(deflatedSharpeJsonSchema),
  simulations: simulationTableJsonSchema.nullable(),
});

/** A `ratecut.compare/1` document, as written by `ratecut compare --format json`. */
export type CompareResultJson = z.infer<typeof compareResultSchema>;
