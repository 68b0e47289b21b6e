import { join } from 'node:path';
import { shippedFactsFolder } from './shipped-facts';
import { z } from 'zod';
import type { LoadResult } from '@ratecut/sim-core';
import { readJsonFile } from '../json/read-json-file';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** Schema of `data/easing-cycles.json`: Fed easing cycles as curated facts. */
export const curatedCyclesFileSchema = z.object({
  about: z.string().optional(),
  source: z.string().min(1),
  rule: z.object({ minMoveBp: z.number().nonnegative(), pauseMonths: z.number().int().positive() }),
  units: z.string().optional(),
  /** What `emergency` means and where it comes from. */
  emergencyRule: z.string().optional(),
  emergencySource: z.string().optional(),
  cycles: z.array(
    z.object({
      id: z.string().min(1),
      firstCut: isoDate,
      lastCut: isoDate,
      cuts: z.number().int().positive(),
      totalEasingBp: z.number().positive(),
      rateBeforePct: z.number(),
      rateAfterPct: z.number(),
      resumption: z.boolean(),
      label: z.string(),
      firstCutAnnounced: isoDate.optional(),
      /** True when the easing began with an unscheduled (intermeeting) action in response to a shock (see `emergencyRule`). */
      emergency: z.boolean().optional(),
      emergencyNote: z.string().optional(),
    }),
  ),
});

export type CuratedCyclesFile = z.infer<typeof curatedCyclesFileSchema>;
export type CuratedCycle = CuratedCyclesFile['cycles'][number];

/** The file of curated easing-cycle facts that ships with ratecut, in {@link shippedFactsFolder}. */
export const CURATED_CYCLES_FILE = 'easing-cycles.json';

/** Loads the curated easing-cycle facts (dates as written, rates in percent) from `file` (default: the shipped ones). */
export function loadCuratedCycles(file: string = join(shippedFactsFolder(), CURATED_CYCLES_FILE)): LoadResult<CuratedCyclesFile> {
  return readJsonFile(file, curatedCyclesFileSchema, 'bad-catalog');
}
