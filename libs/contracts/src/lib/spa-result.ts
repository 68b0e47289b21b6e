import { z } from 'zod';
import { deflatedSharpeJsonSchema } from './compare-result';
import { resultSchemaId } from './schema-version';

/**
 * The `ratecut validate spa` document (schema `ratecut.spa/1`): White's Reality Check and
 * Hansen's SPA test over the strategies of a backtest result against its benchmark. Excess
 * returns are daily simple returns minus the benchmark's, in decimals; null where not available.
 */

/** The `schema` value of SPA documents written by this version. */
export const SPA_SCHEMA = resultSchemaId('spa');

/** The `ratecut.spa/1` document. */
export const spaResultSchema = z.object({
  /** Present (first) when the backtest ran on the synthetic sample. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  commandLine: z.string(),
  /** What was tested: the backtest result file, as named, or the sweep; and the benchmark. */
  source: z.string(),
  benchmark: z.string(),
  /** Periods of excess returns (days between the first and the last close), the dates, and periods per year. */
  observations: z.number(),
  firstDate: z.string(),
  lastDate: z.string(),
  periodsPerYear: z.number(),
  conventions: z.object({ excess: z.string(), bootstrap: z.string(), realityCheck: z.string(), spa: z.string(), pValues: z.string() }),
  settings: z.object({
    seed: z.number(),
    resamples: z.number(),
    /** Mean block length of the stationary bootstrap, in periods, and where it came from. */
    meanBlock: z.number(),
    meanBlockSource: z.string(),
  }),
  /** Every strategy: its mean excess (per period and annualised) and studentized statistic; `tested` is false for one whose excess never varies. */
  strategies: z.array(z.object({
    label: z.string(),
    meanExcess: z.number(),
    annualExcess: z.number(),
    tStatistic: z.number().nullable(),
    tested: z.boolean(),
  })),
  /** The strategy with the largest statistic, or null when none is tested. */
  best: z.string().nullable(),
  realityCheck: z.object({ statistic: z.number(), pValue: z.number() }),
  spa: z.object({ statistic: z.number(), pLower: z.number(), pConsistent: z.number(), pUpper: z.number() }),
  /** The deflated Sharpe ratio of the best excess-return Sharpe ratio among the tested strategies, as `ratecut compare` gives it; null with fewer than 2. */
  deflatedSharpe: deflatedSharpeJsonSchema.nullable(),
});

/** A `ratecut.spa/1` document, as written by `ratecut validate spa`. */
export type SpaResultJson = z.infer<typeof spaResultSchema>;
