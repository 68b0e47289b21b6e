/**
 * Rate moves in basis points: the one place where ratecut turns two rates into a move and
 * compares a move with a threshold (the cycle detector, `cut-trigger`, `rate-regime`).
 *
 * Rates are decimals per year (0.0525 = 5.25 %), so a move is `(to − from) × 10,000` bp. In
 * binary floating point that product is not exact: 0.0575 − 0.0600 gives −24.999999999999954 bp
 * and a raw `>= 25` test would miss a textbook 25 bp cut. The move is therefore rounded to
 * {@link RATE_MOVE_BP_PRECISION} (10⁻⁶ bp) before any comparison. The choice: the error of
 * the product is below 10⁻¹¹ bp for any rate under 100 %, so rounding to 10⁻⁶ bp removes it
 * with a wide margin, while 10⁻⁶ bp is far finer than any published rate (FRED quotes rates
 * in percent to at most 4 decimals, 0.01 bp), so no real move is changed by the rounding.
 */

/** Precision, in basis points, to which {@link rateMoveBp} rounds a move: 10⁻⁶ bp. */
export const RATE_MOVE_BP_PRECISION = 1e-6;

const SCALE = 1 / RATE_MOVE_BP_PRECISION;

/**
 * The move from rate `from` to rate `to` (decimals per year) in basis points, rounded to
 * {@link RATE_MOVE_BP_PRECISION}: negative for a cut, positive for a hike, 0 for no move.
 * Degenerate input: NaN when either rate is NaN or not finite.
 */
export function rateMoveBp(from: number, to: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return NaN;
  const bp = Math.round((to - from) * 10_000 * SCALE) / SCALE;
  return bp === 0 ? 0 : bp; // no −0
}

/**
 * True when a move (in bp, as from {@link rateMoveBp}) is at least `thresholdBp` in size,
 * `|moveBp| >= thresholdBp`, both rounded to {@link RATE_MOVE_BP_PRECISION} first so that a
 * threshold or a move computed elsewhere compares exactly. False for a NaN move or threshold.
 */
export function atLeastBp(moveBp: number, thresholdBp: number): boolean {
  const m = Math.round(Math.abs(moveBp) * SCALE), t = Math.round(thresholdBp * SCALE);
  return m >= t; // NaN compares false
}
