import { z } from 'zod';
import { resultSchemaId } from './schema-version';

/**
 * The `ratecut now` document (schema `ratecut.now/1`): the current easing cycle at its latest
 * step against every past cycle at the same step, its nearest analogs, a forecast of the next
 * horizon from what followed in the analogs, and that forecast's backtest on the past cycles.
 * Returns are decimal simple returns; steps are rows of the pair's data (trading days, or months
 * for monthly data) after the cycle's base close (the last close before its first cut).
 */

/** The `schema` value of now documents written by this version. */
export const NOW_SCHEMA = resultSchemaId('now');

const perLeg = <T extends z.ZodTypeAny>(t: T) => z.object({ small: t, large: t, spread: t });

/** A cycle at the current step: where it stood, and how it compares with the current cycle. */
const cycleAtStepSchema = z.object({
  id: z.string(),
  firstCut: z.string(),
  baseDate: z.string(),
  recession: z.boolean(),
  resumption: z.boolean(),
  cutsSoFar: z.number(),
  /** The policy rate at the base close minus the rate at the step, in basis points. */
  easedBp: z.number(),
  /** Returns from the base close to the same step (null when the data end first). */
  atStep: perLeg(z.number().nullable()),
  /** Distance to the current cycle (see conventions.distance) and its path gap in log points; null when the path is too short. */
  distance: z.number().nullable(),
  pathGap: z.number().nullable(),
  /** Whether the data hold the whole forecast horizon after the same step (needed to be an analog). */
  continuation: z.boolean(),
  /** Cumulative returns every `paths.every` steps from the base to the step plus the horizon, for the overlay chart. */
  small: z.array(z.number()),
  large: z.array(z.number()),
});

/** A forecast of the horizon's returns: percentiles (p5, p25, p50, p75, p95), P(small beats large) and each target's probability. */
const forecastSchema = z.object({
  analogs: z.array(z.string()),
  meanBlock: z.number(),
  percentiles: perLeg(z.array(z.number())),
  smallBeatsLarge: z.number(),
  targets: z.array(z.object({ target: z.string(), leg: z.enum(['small', 'large', 'spread']), level: z.number(), probability: z.number() })),
});

/** The `ratecut.now/1` document. */
export const nowResultSchema = z.object({
  /** Present (first) when the run used the synthetic sample. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  commandLine: z.string(),
  data: z.object({ catalog: z.string(), origin: z.string(), synthetic: z.boolean(), pair: z.string(), returnBasis: z.string(), first: z.string(), last: z.string() }),
  conventions: z.object({ steps: z.string(), base: z.string(), distance: z.string(), forecast: z.string(), backtest: z.string() }),
  settings: z.object({ horizonMonths: z.number(), horizonSteps: z.number(), analogs: z.number(), paths: z.number(), seed: z.number(), every: z.number() }),
  /** The current cycle at its step (`step` rows after its base close; the data's last row unless `--step`), and that row's date. */
  current: cycleAtStepSchema.omit({ distance: true, pathGap: true, continuation: true }).extend({ step: z.number(), stepDate: z.string() }),
  /** Every past cycle with data at its base close, oldest first. */
  past: z.array(cycleAtStepSchema),
  /** The current spread's place among the past cycles' spreads at the same step. */
  rank: z.object({ below: z.number(), equal: z.number(), of: z.number() }),
  forecast: forecastSchema,
  /** Each past cycle with a continuation, forecast at the same step from its own nearest analogs among the others, against what followed. */
  backtest: z.object({
    folds: z.array(z.object({
      cycle: z.string(), analogs: z.array(z.string()), realized: perLeg(z.number()), pit: perLeg(z.number()),
      smallBeatsLarge: z.number(), targets: z.array(z.number()),
    })),
    coverage: perLeg(z.object({ n: z.number(), coverage50: z.number().nullable(), coverage90: z.number().nullable() })),
    /** Mean squared error of each forecast probability against what happened (0 best; 0.25 for always 50 %). */
    brier: z.object({ smallBeatsLarge: z.number().nullable(), targets: z.array(z.number().nullable()) }),
  }),
  warnings: z.array(z.string()),
});

/** A `ratecut.now/1` document, as written by `ratecut now`. */
export type NowResultJson = z.infer<typeof nowResultSchema>;
