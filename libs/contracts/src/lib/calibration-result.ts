import { z } from 'zod';
import { resultSchemaId } from './schema-version';

/**
 * The `ratecut validate calibration` document (schema `ratecut.calibration/1`): each scenario's
 * analog cycles held out in turn, the scenario simulated from the others, and where the held-out
 * cycle's realized return fell in the simulated distribution (the probability integral
 * transform). Returns are decimals over the scenario's horizon from the close before the first
 * cut; null where not available.
 */

/** The `schema` value of calibration documents written by this version. */
export const CALIBRATION_SCHEMA = resultSchemaId('calibration');

/** The three outcomes a simulation forecasts: the small leg's return, the large leg's, and small − large. */
export const CALIBRATION_LEGS = ['small', 'large', 'spread'] as const;

const perLeg = <T extends z.ZodTypeAny>(t: T) => z.object({ small: t, large: t, spread: t });

/** The `ratecut.calibration/1` document. */
export const calibrationResultSchema = z.object({
  /** Present (first) when the study ran on the synthetic sample. */
  notice: z.string().exactOptional(),
  schema: z.string(),
  ratecutVersion: z.string(),
  commandLine: z.string(),
  /** Paths simulated per held-out cycle; the seed is each scenario's own. */
  settings: z.object({ paths: z.number(), bins: z.number() }),
  conventions: z.object({ holdOut: z.string(), realized: z.string(), pit: z.string(), coverage: z.string(), caveat: z.string() }),
  scenarios: z.array(z.object({
    name: z.string(),
    title: z.string(),
    pair: z.string(),
    returnBasis: z.string(),
    horizon: z.object({ steps: z.number(), unit: z.string() }),
    method: z.string(),
    seed: z.number(),
    /** The scenario's analog cycles in the data. */
    analogs: z.array(z.string()),
    /** One per held-out cycle with a realized outcome: the analogs simulated from, the outcome, its PIT and the simulated quantiles (p5, p25, p50, p75, p95). */
    folds: z.array(z.object({
      cycle: z.string(),
      drawnFrom: z.array(z.string()),
      realized: perLeg(z.number()),
      pit: perLeg(z.number()),
      quantiles: perLeg(z.array(z.number())),
    })),
    /** Analog cycles not held out, and why (no realized outcome over the horizon yet, or no other analog to draw from). */
    skipped: z.array(z.object({ cycle: z.string(), reason: z.string() })),
    /** Per outcome: folds, the share of realized outcomes inside the 50 % and 90 % central intervals, the binomial p-value of the 90 % coverage, and the PIT histogram. */
    calibration: perLeg(z.object({
      n: z.number(),
      coverage50: z.number().nullable(),
      coverage90: z.number().nullable(),
      pCoverage90: z.number().nullable(),
      histogram: z.array(z.number()),
    })),
  })),
});

/** A `ratecut.calibration/1` document, as written by `ratecut validate calibration`. */
export type CalibrationResultJson = z.infer<typeof calibrationResultSchema>;
