import { z } from 'zod';
import { resultSchemaId } from './schema-version';

/**
 * The `ratecut cycles` document (schema `ratecut.cycles/1`), printed as a table or written as
 * JSON or CSV. Plain data: dates as `YYYY-MM-DD`, rates in percent per year, returns as
 * decimals (0.1 = +10%), null where a value is not available. The keys are listed in the order
 * the JSON file writes them. Keys a reader does not know (a newer minor version) are ignored.
 */

/** The `schema` value of cycles documents written by this version. */
export const CYCLES_SCHEMA = resultSchemaId('cycles');

/** A decimal, or null where the value is not available. */
const decimal = z.number().nullable();

/** How cycles are counted in the summaries: one per episode (the default) or every first cut. */
export const cycleCountingJsonSchema = z.enum(['episodes', 'first-cuts']);

/** One detected easing cycle, classified, with its episode and whether the summaries count it. */
export const cycleRowJsonSchema = z.object({
  id: z.string(),
  firstCut: z.string(),
  lastCut: z.string(),
  cuts: z.number(),
  totalEasingBp: z.number(),
  /** Policy rate before the first cut and after the last, percent per year. */
  rateBeforePct: z.number(),
  rateAfterPct: z.number(),
  resumption: z.boolean(),
  /** True when the cycle's end is not seen (the data ends, or a gap). */
  open: z.boolean(),
  /** The policy-rate basis of the cycle: `effective-proxy`, `target-point` or `target-range`. */
  basis: z.string(),
  recession: z.boolean(),
  /** `in-recession` or `peak-within-window` for a recession cycle, else null. */
  recessionReason: z.string().nullable(),
  /** Month (`YYYY-MM`) of the NBER peak that makes it a recession cycle, else null. */
  nberPeak: z.string().nullable(),
  /** The previous cycle when this cycle's 24-month window overlaps it, else null. */
  overlapsPrevious: z.string().nullable(),
  /** Id of the episode (its first cycle) this cycle belongs to. */
  episode: z.string(),
  /** True when the cycle enters the summaries under the document's counting. */
  counted: z.boolean(),
});

/** One detected easing cycle as written in a cycles document. */
export type CycleRowJson = z.infer<typeof cycleRowJsonSchema>;

/** One leg of a pair: its catalog series id, title and whether it is a total-return series. */
const pairLegJsonSchema = z.object({ id: z.string(), title: z.string(), totalReturn: z.boolean() });

/** Small and large returns of one pair over one horizon after a cycle's first cut. */
export const cycleHorizonJsonSchema = z.object({
  label: z.string(),
  endDate: z.string().nullable(),
  small: decimal,
  large: decimal,
  /** Why the returns are null when the cycle is covered: past the end of the data, or across a gap. */
  missing: z.string().nullable(),
});

/** Mean, median and the share of cycles small beat large, for one horizon and group of cycles. */
export const cycleSummaryJsonSchema = z.object({
  horizon: z.string(),
  /** `all`, `recession` or `non-recession`. */
  group: z.string(),
  count: z.number(),
  meanSmall: decimal,
  meanLarge: decimal,
  meanDifference: decimal,
  medianDifference: decimal,
  shareSmallBeat: decimal,
});

/** One pair's returns after every cycle's first cut, and their summaries. */
export const pairCyclesJsonSchema = z.object({
  id: z.string(),
  title: z.string(),
  small: pairLegJsonSchema,
  large: pairLegJsonSchema,
  frequency: z.enum(['daily', 'monthly']),
  returnBasis: z.string(),
  firstDate: z.string(),
  lastDate: z.string(),
  /** Horizons in rows of the pair's data (trading days or months). */
  horizons: z.array(z.object({ label: z.string(), steps: z.number() })),
  /** Every cycle of the document, in its order; `anchorDate` is null when the pair's data does not cover the first cut. */
  cycles: z.array(z.object({ cycleId: z.string(), anchorDate: z.string().nullable(), horizons: z.array(cycleHorizonJsonSchema) })),
  /** Summary rows by horizon, then group. */
  summary: z.array(cycleSummaryJsonSchema),
});

/** One pair's section of a cycles document. */
export type PairCyclesJson = z.infer<typeof pairCyclesJsonSchema>;

/** The `ratecut.cycles/1` document. */
export const cyclesResultSchema = z.object({
  /** Present (first) when the run used the synthetic sample instead of real data. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  data: z.object({ catalog: z.string(), origin: z.string(), synthetic: z.boolean() }),
  /** The conventions of the run in words, by topic. */
  conventions: z.object({
    policyRate: z.string(),
    cycleRule: z.string(),
    recessionRule: z.string(),
    anchor: z.string(),
    /** How cycles are counted in the summaries, and when a cycle overlaps the previous one. */
    counting: z.string(),
    returns: z.string(),
    recessionSource: z.string(),
  }),
  rule: z.object({ minMoveBp: z.number(), pauseMonths: z.number(), recessionWindowMonths: z.number() }),
  counting: cycleCountingJsonSchema,
  /** The `--since` date (null when absent) and how many cycles were detected before it applied. */
  filter: z.object({ since: z.string().nullable(), detected: z.number() }),
  cycles: z.array(cycleRowJsonSchema),
  pairs: z.array(pairCyclesJsonSchema),
  /** Pairs the catalog cannot measure, and why. */
  skippedPairs: z.array(z.object({ id: z.string(), reason: z.string() })),
});

/** A `ratecut.cycles/1` document, as written by `ratecut cycles`. */
export type CyclesResultJson = z.infer<typeof cyclesResultSchema>;
