/**
 * The targets of a strategy for every row of the data, computed before the portfolio is run
 * (a vectorised strategy), for the portfolio kernel (`runPortfolio`).
 */

/** A code of {@link TargetPlan.codes}: propose the last submitted target again (hold the choice made). */
export const KEEP = -1;

/**
 * What a strategy proposes at the close of each row, as indices into a small palette of target
 * weight vectors. Row `t`'s code may read data up to row `t` only (no look-ahead: see the
 * vectorised built-ins' property tests).
 *
 * - `palette`: target `p` is `palette[p * assets .. (p + 1) * assets)`, weights per asset
 *   (cash = 1 − their sum).
 * - `codes[t]`: the palette index proposed at row `t`, or {@link KEEP}: the target last submitted
 *   (a rule with hysteresis, such as relative momentum inside its threshold band), or, before
 *   any submission, target `initial[t]`.
 * - `warmup`: the first row at which the strategy decides (the engine's `row >= warmup`); codes
 *   before it are never read.
 */
export interface TargetPlan {
  readonly assets: number;
  readonly palette: Float64Array;
  readonly codes: Int32Array;
  readonly initial: Int32Array | null;
  readonly warmup: number;
}

/**
 * Checks a plan against data of `rows` rows: every code a palette index or {@link KEEP} (with
 * `initial` given and in the palette then), lengths as documented.
 *
 * @throws RangeError on a malformed plan (a programmer error).
 */
export function checkTargetPlan(plan: TargetPlan, rows: number): void {
  const { assets, palette, codes, initial } = plan;
  if (!Number.isInteger(assets) || assets < 1) throw new RangeError(`target plan: ${assets} assets`);
  if (palette.length === 0 || palette.length % assets !== 0) throw new RangeError(`target plan: palette of ${palette.length} weights for ${assets} assets`);
  if (codes.length !== rows) throw new RangeError(`target plan: ${codes.length} codes for ${rows} rows`);
  if (initial !== null && initial.length !== rows) throw new RangeError(`target plan: ${initial.length} initial codes for ${rows} rows`);
  if (!Number.isInteger(plan.warmup) || plan.warmup < 0) throw new RangeError(`target plan: warm-up ${plan.warmup}`);
  const size = palette.length / assets;
  for (let t = plan.warmup; t < rows; t += 1) {
    const c = codes[t];
    if (c === KEEP) {
      const i = initial === null ? -1 : initial[t];
      if (!(i >= 0 && i < size)) throw new RangeError(`target plan: row ${t} keeps the last target but has no initial target in the palette`);
    } else if (!(c >= 0 && c < size)) {
      throw new RangeError(`target plan: row ${t} has code ${c}, outside the palette of ${size}`);
    }
  }
}

/** A plan that proposes the same palette target at every row (buy and hold, a fixed mix). */
export function constantPlan(weights: readonly number[], rows: number, warmup = 0): TargetPlan {
  return { assets: weights.length, palette: Float64Array.from(weights), codes: new Int32Array(rows), initial: null, warmup };
}
