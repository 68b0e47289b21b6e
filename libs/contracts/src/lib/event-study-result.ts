import { z } from 'zod';
import { resultSchemaId } from './schema-version';
import { cycleCountingJsonSchema } from './cycles-result';

/**
 * The `ratecut validate event` document (schema `ratecut.event-study/1`): the small − large
 * spread after each counted first cut, per pair, horizon and group of cycles, with bootstrap
 * intervals that resample cycles, a placebo test against random non-event dates, and the
 * unconditional baseline. Spreads are decimals of return (0.05 = small beat large by 5
 * percentage points); null where a value is not available (no cycle in a group, or too few
 * eligible dates). The keys are listed in the order the JSON file writes them.
 */

/** The `schema` value of event-study documents written by this version. */
export const EVENT_STUDY_SCHEMA = resultSchemaId('event-study');

const decimal = z.number().nullable();

/** The placebo test of one group's mean spread (see `placeboTest` of @ratecut/sim-core). */
export const placeboJsonSchema = z.object({
  /** Eligible non-event dates the placebos were drawn from, and dates per placebo (the group's cycles). */
  pool: z.number(),
  size: z.number(),
  /** Share of placebo means below the event mean. */
  percentile: z.number(),
  pLower: z.number(),
  pUpper: z.number(),
  pTwoSided: z.number(),
  /** Percentiles 5, 50 and 95 of the placebo means. */
  p5: z.number(),
  p50: z.number(),
  p95: z.number(),
  /** The placebo means in equal bins from the smallest (lo) to the largest (hi), for the report's chart; absent in files written before it. */
  histogram: z.object({ lo: z.number(), hi: z.number(), counts: z.array(z.number()) }).exactOptional(),
});

/** One group of cycles at one horizon: the events, their spreads' mean and median with intervals, and the placebo test. */
export const eventGroupJsonSchema = z.object({
  /** `all`, `recession`, `non-recession` or `resumption`. */
  group: z.string(),
  /** The counted cycles of the group with a spread at this horizon: the base close's date, both legs' returns and the spread. */
  events: z.array(z.object({ cycle: z.string(), anchorDate: z.string(), small: z.number(), large: z.number(), spread: z.number() })),
  count: z.number(),
  mean: decimal,
  median: decimal,
  meanLower: decimal,
  meanUpper: decimal,
  medianLower: decimal,
  medianUpper: decimal,
  /** Null when the group has no cycle or the pool is smaller than the group. */
  placebo: placeboJsonSchema.nullable(),
});

/** The spread at every date of a pair with the whole horizon in the data: what "any time" looks like. */
export const baselineJsonSchema = z.object({
  count: z.number(),
  mean: decimal,
  median: decimal,
  p10: decimal,
  p90: decimal,
  /** Share of dates at which small beat large over the horizon. */
  shareSmallBeat: decimal,
});

/** One pair's event study. */
export const pairEventStudyJsonSchema = z.object({
  id: z.string(),
  title: z.string(),
  frequency: z.enum(['daily', 'monthly']),
  returnBasis: z.string(),
  firstDate: z.string(),
  lastDate: z.string(),
  horizons: z.array(z.object({
    label: z.string(),
    /** Rows of the pair's data (trading days or months). */
    steps: z.number(),
    baseline: baselineJsonSchema,
    groups: z.array(eventGroupJsonSchema),
  })),
});

/** One pair's section of an event-study document. */
export type PairEventStudyJson = z.infer<typeof pairEventStudyJsonSchema>;

/** The `ratecut.event-study/1` document. */
export const eventStudyResultSchema = z.object({
  /** Present (first) when the run used the synthetic sample instead of real data. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  commandLine: z.string(),
  data: z.object({ catalog: z.string(), origin: z.string(), synthetic: z.boolean() }),
  /** The conventions of the run in words, by topic. */
  conventions: z.object({
    anchor: z.string(),
    spread: z.string(),
    counting: z.string(),
    groups: z.string(),
    bootstrap: z.string(),
    placebo: z.string(),
    baseline: z.string(),
    recessionSource: z.string(),
  }),
  settings: z.object({
    seed: z.number(),
    resamples: z.number(),
    placebos: z.number(),
    confidence: z.number(),
    /** Placebo dates lie at least this many calendar months from every detected first cut. */
    excludeMonths: z.number(),
    counting: cycleCountingJsonSchema,
    /** Which close the spreads start from: `effective`, `announcement` or `cut-day` (see `conventions.anchor`). */
    anchor: z.enum(['effective', 'announcement', 'cut-day']),
  }),
  /**
   * The detected cycles: id, first cut (effective date), the day the anchor is taken from (the
   * effective or announcement date; null when the anchor has none, and the cycle is left out),
   * labels, and whether they are counted.
   */
  cycles: z.array(z.object({
    id: z.string(), firstCut: z.string(), anchorFrom: z.string().nullable(), recession: z.boolean(), resumption: z.boolean(), counted: z.boolean(),
  })),
  pairs: z.array(pairEventStudyJsonSchema),
  skippedPairs: z.array(z.object({ id: z.string(), reason: z.string() })),
});

/** A `ratecut.event-study/1` document, as written by `ratecut validate event`. */
export type EventStudyResultJson = z.infer<typeof eventStudyResultSchema>;
