/**
 * The one streaming maximum-drawdown rule of sim-core: every maximum drawdown (the metrics, the
 * parametric Monte Carlo paths, the momentum sweep) is this running peak and this deepest
 * `value / peak − 1`, in this order of operations, so they agree to the last bit.
 */

/**
 * Module-level aliases of the Math functions used in hot loops: inside a vm context (Jest runs
 * specs in one) every lookup of the global `Math` goes through a slow interceptor; in plain Node
 * the aliases cost nothing.
 */
const { max, min } = Math;

/**
 * One step of the running peak: the peak after a wealth `value`, `max(peak, value)`. NaN is
 * absorbing (a NaN value makes the peak NaN from then on).
 */
export function drawdownPeakStep(peak: number, value: number): number {
  return max(peak, value);
}

/**
 * One step of the deepest drawdown: `min(depth, value / peak − 1)`, where `peak` is the running
 * peak INCLUDING `value` (see {@link drawdownPeakStep}), so a new high gives `value / value − 1
 * = 0` and leaves `depth` (always `<= 0`) as it was. NaN is absorbing, and so is an infinite
 * wealth (`∞ / ∞` is NaN): a drawdown of a path that is not finite is NaN.
 *
 * Since `x ↦ x − 1` rounds monotonically, `min_i (v_i / p_i − 1)` equals `(min_i v_i / p_i) − 1`
 * bit for bit: a caller may keep the lowest ratio and subtract 1 once at the end.
 */
export function drawdownDepthStep(depth: number, peak: number, value: number): number {
  return min(depth, value / peak - 1);
}

/**
 * Streaming maximum drawdown of a wealth path (any positive unit: portfolio value, or wealth
 * starting at 1): after pushing `W_1 .. W_t`, `depth = min(0, min_{i<=t} W_i / max(P_0, max_{j<=i}
 * W_j) − 1)`, a decimal `<= 0` (−0.35 = a 35% fall), with `P_0` the first peak given to the
 * constructor or {@link reset} (1 for a wealth path whose starting capital counts as a peak). The
 * running-maximum formulation of Magdon-Ismail and Atiya (2004); branch-free (`max`/`min`), no
 * allocation. Hot loops allocate one tracker and {@link reset} it per path; a loop that keeps
 * its state in locals or typed arrays uses {@link drawdownPeakStep} and {@link drawdownDepthStep},
 * the same two operations.
 *
 * Degenerate input: a NaN or infinite value makes `depth` (and `peak`) NaN from then on.
 */
export class DrawdownTracker {
  /** Running peak, in the units of the pushed values. */
  peak: number;
  /** Deepest `value / peak − 1` so far, a decimal `<= 0`; 0 before the first fall. */
  depth = 0;

  /** Starts with `firstPeak` (default 1: the starting capital of a wealth path) as the running peak. */
  constructor(firstPeak = 1) {
    this.peak = firstPeak;
  }

  /** Starts over with `firstPeak` (default 1) as the running peak and no drawdown. */
  reset(firstPeak = 1): void {
    this.peak = firstPeak;
    this.depth = 0;
  }

  /**
   * Adds a run of values known only by their lowest and highest, when that is enough: if
   * `highest <= peak` the run sets no new peak, its deepest point is `lowest / peak − 1`, and it
   * is added (returns true); otherwise nothing changes and it returns false (push the values one
   * by one). A NaN bound returns false.
   */
  pushBounded(lowest: number, highest: number): boolean {
    if (!(highest <= this.peak) || lowest !== lowest) return false;
    this.depth = drawdownDepthStep(this.depth, this.peak, lowest);
    return true;
  }

  /** Adds the next wealth `value` of the path. */
  push(value: number): void {
    const peak = drawdownPeakStep(this.peak, value);
    this.peak = peak;
    this.depth = drawdownDepthStep(this.depth, peak, value);
  }
}
