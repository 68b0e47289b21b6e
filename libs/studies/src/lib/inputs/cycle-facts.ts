import { join } from 'node:path';
import { CURATED_CYCLES_FILE, loadCuratedCycles, type CuratedCyclesFile } from '@ratecut/data-loader';
import { parseIsoDay, type CycleFacts, type LoadResult } from '@ratecut/sim-core';

/**
 * The curated easing-cycle facts of `<factsDir>/easing-cycles.json` as the analog selection
 * reads them (each cycle's emergency status by its first cut's day number), with the file's
 * content and path; the loader's issues when it does not read.
 */
export function loadCycleFacts(factsDir: string): LoadResult<{ readonly facts: CycleFacts; readonly curated: CuratedCyclesFile; readonly file: string }> {
  const file = join(factsDir, CURATED_CYCLES_FILE);
  const curated = loadCuratedCycles(file);
  if (!curated.ok) return curated;
  const emergency = new Map(curated.value.cycles.flatMap((c) => (c.emergency === undefined ? [] : [[parseIsoDay(c.firstCut), c.emergency] as const])));
  return { ok: true, value: { facts: { emergency }, curated: curated.value, file }, warnings: curated.warnings };
}
