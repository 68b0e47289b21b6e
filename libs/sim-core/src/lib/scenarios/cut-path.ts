/**
 * A scenario's path of policy cuts: explicit cuts at a meeting spacing, or a total easing
 * spread evenly over some months. Sizes in basis points (positive = cut).
 */
export type CutPath =
  | { readonly kind: 'meetings'; readonly cutsBp: readonly number[]; readonly monthsBetween: number }
  | { readonly kind: 'total'; readonly totalBp: number; readonly overMonths: number };

/**
 * Monthly change in the policy rate in percentage points (a 25 bp cut = −0.25) for months
 * 1..horizonMonths. Meeting i (0-based) falls in month floor(i × monthsBetween) + 1; a total
 * easing is split evenly over its first `overMonths` months.
 */
export function monthlyRateChanges(path: CutPath, horizonMonths: number): Float64Array {
  const out = new Float64Array(horizonMonths);
  if (path.kind === 'meetings') {
    path.cutsBp.forEach((bp, i) => {
      const m = Math.floor(i * path.monthsBetween);
      if (m < horizonMonths) out[m] -= bp / 100;
    });
  } else {
    const months = Math.min(path.overMonths, horizonMonths);
    for (let m = 0; m < months; m += 1) out[m] = -path.totalBp / 100 / path.overMonths;
  }
  return out;
}

/** Total easing of a path in basis points. */
export function totalEasingBp(path: CutPath): number {
  return path.kind === 'meetings' ? path.cutsBp.reduce((s, x) => s + x, 0) : path.totalBp;
}
