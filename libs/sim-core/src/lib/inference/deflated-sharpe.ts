/**
 * The deflated Sharpe ratio (Bailey and López de Prado, 2014, "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio
 * Management 40(5)), and the probabilistic Sharpe ratio it builds on (Bailey and López de Prado,
 * 2012, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2)).
 *
 * All Sharpe ratios here are per period (not annualised): divide an annualised ratio by
 * `sqrt(periodsPerYear)` and an annualised variance by `periodsPerYear`.
 */
import { normalCdf, normalQuantile } from './normal-distribution';

/** The Euler–Mascheroni constant γ. */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * Expected maximum of `trials` independent per-period Sharpe ratio estimates whose true value is
 * 0, with cross-trial variance `variance` (Bailey and López de Prado, 2014, eq. 2, after the
 * false strategy theorem): `SR₀ = sqrt(V) · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)))`,
 * γ the Euler–Mascheroni constant. Per period, like the inputs' square root.
 *
 * Degenerate input: NaN when `trials < 2` (the approximation needs two or more trials), or the
 * variance is negative or NaN; 0 for zero variance.
 */
export function expectedMaxSharpe(trials: number, variance: number): number {
  if (!(trials >= 2) || !(variance >= 0)) return NaN;
  const z = (1 - EULER_MASCHERONI) * normalQuantile(1 - 1 / trials) + EULER_MASCHERONI * normalQuantile(1 - 1 / (trials * Math.E));
  return Math.sqrt(variance) * z;
}

/**
 * Probabilistic Sharpe ratio (Bailey and López de Prado, 2012): the probability that the true
 * per-period Sharpe ratio exceeds `benchmark`, given the estimate `sharpe` from `observations`
 * returns with `skewness` and (non-excess) `kurtosis`:
 * `PSR = Φ((SR − SR*) sqrt(T − 1) / sqrt(1 − γ₃ SR + (γ₄ − 1)/4 · SR²))`.
 * A probability in `[0, 1]`. Normal returns: skewness 0, kurtosis 3.
 *
 * Degenerate input: NaN when `observations < 2`, any input is NaN, or the variance term under
 * the square root is not positive (extreme skewness for the given ratio).
 */
export function probabilisticSharpeRatio(sharpe: number, benchmark: number, observations: number, skewness: number, kurtosis: number): number {
  if (!(observations >= 2)) return NaN;
  const denom = 1 - skewness * sharpe + ((kurtosis - 1) / 4) * sharpe * sharpe;
  if (!(denom > 0) || sharpe !== sharpe || benchmark !== benchmark) return NaN;
  return normalCdf(((sharpe - benchmark) * Math.sqrt(observations - 1)) / Math.sqrt(denom));
}

/** What {@link deflatedSharpeRatio} needs: all Sharpe figures per period. */
export interface DeflatedSharpeInput {
  /** The selected (best) strategy's estimated Sharpe ratio, per period. */
  readonly sharpe: number;
  /** Variance of the trials' estimated Sharpe ratios, per period squared. */
  readonly trialVariance: number;
  /** Number of independent trials N (strategies or parameter sets tried), >= 2. */
  readonly trials: number;
  /** Sample length T: returns behind the selected strategy's Sharpe ratio. */
  readonly observations: number;
  /** Skewness of the selected strategy's returns (0 if taken as normal). */
  readonly skewness: number;
  /** Kurtosis of the selected strategy's returns, not excess (3 if taken as normal). */
  readonly kurtosis: number;
}

/** The deflated Sharpe ratio and the benchmark it was deflated against. */
export interface DeflatedSharpe {
  /** Expected maximum Sharpe ratio of N null trials, per period ({@link expectedMaxSharpe}). */
  readonly expectedMaxSharpe: number;
  /** Probability that the true Sharpe ratio exceeds `expectedMaxSharpe`, in `[0, 1]`. */
  readonly probability: number;
}

/**
 * Deflated Sharpe ratio (Bailey and López de Prado, 2014, eq. 1–2): the probabilistic Sharpe
 * ratio of the best of N trials measured against the expected maximum Sharpe ratio of N
 * independent trials with true Sharpe ratio 0, `DSR = PSR(SR₀)` with
 * `SR₀ = expectedMaxSharpe(N, V[SR_n])`. Accounts for selection among many trials (N, V) and for
 * non-normal returns (skewness, kurtosis) over a sample of length T. A DSR above 0.95 rejects,
 * at 5%, that the best Sharpe ratio is only the luck of the search.
 *
 * Degenerate input: both fields NaN under the rules of {@link expectedMaxSharpe} and
 * {@link probabilisticSharpeRatio} (fewer than 2 trials or observations, NaN inputs).
 */
export function deflatedSharpeRatio(input: DeflatedSharpeInput): DeflatedSharpe {
  const sr0 = expectedMaxSharpe(input.trials, input.trialVariance);
  if (sr0 !== sr0) return { expectedMaxSharpe: NaN, probability: NaN };
  return {
    expectedMaxSharpe: sr0,
    probability: probabilisticSharpeRatio(input.sharpe, sr0, input.observations, input.skewness, input.kurtosis),
  };
}
