import type { MarketData } from '../../market/market-data';
import { changesArray, KEEP, NO_CODE, noteChange, planCodes, type TargetPlan } from '../../portfolio/target-plan';
import { LARGE, SMALL } from '../select-steps';
import { LARGE_OR_SMALL, LARGE_TARGET, LEG_PALETTE, SMALL_TARGET } from './leg-palette';

/** The code by (small ahead beyond the band, large ahead beyond the band) as bits `10`, `01`: neither keeps, small first. */
const BY_BAND = Int32Array.of(KEEP, LARGE_TARGET, SMALL_TARGET, SMALL_TARGET);
import { recycledArray, type SignalCache } from './signal-cache';

/**
 * Trailing simple returns over `lookback` rows of each leg, `close[t] / close[t − lookback] − 1`
 * as `MarketView.trailingReturn` computes them (NaN for the first `lookback` rows), computed once
 * per look-back and kept in `cache`.
 */
export function trailingReturns(data: MarketData, lookback: number, cache?: SignalCache): { small: Float64Array; large: Float64Array } {
  const make = (recycled?: { small: Float64Array; large: Float64Array }): { small: Float64Array; large: Float64Array } => {
    const n = data.days.length;
    const of = (col: Float64Array, into?: Float64Array): Float64Array => {
      const out = recycledArray(into, n).fill(NaN, 0, Math.min(lookback, n));
      for (let t = lookback; t < n; t += 1) out[t] = col[t] / col[t - lookback] - 1;
      return out;
    };
    return { small: of(data.closes[SMALL], recycled?.small), large: of(data.closes[LARGE], recycled?.large) };
  };
  return cache === undefined ? make() : cache.memo(data, `trailing:${lookback}`, make);
}

/**
 * Per row, the leg with the higher trailing return over `lookback` rows (large on a tie or NaN),
 * the target relative momentum proposes before any submission whatever its threshold; computed
 * once per look-back and kept in `cache` (plans share it: do not modify it).
 */
function leaderCodes(data: MarketData, lookback: number, cache?: SignalCache): Int32Array {
  const make = (recycled?: Int32Array): Int32Array => {
    const { small, large } = trailingReturns(data, lookback, cache);
    const n = data.days.length, out = recycled !== undefined && recycled.length === n ? recycled : new Int32Array(n), pick = LARGE_OR_SMALL;
    for (let t = 0; t < n; t += 1) out[t] = pick[+(small[t] > large[t])];
    return out;
  };
  return cache === undefined ? make() : cache.memo(data, `leader:${lookback}`, make);
}

/**
 * Relative momentum (`relativeMomentum`) as targets: at row `t`, small when its trailing return
 * beats large's by more than `threshold`, large when large's beats small's by more, otherwise
 * {@link KEEP} (no switch inside the band); before any submission, the leg with the higher
 * trailing return (large on a tie or NaN). The same comparisons as the engine's step, so the
 * same choices. `reuse`: a plan whose arrays may be overwritten (see `planCodes`).
 */
export function relativeMomentumTargets(data: MarketData, lookback: number, threshold: number, warmup: number, cache?: SignalCache, reuse?: TargetPlan): TargetPlan {
  const { small, large } = trailingReturns(data, lookback, cache);
  const n = data.days.length;
  const codes = planCodes(n, reuse?.codes), initial = leaderCodes(data, lookback, cache), changes = changesArray(n, reuse?.changes);
  // Table reads instead of branches (see LARGE_OR_SMALL): the code by (small beats large by more
  // than the threshold, large beats small by more) as two bits, the first one deciding first.
  const byBand = BY_BAND;
  let c = 0, previous = NO_CODE;
  for (let t = warmup; t < n; t += 1) {
    const rs = small[t], rl = large[t], code = byBand[(+(rs > rl + threshold) << 1) | +(rl > rs + threshold)];
    codes[t] = code;
    c = noteChange(changes, c, t, code, previous);
    previous = code;
  }
  changes[c] = n;
  return { assets: 2, palette: Float64Array.from(LEG_PALETTE), codes, initial, warmup, changes };
}
