import type { SimulateResultJson, SimulationTableJson } from '@ratecut/contracts';
import { finiteOrNull as fin } from './compare-entries';
import type { SimulateInput } from './compare-input';

const SIM_PERCENTILES = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;

/**
 * Simulation statistics side by side, labelled `file:scenario`: for the small leg, the large leg
 * and small minus large, the 5th to 95th percentiles and the mean of the horizon return, then
 * P(small beats large) and every target probability (matched by its text; null where a file
 * lacks it). `differences[k]` is the first file minus file k + 1.
 */
export function simulationTable(sims: readonly SimulateInput[]): SimulationTableJson {
  const rows: { statistic: string; values: (number | null)[] }[] = [];
  const legs: [keyof SimulateResultJson['legs'], string][] = [['small', 'small return'], ['large', 'large return'], ['spread', 'small - large']];
  for (const [leg, name] of legs) {
    for (const p of SIM_PERCENTILES) rows.push({ statistic: `${name} ${p === 'p50' ? 'median' : p}`, values: sims.map((s) => fin(s.doc.legs[leg].percentiles[p])) });
    rows.push({ statistic: `${name} mean`, values: sims.map((s) => fin(s.doc.legs[leg].mean)) });
  }
  rows.push({ statistic: 'P(small beats large)', values: sims.map((s) => fin(s.doc.probabilities.smallBeatsLarge)) });
  const targets = [...new Set(sims.flatMap((s) => s.doc.probabilities.targets.map((t) => t.target)))];
  for (const t of targets) rows.push({ statistic: `P(${t})`, values: sims.map((s) => fin(s.doc.probabilities.targets.find((x) => x.target === t)?.probability)) });
  return {
    labels: sims.map((s) => `${s.name}:${s.doc.scenario.name}`),
    rows: rows.map((r) => ({ ...r, differences: r.values.slice(1).map((v) => (v === null || r.values[0] === null ? null : r.values[0] - v)) })),
  };
}

/** The note given when simulations draw from different analog cycles (what distinguishes scenarios; not a difference). */
export function analogNote(sims: readonly SimulateInput[]): string[] {
  if (sims.length <= 1) return [];
  const analogs = new Set(sims.map((s) => s.doc.analogs.cycleIds.join(',')));
  return analogs.size > 1 ? ['The scenarios draw from different analog cycles (that is what distinguishes them); not counted as a difference.'] : [];
}
