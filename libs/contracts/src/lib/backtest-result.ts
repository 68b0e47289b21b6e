import { z } from 'zod';
import { resultSchemaId } from './schema-version';
import { rebalanceScheduleJsonSchema, resolvedBacktestConfigSchema, strategyParamValueSchema } from './backtest-config';

/**
 * The `ratecut backtest` result file (schema `ratecut.backtest/2`): plain JSON. Dates are
 * `YYYY-MM-DD`; returns and rates are decimals; a metric that is NaN (too little data or a zero
 * denominator) is written as null. The same inputs give byte-identical files (no timestamps,
 * fixed key order). Keys a reader does not know (a newer minor version) are ignored.
 */

/** The `schema` value of backtest result files written by this version. */
export const BACKTEST_SCHEMA = resultSchemaId('backtest');

/** A decimal, or null where the value is undefined (NaN). */
const decimal = z.number().nullable();

/** Maximum drawdown of a run: its depth (a negative decimal, or null) and the dates of its peak, trough and recovery (null when none). */
export const drawdownJsonSchema = z.object({
  depth: decimal,
  peak: z.string().nullable(),
  trough: z.string().nullable(),
  recovery: z.string().nullable(),
});

/**
 * The metrics of one run as written: counts, then return, risk and benchmark-relative metrics
 * (decimals; null when undefined, and null for the relative metrics of the benchmark and of a
 * strategy defined exactly as it).
 */
export const metricsJsonSchema = z.object({
  periods: z.number(),
  periodsPerYear: z.number(),
  totalReturn: decimal,
  cagr: decimal,
  annualizedVolatility: decimal,
  sharpeRatio: decimal,
  sortinoRatio: decimal,
  maxDrawdown: drawdownJsonSchema,
  calmarRatio: decimal,
  turnover: decimal,
  rebalanceCount: decimal,
  tradeCount: decimal,
  excessReturn: decimal,
  hitRate: decimal,
  trackingError: decimal,
  informationRatio: decimal,
  beta: decimal,
  alpha: decimal,
});

/** Metrics of one run as written in a backtest result. */
export type MetricsJson = z.infer<typeof metricsJsonSchema>;

/** One trade: date traded, date decided, asset, traded value, weight before, weight after, cost. */
export const tradeJsonSchema = z.tuple([z.string(), z.string(), z.string(), z.number(), z.number(), z.number(), z.number()]);

/** One strategy's run over one cycle window. */
export const strategyCycleJsonSchema = z.object({
  cycleId: z.string(),
  recession: z.boolean(),
  start: z.string(),
  end: z.string(),
  anchor: z.string(),
  complete: z.boolean(),
  totalReturn: decimal,
  benchmarkTotalReturn: decimal,
  excessTotalReturn: decimal,
  /** Rows at the window's start before the strategy's warm-up allowed a decision (0 = from the first row). */
  warmupShortRows: z.number(),
  metrics: metricsJsonSchema,
});

/** Per-cycle excess returns over a group of cycles (`all`, `recession`, `non-recession`). */
export const cycleAggregateJsonSchema = z.object({
  group: z.string(),
  cycles: z.number(),
  meanExcess: decimal,
  medianExcess: decimal,
  hitRate: decimal,
  worstCycle: z.string().nullable(),
  worstExcess: decimal,
});

/** One strategy (or the benchmark) in a backtest result: its definition, full-history run, cycle windows and aggregates. */
export const strategyResultJsonSchema = z.object({
  label: z.string(),
  /**
   * True for the benchmark and for a strategy defined exactly as it (same built-in, parameters
   * and schedule): its benchmark-relative metrics, excess returns and aggregates are null.
   */
  sameAsBenchmark: z.boolean(),
  name: z.string(),
  description: z.string(),
  params: z.record(z.string(), strategyParamValueSchema),
  /** The schedule the strategy ran with (its configured one, else the built-in's default). */
  schedule: rebalanceScheduleJsonSchema,
  warmupRows: z.number(),
  full: z.object({
    first: z.string(),
    last: z.string(),
    metrics: metricsJsonSchema,
    trades: z.array(tradeJsonSchema),
    rejected: z.array(z.object({ date: z.string(), reason: z.string() })),
  }),
  cycles: z.array(strategyCycleJsonSchema),
  aggregates: z.array(cycleAggregateJsonSchema),
});

/** One strategy (or the benchmark) in a backtest result. */
export type StrategyResultJson = z.infer<typeof strategyResultJsonSchema>;

/** One detected easing cycle as listed in a backtest result, with whether the run covers it and how it is counted. */
export const backtestCycleJsonSchema = z.object({
  id: z.string(),
  firstCut: z.string(),
  lastCut: z.string(),
  cuts: z.number(),
  totalEasingBp: z.number(),
  resumption: z.boolean(),
  recession: z.boolean(),
  covered: z.boolean(),
  overlapsPrevious: z.string().nullable(),
  episode: z.string().nullable(),
  counted: z.boolean(),
});

/** A file the result depends on and its SHA-256 fingerprint (hex). */
export const inputFingerprintSchema = z.object({ file: z.string(), sha256: z.string() });

/** The conventions of a backtest run in words, one sentence or two per topic. */
export const backtestConventionsSchema = z.object({
  /** Decision and trade timing (the execution lag). */
  execution: z.string(),
  /** Commission and slippage. */
  costs: z.string(),
  /** What idle cash earns, from which series, with which day count. */
  cash: z.string(),
  /** The days the run covers and why. */
  coverage: z.string(),
  /** Return basis and annualisation. */
  returns: z.string(),
  /** The cycle window around the anchor cut. */
  window: z.string(),
  /** The base close of a horizon. */
  anchor: z.string(),
  /** The policy-rate series. */
  policyRate: z.string(),
  /** The easing-cycle rule. */
  cycleRule: z.string(),
  /** The recession label. */
  recessionRule: z.string(),
  /** Excess returns and hit rates against the benchmark. */
  excess: z.string(),
  /** Trades and rebalances. */
  trades: z.string(),
  /** How cycles enter the aggregates (episodes or first cuts). */
  counting: z.string(),
});

/** The conventions of a backtest run. */
export type BacktestConventions = z.infer<typeof backtestConventionsSchema>;

/** The `ratecut.backtest/2` result document. */
export const backtestResultSchema = z.object({
  /** Present (first) when the run used the synthetic sample instead of real data. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  commandLine: z.string(),
  /** The resolved backtest configuration the run used (every default filled in). */
  config: resolvedBacktestConfigSchema,
  data: z.object({
    catalog: z.string(),
    origin: z.string(),
    synthetic: z.boolean(),
    inputs: z.array(inputFingerprintSchema),
    pair: z.object({ id: z.string(), small: z.string(), large: z.string(), returnBasis: z.string() }),
    first: z.string(),
    last: z.string(),
    rows: z.number(),
    periodsPerYear: z.number(),
  }),
  /** The conventions of the run in words, by topic. */
  conventions: backtestConventionsSchema,
  /**
   * Every warning of the run (also printed on stderr): data warnings as
   * `file:line:column: warning code: message`, then problems of the replay itself.
   */
  warnings: z.array(z.string()),
  cycles: z.array(backtestCycleJsonSchema),
  benchmark: strategyResultJsonSchema,
  strategies: z.array(strategyResultJsonSchema).min(1),
  /** Full-history equity curves: dates and one column per strategy label (benchmark first). */
  equity: z.object({ dates: z.array(z.string()), series: z.record(z.string(), z.array(z.number())) }),
});

/** A `ratecut.backtest/2` result document, as written by `ratecut backtest` and read by `compare` and `report`. */
export type BacktestResultJson = z.infer<typeof backtestResultSchema>;
