import { z } from 'zod';
import { inputFingerprintSchema } from './backtest-result';
import { scenarioSchema } from './scenario';
import { resultSchemaId } from './schema-version';

/**
 * The `ratecut simulate` result file (schema `ratecut.simulate/1`): plain JSON. Returns and
 * drawdowns are decimals; VaR and CVaR are losses (positive numbers); a statistic that is NaN
 * (no finite outcome, a zero denominator) is written as null. The same scenario and seed give
 * byte-identical files whatever the number of worker threads (no timestamps, fixed key order).
 * Keys a reader does not know (a newer minor version) are ignored.
 */

/** The `schema` value of simulate result files written by this version. */
export const SIMULATE_SCHEMA = resultSchemaId('simulate');

/** A decimal, or null where the value is undefined (NaN). */
const decimal = z.number().nullable();

/** The percentile levels of every outcome distribution, in the order they are written. */
export const OUTCOME_PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;

/**
 * Percentiles 1 to 99 of an outcome over the paths (Hyndman and Fan type 7), keyed `p<level>`
 * in the order of {@link OUTCOME_PERCENTILES}.
 */
export const outcomePercentilesJsonSchema = z.object({
  p1: decimal, p5: decimal, p10: decimal, p25: decimal, p50: decimal, p75: decimal, p90: decimal, p95: decimal, p99: decimal,
});

/**
 * The distribution of one outcome over the paths: how many paths, percentiles, mean, sample
 * standard deviation, and VaR / CVaR at 95% and 99% as losses (positive numbers).
 */
export const outcomeDistributionJsonSchema = z.object({
  count: z.number(),
  percentiles: outcomePercentilesJsonSchema,
  mean: decimal,
  sd: decimal,
  var95: decimal,
  cvar95: decimal,
  var99: decimal,
  cvar99: decimal,
});

/** One outcome distribution as written in a simulate result. */
export type OutcomeDistributionJson = z.infer<typeof outcomeDistributionJsonSchema>;

/** A histogram of outcomes: `bins + 1` equal-width bin edges (decimals) and `bins` counts. */
export const histogramJsonSchema = z.object({ edges: z.array(decimal), counts: z.array(z.number()) });

/** A histogram as written in a simulate result. */
export type HistogramJson = z.infer<typeof histogramJsonSchema>;

/** One OLS fit of the rate-sensitivity model: coefficients, classical and White (1980) robust standard errors, R², observations. */
export const regressionFitJsonSchema = z.object({
  intercept: decimal,
  slope: decimal,
  seIntercept: decimal,
  seSlope: decimal,
  seInterceptRobust: decimal,
  seSlopeRobust: decimal,
  rSquared: decimal,
  n: z.number(),
});

/** One regression fit as written in a simulate result. */
export type RegressionFitJson = z.infer<typeof regressionFitJsonSchema>;

/** The path model of a run: which method, its parameters and where they come from. */
export const simulateMethodJsonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['stationary', 'circular', 'iid']),
    /** Mean block length in rows (1 for iid). */
    meanBlock: z.number(),
    /** How the block length was chosen: given, automatic (which estimator) or iid. */
    blockRule: z.string(),
    reference: z.string(),
    /** How both legs are drawn together. */
    jointDraws: z.string(),
  }),
  z.object({
    kind: z.literal('student-t'),
    reference: z.string(),
    /** The ECME fit: location and scale matrix `[s11, s12, s22]` (decimals per month), degrees of freedom, log-likelihood, iterations, observations, convergence. */
    fit: z.object({
      mu: z.tuple([decimal, decimal]).readonly(),
      scale: z.tuple([decimal, decimal, decimal]).readonly(),
      df: decimal,
      logLikelihood: decimal,
      iterations: z.number(),
      observations: z.number(),
      converged: z.boolean(),
    }),
  }),
  z.object({
    kind: z.literal('rate-sensitivity'),
    reference: z.string(),
    /** Monthly return on the monthly policy-rate change (percentage points), per leg and for small minus large. */
    regression: z.object({ small: regressionFitJsonSchema, large: regressionFitJsonSchema, spread: regressionFitJsonSchema }),
  }),
]);

/** The method block of a simulate result. */
export type SimulateMethodJson = z.infer<typeof simulateMethodJsonSchema>;

/** The conventions of a simulate result, in words. */
export const simulateConventionsJsonSchema = z.object({
  returns: z.string(),
  drawdown: z.string(),
  var: z.string(),
  windows: z.string(),
  /** The curated emergency rule, present when the scenario selects analogs by it. */
  emergency: z.string().exactOptional(),
  determinism: z.string(),
});

/** Where the data of a simulate run came from: catalog, origin, input fingerprints, pair and dates. */
export const simulateDataJsonSchema = z.object({
  catalog: z.string(),
  /** How the catalog was found: `flag`, `env`, `cache` or `sample`. */
  origin: z.string(),
  synthetic: z.boolean(),
  inputs: z.array(inputFingerprintSchema),
  pair: z.object({ id: z.string(), small: z.string(), large: z.string(), returnBasis: z.string() }),
  first: z.string(),
  last: z.string(),
});

/** A strategy replayed on the first simulated paths: its horizon return and maximum drawdown (from the path's start) over them. */
export const pathStrategyJsonSchema = z.object({
  name: z.string(),
  horizonReturn: outcomeDistributionJsonSchema,
  maxDrawdown: outcomeDistributionJsonSchema,
});

/**
 * The real history placed before every simulated path for the strategies: `rows` rows of the
 * data (trading days for daily paths, month-ends for monthly ones) from `first` to `last` (the
 * path's start, ISO dates), `needed` the rows the rule asks for (`rule`, in words); `warning`
 * says when the data held fewer (all were used), else null. Absent from files written before it
 * existed (the same schema major: readers treat it as unknown).
 */
export const pathWarmUpJsonSchema = z.object({
  rows: z.number(),
  needed: z.number(),
  unit: z.enum(['trading days', 'month-ends']),
  first: z.string(),
  last: z.string(),
  rule: z.string(),
  warning: z.string().nullable(),
});

/** The warm-up of the strategies on paths, as written in a simulate result. */
export type PathWarmUpJson = z.infer<typeof pathWarmUpJsonSchema>;

/** One `--target`: the share of paths whose leg return is at least `level`. */
export const targetProbabilityJsonSchema = z.object({
  target: z.string(),
  leg: z.enum(['small', 'large', 'spread']),
  level: z.number(),
  probability: decimal,
});

/** The whole `ratecut.simulate/1` result file, in the order its keys are written. */
export const simulateResultSchema = z.object({
  /** First key, on files made from the synthetic sample only. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  /** The command line, without `--workers` (which never changes the result). */
  commandLine: z.string(),
  scenario: scenarioSchema,
  data: simulateDataJsonSchema,
  generator: z.string(),
  seed: z.number(),
  paths: z.number(),
  method: simulateMethodJsonSchema,
  /** The horizon in months, and in steps of `unit` (trading days for the daily bootstrap, months otherwise). */
  horizon: z.object({ months: z.number(), steps: z.number(), unit: z.enum(['trading days', 'months']) }),
  /** The scenario's cut path: total easing and the policy-rate change of each month (percentage points). */
  cutPath: z.object({ totalEasingBp: z.number(), monthlyChangePct: z.array(z.number()) }),
  analogs: z.object({
    cycleIds: z.array(z.string()),
    cycles: z.number(),
    /** Rows (daily or monthly returns) the bootstrap draws from. */
    observations: z.number(),
    monthlyObservations: z.number(),
    windowMonths: z.number(),
    warnings: z.array(z.string()),
  }),
  conventions: simulateConventionsJsonSchema,
  legs: z.object({ small: outcomeDistributionJsonSchema, large: outcomeDistributionJsonSchema, spread: outcomeDistributionJsonSchema }),
  probabilities: z.object({ smallBeatsLarge: decimal, targets: z.array(targetProbabilityJsonSchema) }),
  drawdowns: z.object({ small: outcomeDistributionJsonSchema, large: outcomeDistributionJsonSchema }),
  /** How often a path's wealth is sampled for its drawdowns. */
  drawdownSampling: z.object({ frequency: z.enum(['daily', 'monthly']), steps: z.number(), note: z.string() }),
  histograms: z.object({ bins: z.number(), small: histogramJsonSchema, large: histogramJsonSchema, spread: histogramJsonSchema }),
  /** Percentiles of the simple return at every step 0..steps (rows), from the first `paths` paths. */
  fan: z.object({
    paths: z.number(),
    stepUnit: z.enum(['trading days', 'months']),
    percentiles: z.array(z.number()),
    small: z.array(z.array(decimal)),
    large: z.array(z.array(decimal)),
    /** Percentiles of small minus large (simple returns, the same paths) at every step; written since the report draws a spread fan. */
    spread: z.array(z.array(decimal)).exactOptional(),
  }),
  /** Every built-in on the first `paths` paths, after the real warm-up rows (`warmUp`; written since the warm-up existed). */
  strategies: z.object({ paths: z.number(), note: z.string(), warmUp: pathWarmUpJsonSchema.exactOptional(), results: z.array(pathStrategyJsonSchema) }),
});

/** A `ratecut.simulate/1` result document, as the writer builds it and readers parse it. */
export type SimulateResultJson = z.infer<typeof simulateResultSchema>;
