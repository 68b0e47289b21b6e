import type { HistogramJson } from '@ratecut/contracts';
import type { SimulateReportDoc } from './report-input';

/** One point of an exceedance curve: the share of paths whose outcome is at least `level`. */
export interface ExceedancePoint {
  /** The threshold, a decimal return. */
  readonly level: number;
  /** Share of paths at or above it, 0..1. */
  readonly probability: number;
}

/**
 * The share of paths at or above a threshold as the report states it: `exact` when it was counted
 * (a `--target` at that level, or a histogram edge inside the range), `interpolated` when it lies
 * between two counted edges (linear in the threshold), `at least` / `at most` when the threshold
 * lies beyond the counted edges (then `probability` is a bound: the share at the first or the
 * last inner edge).
 */
export interface ExceedanceValue {
  readonly level: number;
  readonly probability: number;
  readonly kind: 'exact' | 'interpolated' | 'at least' | 'at most';
}

/** Two thresholds closer than this are the same (decimals; the result's levels are round numbers). */
const SAME_LEVEL = 1e-9;

/**
 * The exceedance curve a result's histogram holds exactly: the share of paths at or above each
 * inner bin edge. The result's histograms have equal-width bins whose two end bins also count the
 * outcomes beyond them, so the share at or above inner edge k is the count of bins k.. over the
 * count of all bins whatever the tails hold (and the outer edges are left out: there the tails
 * are not known). Empty when the histogram has no finite edges or no counts.
 */
export function exceedanceCurve(h: HistogramJson): ExceedancePoint[] {
  const total = h.counts.reduce((s, c) => s + c, 0);
  if (total <= 0 || h.edges.length !== h.counts.length + 1 || h.edges.some((e) => e === null || !Number.isFinite(e))) return [];
  const out: ExceedancePoint[] = [];
  let above = total;
  for (let k = 1; k < h.counts.length; k += 1) {
    above -= h.counts[k - 1];
    out.push({ level: h.edges[k] as number, probability: above / total });
  }
  return out;
}

/**
 * The share of paths at or above `level` from an exceedance curve (see {@link exceedanceCurve}):
 * exact on an edge, linearly interpolated between two edges, a bound beyond the first or last
 * edge; null when the curve is empty.
 */
export function exceedanceAt(curve: readonly ExceedancePoint[], level: number): ExceedanceValue | null {
  if (curve.length === 0) return null;
  const first = curve[0], last = curve[curve.length - 1];
  if (level < first.level - SAME_LEVEL) return { level, probability: first.probability, kind: 'at least' };
  if (level > last.level + SAME_LEVEL) return { level, probability: last.probability, kind: 'at most' };
  for (let k = 0; k < curve.length; k += 1) {
    const a = curve[k];
    if (Math.abs(a.level - level) <= SAME_LEVEL) return { level, probability: a.probability, kind: 'exact' };
    const b = curve[k + 1];
    if (b !== undefined && level > a.level && level < b.level) {
      const w = (level - a.level) / (b.level - a.level);
      return { level, probability: a.probability + w * (b.probability - a.probability), kind: 'interpolated' };
    }
  }
  return { level, probability: last.probability, kind: 'exact' };
}

/** The outcome whose exceedance is asked for: a leg's return, or small minus large. */
export type ExceedanceLeg = 'small' | 'large' | 'spread';

/**
 * The share of paths whose `leg` outcome is at least `level` in a simulate result: the `--target`
 * probability when the run set one at that level (counted over all paths), else from the leg's
 * histogram (see {@link exceedanceAt}); null when neither holds it.
 */
export function simulatedExceedance(doc: SimulateReportDoc, leg: ExceedanceLeg, level: number): ExceedanceValue | null {
  const target = doc.probabilities.targets.find((t) => t.leg === leg && Math.abs(t.level - level) <= SAME_LEVEL && t.probability !== null);
  if (target !== undefined && target.probability !== null) return { level, probability: target.probability, kind: 'exact' };
  return exceedanceAt(exceedanceCurve(doc.histograms[leg]), level);
}
