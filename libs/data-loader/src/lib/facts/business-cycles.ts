import { z } from 'zod';
import { dayFromYmd, type BusinessCycle } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { readJsonFile } from '../json/read-json-file';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** Schema of `data/nber-business-cycles.json`. */
export const businessCyclesFileSchema = z.object({
  about: z.string().optional(),
  source: z.string().min(1),
  convention: z.string().optional(),
  cycles: z.array(z.object({ peak: month, trough: month })).min(1),
});

export type BusinessCyclesFile = z.infer<typeof businessCyclesFileSchema>;

const firstOfMonth = (ym: string): number => dayFromYmd(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 1);

/** Loads NBER peak/trough months (as the first day of each month) and the file's source line. */
export function loadBusinessCycles(file: string): LoadResult<{ source: string; cycles: BusinessCycle[] }> {
  const read = readJsonFile(file, businessCyclesFileSchema, 'bad-catalog');
  if (!read.ok) return read;
  const cycles = read.value.cycles.map((c) => ({ peak: firstOfMonth(c.peak), trough: firstOfMonth(c.trough) }));
  const bad = cycles.findIndex((c, i) => c.trough < c.peak || (i > 0 && c.peak <= cycles[i - 1].trough));
  if (bad >= 0) {
    return { ok: false, issues: [{ code: 'bad-catalog', severity: 'error', file, message: `cycles[${bad}]: expected peak <= trough and cycles in date order` }] };
  }
  return { ok: true, value: { source: read.value.source, cycles }, warnings: [] };
}
