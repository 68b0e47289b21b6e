/**
 * The standard normal distribution function and its inverse, for the statistics of result
 * comparison (probabilistic and deflated Sharpe ratios).
 */

const { exp, sqrt, log } = Math;

/**
 * The standard normal distribution function `Φ(x)`, a probability in `[0, 1]`, by Marsaglia's
 * (2004, "Evaluating the normal distribution", J. Stat. Softw. 11(4)) Taylor series
 * `Φ(x) = 1/2 + φ(x) (x + x³/3 + x⁵/(3·5) + …)`, summed until a term no longer changes the sum:
 * absolute error about 1e-15 for `|x| < 8`; beyond, 0 or 1 (`Φ(−8) ≈ 6e-16`). NaN for NaN.
 */
export function normalCdf(x: number): number {
  if (x !== x) return NaN;
  if (x <= -8) return 0;
  if (x >= 8) return 1;
  const q = x * x;
  let sum = x, term = x, previous = NaN;
  for (let i = 3; sum !== previous; i += 2) {
    previous = sum;
    term *= q / i;
    sum += term;
  }
  return 0.5 + sum * exp(-0.5 * q - 0.9189385332046727);
}

// Coefficients of Acklam's (2003) rational approximations of the normal quantile.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/**
 * The standard normal quantile `Φ⁻¹(p)`: Acklam's (2003) rational approximation (relative error
 * 1.15e-9) refined, for `1e-6 <= p <= 1 − 1e-6`, by one Halley step on {@link normalCdf}. Dimensionless. −∞ at `p = 0`, +∞ at
 * `p = 1`; NaN for `p` outside `[0, 1]` or NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = sqrt(-2 * log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5, r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = sqrt(-2 * log(1 - p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  // Deep in a tail Φ's absolute error (1e-15) is large relative to p: keep Acklam's value there.
  if (p < 1e-6 || p > 1 - 1e-6) return x;
  // One Halley step (Acklam, 2003): e = Φ(x) − p, u = e √(2π) exp(x²/2), x ← x − u / (1 + x u / 2).
  const e = normalCdf(x) - p;
  const u = e * sqrt(2 * Math.PI) * exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
