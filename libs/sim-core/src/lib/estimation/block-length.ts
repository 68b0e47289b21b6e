/**
 * Automatic block-length selection for the stationary and circular block bootstraps (Politis
 * and White, 2004, with the correction of Patton, Politis and White, 2009).
 */
import { MomentsAccumulator } from '../stats/moments-accumulator';

/** Optimal mean block length (stationary bootstrap) and block length (circular), in rows. */
export interface OptimalBlockLength {
  readonly stationary: number;
  readonly circular: number;
}

/** Fewest observations {@link optimalBlockLength} accepts; fewer give NaN. */
export const BLOCK_LENGTH_MIN_OBSERVATIONS = 10;

/**
 * The flat-top (trapezoidal) lag window of Politis and Romano (1995), dimensionless:
 * `λ(t) = 1` for `|t| <= 1/2`, `2(1 − |t|)` for `1/2 < |t| <= 1`, `0` beyond. NaN for NaN.
 */
export function flatTopLagWindow(t: number): number {
  if (t !== t) return NaN; // NaN
  const a = Math.abs(t);
  if (a <= 0.5) return 1;
  if (a <= 1) return 2 * (1 - a);
  return 0;
}

const NAN_RESULT: OptimalBlockLength = Object.freeze({ stationary: NaN, circular: NaN });

/**
 * The block length that minimises the mean squared error of the bootstrap estimate of the
 * variance of the sample mean of `x[start..end)` (any units; a series of per-period returns,
 * for example), after Politis and White (2004) with the correction of Patton, Politis and White
 * (2009):
 *
 * 1. Autocovariances `R(k) = (1/n) Σ_{i} (x_i − x̄)(x_{i+k} − x̄)` and autocorrelations
 *    `ρ(k) = R(k) / R(0)` up to `m_max = ceil(sqrt(n)) + K_N`, with
 *    `K_N = max(5, ceil(sqrt(log10 n)))`.
 * 2. `m̂` = the smallest positive integer `m` with `|ρ(m + k)| < c · sqrt(log10(n) / n)` for all
 *    `k = 1..K_N` (`c = 2`); if there is none, the last lag whose `|ρ|` reaches the bound. The
 *    bandwidth is `M = min(2 m̂, m_max)`.
 * 3. With the flat-top window `λ` ({@link flatTopLagWindow}): `Ĝ = Σ_{|k|<=M} λ(k/M) |k| R(k)`,
 *    `ĝ(0) = Σ_{|k|<=M} λ(k/M) R(k)`, `D̂_SB = 2 ĝ(0)²`, `D̂_CB = (4/3) ĝ(0)²`.
 * 4. `b = (2 Ĝ² / D̂)^(1/3) · n^(1/3)` for each method, capped at
 *    `ceil(min(3 sqrt(n), n / 3))` and at least 1. The results are real numbers (round the
 *    circular one to use it).
 *
 * For white noise `Ĝ ≈ 0` and both lengths are near 1; for an AR(1) with coefficient φ the
 * stationary length tends to `(Ĝ/ĝ(0))^(2/3) n^(1/3) = (2φ / (1 − φ²))^(2/3) n^(1/3)`
 * (about `1.21 n^(1/3)` for φ = 0.5).
 *
 * Degenerate input: NaN for both when the window holds fewer than
 * {@link BLOCK_LENGTH_MIN_OBSERVATIONS} values, any value is NaN or infinite, or the series is
 * constant (`R(0) = 0`). A window with `ĝ(0) = 0` (no long-run variance) gives the cap.
 *
 * @throws RangeError when the window does not fit `x` (programmer error).
 */
export function optimalBlockLength(x: Float64Array, start = 0, end = x.length): OptimalBlockLength {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > x.length || start > end) {
    throw new RangeError(`window [${start}, ${end}) does not fit an array of length ${x.length}`);
  }
  const n = end - start;
  if (n < BLOCK_LENGTH_MIN_OBSERVATIONS) return NAN_RESULT;
  const moments = new MomentsAccumulator();
  for (let i = start; i < end; i += 1) {
    const v = x[i];
    if (!Number.isFinite(v)) return NAN_RESULT;
    moments.push(v); // running mean (Welford, 1962)
  }
  const mean = moments.mean;
  const e = new Float64Array(n);
  for (let i = 0; i < n; i += 1) e[i] = x[start + i] - mean;

  const kn = Math.max(5, Math.ceil(Math.sqrt(Math.log10(n))));
  const mMax = Math.min(n - 1, Math.ceil(Math.sqrt(n)) + kn);
  const acov = new Float64Array(mMax + 1);
  for (let k = 0; k <= mMax; k += 1) {
    let sum = 0;
    for (let i = 0; i + k < n; i += 1) sum += e[i] * e[i + k];
    acov[k] = sum / n;
  }
  if (!(acov[0] > 0)) return NAN_RESULT;

  const bound = 2 * Math.sqrt(Math.log10(n) / n);
  const insignificant = (k: number): boolean => Math.abs(acov[k] / acov[0]) < bound;
  let mHat = -1;
  for (let m = 1; m + kn <= mMax && mHat < 0; m += 1) {
    let all = true;
    for (let k = 1; k <= kn && all; k += 1) all = insignificant(m + k);
    if (all) mHat = m;
  }
  if (mHat < 0) {
    // No run of K_N insignificant lags: the last significant lag (at least 1).
    mHat = 1;
    for (let k = mMax; k >= 1; k -= 1) {
      if (!insignificant(k)) {
        mHat = k;
        break;
      }
    }
  }
  const bigM = Math.min(2 * mHat, mMax);

  let gHat = 0, g0 = acov[0];
  for (let k = 1; k <= bigM; k += 1) {
    const w = flatTopLagWindow(k / bigM);
    gHat += 2 * w * k * acov[k]; // the terms at k and −k
    g0 += 2 * w * acov[k];
  }
  const cap = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3));
  const cube = Math.cbrt(n);
  const pick = (d: number): number => {
    if (gHat === 0) return 1;
    if (!(d > 0)) return cap;
    const b = Math.cbrt((2 * gHat * gHat) / d) * cube;
    return Math.max(1, Math.min(b, cap));
  };
  return { stationary: pick(2 * g0 * g0), circular: pick((4 / 3) * g0 * g0) };
}
