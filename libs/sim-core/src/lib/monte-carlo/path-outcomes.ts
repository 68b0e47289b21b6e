/**
 * Caller-owned buffers for the outcome of each simulated path, one value per path at index
 * `p − firstPath` (each array holds at least the number of paths simulated; positions past it
 * are untouched). Every path simulator (bootstrap, Student-t, rate-sensitivity) writes this one
 * type, and a study merges blocks of it in path order.
 * - `smallReturn`, `largeReturn`: compounded simple return over the horizon, decimals,
 *   `prod_t (1 + r_t) − 1`.
 * - `smallMaxDrawdown`, `largeMaxDrawdown`: maximum drawdown of the wealth path, a decimal
 *   `<= 0` (−0.3 = a 30% fall), sampled at every step; the starting wealth `W_0 = 1` counts as
 *   a peak, so a first-step loss is a drawdown.
 */
export interface PathOutcomes {
  readonly smallReturn: Float64Array;
  readonly largeReturn: Float64Array;
  readonly smallMaxDrawdown: Float64Array;
  readonly largeMaxDrawdown: Float64Array;
}

/** Fresh zeroed {@link PathOutcomes} for `paths` paths (an integer >= 0). */
export function allocatePathOutcomes(paths: number): PathOutcomes {
  return { smallReturn: new Float64Array(paths), largeReturn: new Float64Array(paths), smallMaxDrawdown: new Float64Array(paths), largeMaxDrawdown: new Float64Array(paths) };
}
