import { DrawdownTracker } from './drawdown-tracker';
import { checkSameLength, checkWindow } from './window';

/**
 * The deepest peak-to-trough fall of a wealth path.
 * - `depth`: `trough / peak - 1`, a decimal `<= 0` (-0.35 = a 35% fall); 0 when the path never
 *   falls below a running peak; NaN for degenerate input.
 * - `peakIndex`: index of the running high the fall started from (the last index at that high
 *   before the trough).
 * - `troughIndex`: index of the lowest point of that fall (the first, if it is reached twice).
 * - `recoveryIndex`: first index after the trough where the path is back at or above the peak
 *   value, or -1 if it never gets there inside the window.
 * Indices are absolute positions in the input array (not relative to the window start). For a
 * never-falling path all three indices are the first point of the path; for degenerate input
 * all three are -1.
 */
export interface MaxDrawdown {
  readonly depth: number;
  readonly peakIndex: number;
  readonly troughIndex: number;
  readonly recoveryIndex: number;
}

const DEGENERATE: MaxDrawdown = Object.freeze({ depth: NaN, peakIndex: -1, troughIndex: -1, recoveryIndex: -1 });

/**
 * Maximum drawdown of an equity curve `equity[start..end)` (portfolio values, any currency
 * unit): `depth = min_t ( equity_t / max_{s<=t} equity_s - 1 )`, with the peak, trough and
 * recovery indices described in {@link MaxDrawdown}. One pass, no allocation per element
 * (the running-maximum formulation, e.g. Magdon-Ismail & Atiya, 2004).
 *
 * Degenerate input: depth NaN (indices -1) for an empty window, when any value is NaN or infinite, or when
 * the first value is not above 0 (a drawdown is relative to a positive peak). A path that
 * never falls gives depth 0 with every index at `start`.
 *
 * @throws RangeError when the window does not fit `equity` (programmer error).
 */
export function maxDrawdown(equity: Float64Array, start = 0, end = equity.length): MaxDrawdown {
  checkWindow(equity.length, start, end);
  if (end === start || !(equity[start] > 0)) return DEGENERATE;
  const tracker = new DrawdownEpisodeTracker(equity[start], start);
  for (let i = start; i < end; i += 1) {
    const v = equity[i];
    if (!Number.isFinite(v)) return DEGENERATE;
    tracker.push(v, i);
  }
  return tracker.result();
}

/**
 * A {@link DrawdownTracker} that also remembers where its deepest fall happened: the peak it
 * started from, its trough and the first return to that peak. The depth is the tracker's, the
 * indices are bookkeeping around it.
 */
class DrawdownEpisodeTracker {
  private readonly tracker: DrawdownTracker;
  private peakIndex: number;
  private bestPeak: number;
  private bestTrough: number;
  private bestPeakValue: number;
  private recovery: number;
  /** True between a new deepest trough and the first return to its peak. */
  private recovering = false;

  /** Starts at a first peak `value` labelled `index`. */
  constructor(value: number, index: number) {
    this.tracker = new DrawdownTracker(value);
    this.peakIndex = index;
    this.bestPeak = index;
    this.bestTrough = index;
    this.bestPeakValue = value;
    this.recovery = index;
  }

  /** Adds the finite wealth `value` at `index` (indices increase). */
  push(value: number, index: number): void {
    const t = this.tracker;
    if (this.recovering && value >= this.bestPeakValue) {
      this.recovery = index;
      this.recovering = false;
    }
    const newHigh = value >= t.peak, before = t.depth;
    t.push(value);
    if (newHigh) {
      this.peakIndex = index;
    } else if (t.depth < before) {
      this.bestPeak = this.peakIndex;
      this.bestTrough = index;
      this.bestPeakValue = t.peak;
      this.recovery = -1;
      this.recovering = true;
    }
  }

  result(): MaxDrawdown {
    return { depth: this.tracker.depth, peakIndex: this.bestPeak, troughIndex: this.bestTrough, recoveryIndex: this.recovery };
  }
}

/**
 * Maximum drawdown of the wealth path implied by simple per-period returns
 * `returns[start..end)`: wealth starts at 1 before the first period (the invested capital is
 * the first peak) and `W_i = prod_{j=start..i} (1 + r_j)` is the wealth at the end of period
 * `i`. `depth = min_i ( W_i / max(1, max_{j<=i} W_j) - 1 )`, computed in one pass without
 * building the path.
 *
 * Index convention: index `i` means "the wealth at the end of period `i`"; the starting capital
 * is index `start - 1` (so -1 for a window starting at 0). A first-period loss therefore has
 * `peakIndex = start - 1`. A never-falling path gives depth 0 with every index at `start - 1`.
 *
 * Degenerate input: depth NaN (indices -1) for an empty window, when any return is NaN, or when
 * the wealth overflows to infinity.
 * Returns of -1 (wealth 0) give depth -1.
 *
 * @throws RangeError when the window does not fit `returns` (programmer error).
 */
export function maxDrawdownFromReturns(returns: Float64Array, start = 0, end = returns.length): MaxDrawdown {
  checkWindow(returns.length, start, end);
  if (end === start) return DEGENERATE;
  const tracker = new DrawdownEpisodeTracker(1, start - 1);
  let w = 1;
  for (let i = start; i < end; i += 1) {
    const r = returns[i];
    if (Number.isNaN(r)) return DEGENERATE;
    w *= 1 + r;
    if (!Number.isFinite(w)) return DEGENERATE;
    tracker.push(w, i);
  }
  return tracker.result();
}

/**
 * Writes the drawdown path of `equity[start..end)` into `out[start..end)`:
 * `out[i] = equity[i] / max_{start<=s<=i} equity[s] - 1`, a decimal `<= 0` (0 at a new high).
 * Positions of `out` outside the window are left untouched. Allocates nothing; returns `out`.
 *
 * Degenerate input: when the window's first value is NaN or not above 0 the whole window is
 * written as NaN; a NaN value elsewhere gives NaN at that position only (the running peak
 * skips it).
 *
 * @throws RangeError when `out` and `equity` differ in length or the window does not fit
 * (programmer errors).
 */
export function drawdownSeriesInto(out: Float64Array, equity: Float64Array, start = 0, end = equity.length): Float64Array {
  checkSameLength('drawdownSeriesInto', out, equity);
  checkWindow(equity.length, start, end);
  if (end === start) return out;
  if (!(equity[start] > 0)) {
    out.fill(NaN, start, end);
    return out;
  }
  let peak = equity[start];
  for (let i = start; i < end; i += 1) {
    const v = equity[i];
    if (v >= peak) {
      peak = v;
      out[i] = 0;
    } else {
      out[i] = v / peak - 1;
    }
  }
  return out;
}
