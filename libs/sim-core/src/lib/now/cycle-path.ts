/**
 * An easing cycle's market path from its base close: both legs' cumulative simple returns at each
 * trading step after the base row (the last close before the first cut), and how two cycles'
 * paths differ over their first steps. Step `t` is `t` rows (trading days, or months for monthly
 * data) after the base row.
 */

/** Both legs' cumulative simple returns from a base row: `small[t] = close[base + t] / close[base] − 1`, `t = 0..steps` (0 at `t = 0`). */
export interface CyclePath {
  readonly small: Float64Array;
  readonly large: Float64Array;
}

/**
 * The path of the two legs `closes` (small, large) from row `base` for at most `steps` steps,
 * shorter when the data end first (`length − 1` steps are known). A base outside the data gives
 * an empty path.
 */
export function cyclePath(closes: readonly [Float64Array, Float64Array], base: number, steps: number): CyclePath {
  const [s, l] = closes;
  if (!Number.isInteger(base) || base < 0 || base >= s.length) return { small: new Float64Array(0), large: new Float64Array(0) };
  const n = Math.min(steps, s.length - 1 - base) + 1;
  const small = new Float64Array(n), large = new Float64Array(n);
  for (let t = 0; t < n; t += 1) {
    small[t] = s[base + t] / s[base] - 1;
    large[t] = l[base + t] / l[base] - 1;
  }
  return { small, large };
}

/**
 * How far two paths lie apart over steps `1..upTo`: the root mean square, over those steps and
 * both legs, of the difference of their cumulative log returns (`log(1 + r)`), in log points
 * (0.05 ≈ 5 %). NaN when either path is shorter than `upTo + 1` or `upTo` < 1.
 */
export function pathGap(a: CyclePath, b: CyclePath, upTo: number): number {
  if (!(upTo >= 1) || a.small.length <= upTo || b.small.length <= upTo) return NaN;
  let sum = 0;
  for (let t = 1; t <= upTo; t += 1) {
    const ds = Math.log1p(a.small[t]) - Math.log1p(b.small[t]);
    const dl = Math.log1p(a.large[t]) - Math.log1p(b.large[t]);
    sum += ds * ds + dl * dl;
  }
  return Math.sqrt(sum / (2 * upTo));
}

/** Where `value` ranks among `others`: how many are below it, equal to it, and how many there are (NaN values left out). */
export function rankAmong(value: number, others: readonly number[]): { readonly below: number; readonly equal: number; readonly of: number } {
  const kept = others.filter((x) => !Number.isNaN(x));
  return { below: kept.filter((x) => x < value).length, equal: kept.filter((x) => x === value).length, of: kept.length };
}
