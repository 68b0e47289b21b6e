import { OUTCOME_PERCENTILES, type HistogramJson, type OutcomeDistributionJson } from '@ratecut/contracts';
import {
  fanPercentilesInto, probabilityAtLeast, probabilityGreater as pGreater, summarizeDistribution, valuesAtRanks, type DistributionAccumulator,
} from '@ratecut/sim-core';

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * A path-outcome distribution as written: count, percentiles p1..p99, mean, sd, VaR/CVaR
 * (losses); a NaN statistic becomes null. With `accumulated` (an accumulator fed exactly
 * `values`, in order, with target 0), its summary; else `summarizeDistribution` (the same numbers).
 *
 * @throws RangeError when sim-core's summary levels differ from the contract's (programmer error).
 */
export function distributionJson(values: Float64Array, accumulated?: DistributionAccumulator): OutcomeDistributionJson {
  const s = accumulated === undefined ? summarizeDistribution(values) : accumulated.summary(values);
  const at = (level: (typeof OUTCOME_PERCENTILES)[number]): number | null => {
    const i = s.percentileLevels.indexOf(level);
    if (i < 0) throw new RangeError(`distributionJson: the summary has no ${level}th percentile`);
    return fin(s.percentiles[i]);
  };
  return {
    count: s.count,
    percentiles: { p1: at(1), p5: at(5), p10: at(10), p25: at(25), p50: at(50), p75: at(75), p90: at(90), p95: at(95), p99: at(99) },
    mean: fin(s.mean), sd: fin(s.sd), var95: fin(s.var95), cvar95: fin(s.cvar95), var99: fin(s.var99), cvar99: fin(s.cvar99),
  };
}

/** Share of paths with an outcome at or above `level`. */
export const probabilityAbove = (values: Float64Array, level: number): number | null => fin(probabilityAtLeast(values, level));

/** Share of paths in which `a` is strictly above `b`. */
export const probabilityGreater = (a: Float64Array, b: Float64Array): number | null => fin(pGreater(a, b));

/**
 * Percentiles of the simple return at every step (rows) for each requested percentile (columns);
 * with `minusLogWealth`, of the difference of the two legs' simple returns (small minus large).
 */
export function fanJson(logWealth: Float32Array, paths: number, steps: number, percentiles: readonly number[], minusLogWealth?: Float32Array): (number | null)[][] {
  const columns = steps + 1; // log wealth at steps 0..steps, row-major by path
  const out = new Float64Array(columns * percentiles.length);
  fanPercentilesInto(out, logWealth, paths, columns, percentiles, minusLogWealth);
  const rows: (number | null)[][] = [];
  for (let t = 0; t < columns; t += 1) rows.push(percentiles.map((_, q) => fin(out[q * columns + t])));
  return rows;
}

/**
 * Histogram of path outcomes with `bins` equal-width bins between the 0.5th and 99.5th
 * percentiles (outliers are counted in the end bins): edges (bins + 1 numbers) and counts. The
 * two percentiles are order statistics of the ascending sort (ranks `⌊0.005 (n − 1)⌋` and
 * `⌈0.995 (n − 1)⌉`), found without sorting everything (`valuesAtRanks`; with `accumulator`,
 * fed exactly `values` in order, from the histogram it already counted).
 */
export function histogramJson(values: Float64Array, bins = 60, accumulator?: DistributionAccumulator): HistogramJson {
  const ranks = [Math.floor(0.005 * (values.length - 1)), Math.ceil(0.995 * (values.length - 1))];
  const [lo, hi] = values.length === 0
    ? [Number.NaN, Number.NaN]
    : accumulator === undefined ? valuesAtRanks(values, ranks) : accumulator.valuesAtRanks(values, ranks);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))] += 1;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => lo + i * width), counts };
}
