import { z } from 'zod';
import { resultSchemaId } from './schema-version';

/**
 * The `ratecut validate loco` and `ratecut validate walk-forward` document (schema
 * `ratecut.out-of-sample/1`): a strategy's parameters chosen on some easing cycles and tested on
 * a cycle the choice did not see. Excess returns are total returns over a cycle's window minus
 * the benchmark's over the same window, in decimals (not annualised); null where not available.
 */

/** The `schema` value of out-of-sample documents written by this version. */
export const OUT_OF_SAMPLE_SCHEMA = resultSchemaId('out-of-sample');

/** How the folds are made: each cycle held out in turn, or each cycle after the ones before it. */
export const OUT_OF_SAMPLE_METHODS = ['leave-one-cycle-out', 'walk-forward'] as const;

/** What the choice maximises over the training cycles. */
export const SELECTION_OBJECTIVES = ['mean-excess', 'sharpe'] as const;

const choice = z.object({
  /** The chosen combination as `name=value` pairs, or null when no combination had a value. */
  params: z.string().nullable(),
  /** The objective's value over the cycles it was chosen on. */
  score: z.number().nullable(),
});

/** The `ratecut.out-of-sample/1` document. */
export const outOfSampleResultSchema = z.object({
  /** Present (first) when the study ran on the synthetic sample. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  commandLine: z.string(),
  method: z.enum(OUT_OF_SAMPLE_METHODS),
  objective: z.enum(SELECTION_OBJECTIVES),
  strategy: z.string(),
  /** The grid: each swept parameter and its values; combinations the strategy refuses are not candidates. */
  grid: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
  candidates: z.number(),
  pair: z.string(),
  returnBasis: z.string(),
  benchmark: z.string(),
  periodsPerYear: z.number(),
  /** Walk-forward: the cycles that only train before the first test; null for leave-one-cycle-out. */
  minTrain: z.number().nullable(),
  conventions: z.object({ windows: z.string(), excess: z.string(), objective: z.string(), folds: z.string(), inSample: z.string() }),
  /** The counted cycles, oldest first, each with its window's first and last date and the benchmark's return over it. */
  cycles: z.array(z.object({ id: z.string(), first: z.string(), last: z.string(), benchmarkReturn: z.number() })),
  /** One fold per tested cycle: the choice on its training cycles, their mean excess (in sample) and the test cycle's excess (out of sample). */
  folds: z.array(z.object({
    test: z.string(),
    trainCycles: z.number(),
    chosen: choice,
    inSampleExcess: z.number().nullable(),
    outOfSampleExcess: z.number().nullable(),
    beat: z.boolean(),
    /** The excess in this cycle of the choice made on every cycle (the test cycle included). */
    fullSampleExcess: z.number().nullable(),
  })),
  summary: z.object({
    folds: z.number(),
    /** Mean and hit rate of the out-of-sample excess over the folds. */
    outOfSampleMean: z.number().nullable(),
    outOfSampleHitRate: z.number().nullable(),
    /** Mean over the folds of the choice's mean excess on its training cycles. */
    inSampleMean: z.number().nullable(),
    /** The choice on every cycle, its mean excess and hit rate over them: what one reports without validation. */
    fullSample: choice.extend({ meanExcess: z.number().nullable(), hitRate: z.number().nullable() }),
    /** How many folds chose the full-sample choice. */
    sameAsFullSample: z.number(),
  }),
});

/** A `ratecut.out-of-sample/1` document, as written by `ratecut validate loco` or `walk-forward`. */
export type OutOfSampleResultJson = z.infer<typeof outOfSampleResultSchema>;
