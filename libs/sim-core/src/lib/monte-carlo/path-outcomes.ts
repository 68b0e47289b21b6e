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

/**
 * Fresh zeroed {@link PathOutcomes} for `paths` paths (an integer >= 0). With `shared`, on
 * SharedArrayBuffers where the host has them (so worker threads can write their paths in
 * place), ordinary buffers otherwise.
 */
export function allocatePathOutcomes(paths: number, shared = false): PathOutcomes {
  const make = (): Float64Array => zeroedFloat64(paths, shared);
  return { smallReturn: make(), largeReturn: make(), smallMaxDrawdown: make(), largeMaxDrawdown: make() };
}

/** A zeroed Float64Array of `length` values, on a SharedArrayBuffer when `shared` and the host has them. */
export function zeroedFloat64(length: number, shared = false): Float64Array {
  return shared && typeof SharedArrayBuffer === 'function' ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
}
