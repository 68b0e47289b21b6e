/**
 * A paired stationary-bootstrap confidence interval for the difference between two strategies'
 * Sharpe ratios and annual returns, resampling the paired periods jointly.
 */
import { mean } from '../stats/mean';
import { sharpeRatio } from '../metrics/sharpe-ratio';
import { optimalBlockLength } from '../estimation/block-length';
import { makeJointSource, prepareSource } from '../monte-carlo/joint-source';
import { pathIndicesInto } from '../monte-carlo/bootstrap';
import { percentileOfSorted } from '../monte-carlo/distribution-summary';

/** Settings of {@link pairedBootstrapDifference}. */
export interface PairedBootstrapOptions {
  /** Periods per year used to annualise (252 for daily returns). */
  readonly periodsPerYear: number;
  /** Seed, an integer in `[0, 2^53)`: resample `r` draws from `streamFor(seed, r)`. */
  readonly seed: number;
  /** Number of bootstrap resamples, an integer >= 1. */
  readonly resamples: number;
  /** Mean block length in periods (>= 1); default: the mean of the two series' {@link optimalBlockLength} stationary estimates. */
  readonly meanBlock?: number;
  /** Two-sided confidence level in `(0, 1)`; default 0.95. */
  readonly confidence?: number;
}

/** A point estimate with its bootstrap percentile interval. */
export interface DifferenceInterval {
  /** The statistic on the original sample: A minus B. */
  readonly estimate: number;
  /** Lower and upper percentile bounds of the bootstrap distribution of A minus B. */
  readonly lower: number;
  readonly upper: number;
}

/** Result of {@link pairedBootstrapDifference}. */
export interface PairedBootstrap {
  /** Paired periods in the sample. */
  readonly observations: number;
  /** Mean block length used, in periods. */
  readonly meanBlock: number;
  readonly resamples: number;
  readonly confidence: number;
  /** Annualised Sharpe ratio of A minus that of B, returns without cash subtraction (risk-free 0). */
  readonly sharpe: DifferenceInterval;
  /** Arithmetic annual return of A minus that of B: `(mean(a) − mean(b)) · periodsPerYear`, decimals per year. */
  readonly annualReturn: DifferenceInterval;
}

/**
 * Paired stationary bootstrap (Politis and Romano, 1994) of two return series over the same
 * periods (`a[i]`, `b[i]`: simple returns, decimals). Each resample draws one sequence of row
 * indices with geometric block lengths of mean `meanBlock` (blocks wrap circularly) and applies
 * it to both series, so their cross-correlation and autocorrelation are kept; the indices come
 * from the Monte Carlo kernel ({@link pathIndicesInto}) on a one-segment joint source, resample
 * `r` from stream `(seed, r)`. For each resample it computes the annualised Sharpe ratio
 * difference ({@link sharpeRatio} with a zero cash return: the ratio of mean to standard
 * deviation, times `sqrt(periodsPerYear)`) and the arithmetic annual return difference
 * (`(mean(a) − mean(b)) · periodsPerYear`, {@link mean}); the interval is the percentile interval
 * (Efron, 1979; type-7 percentiles) at `(1 ± confidence) / 2`. The default mean block length is
 * the mean of the two series' Politis–White (2004) estimates ({@link optimalBlockLength}), 1 when
 * those are undefined (constant series). Memory O(n + resamples).
 *
 * Degenerate input: every number NaN (meanBlock too) when there are fewer than 2 periods; a
 * resample whose Sharpe ratio is NaN (constant returns) is left out of the Sharpe interval, which
 * is NaN when no resample is left. Identical series give 0 with the interval [0, 0].
 *
 * @throws RangeError when the series differ in length, a return is NaN, infinite or `<= −1`, or
 * an option is out of range (programmer errors).
 */
export function pairedBootstrapDifference(a: Float64Array, b: Float64Array, options: PairedBootstrapOptions): PairedBootstrap {
  const { periodsPerYear, seed, resamples } = options;
  const confidence = options.confidence ?? 0.95;
  if (a.length !== b.length) throw new RangeError(`pairedBootstrapDifference: ${a.length} and ${b.length} returns`);
  if (!Number.isSafeInteger(resamples) || resamples < 1) throw new RangeError(`pairedBootstrapDifference: resamples must be an integer >= 1, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`pairedBootstrapDifference: confidence must be in (0, 1), got ${confidence}`);
  const n = a.length;
  const nanInterval: DifferenceInterval = { estimate: NaN, lower: NaN, upper: NaN };
  if (n < 2) return { observations: n, meanBlock: NaN, resamples, confidence, sharpe: nanInterval, annualReturn: nanInterval };
  const zeros = new Float64Array(n);
  let meanBlock = options.meanBlock;
  if (meanBlock === undefined) {
    const auto = (optimalBlockLength(a).stationary + optimalBlockLength(b).stationary) / 2;
    meanBlock = Number.isFinite(auto) ? auto : 1;
  }
  const prepared = prepareSource(makeJointSource([{ small: a, large: b }], periodsPerYear));
  const pathOptions = { method: 'stationary' as const, meanBlock, horizon: n, seed };
  const index = new Int32Array(n), ra = new Float64Array(n), rb = new Float64Array(n);
  const sharpeDiffs = new Float64Array(resamples), returnDiffs = new Float64Array(resamples);
  let kept = 0;
  for (let r = 0; r < resamples; r += 1) {
    pathIndicesInto(prepared, pathOptions, r, index);
    for (let t = 0; t < n; t += 1) {
      ra[t] = a[index[t]];
      rb[t] = b[index[t]];
    }
    returnDiffs[r] = (mean(ra) - mean(rb)) * periodsPerYear;
    const d = sharpeRatio(ra, zeros, periodsPerYear) - sharpeRatio(rb, zeros, periodsPerYear);
    if (d === d) sharpeDiffs[kept++] = d;
  }
  const interval = (estimate: number, values: Float64Array): DifferenceInterval => {
    if (values.length === 0) return { estimate, lower: NaN, upper: NaN };
    values.sort();
    return {
      estimate,
      lower: percentileOfSorted(values, (100 * (1 - confidence)) / 2),
      upper: percentileOfSorted(values, (100 * (1 + confidence)) / 2),
    };
  };
  return {
    observations: n, meanBlock, resamples, confidence,
    sharpe: interval(sharpeRatio(a, zeros, periodsPerYear) - sharpeRatio(b, zeros, periodsPerYear), sharpeDiffs.subarray(0, kept)),
    annualReturn: interval((mean(a) - mean(b)) * periodsPerYear, returnDiffs),
  };
}
