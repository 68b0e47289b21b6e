import { atLeastBp, rateMoveBp } from '../../fed/rate-move-bp';
import type { MarketData } from '../../market/market-data';
import { changesArray, NO_CODE, noteChange, planCodes, type TargetPlan } from '../../portfolio/target-plan';
import { addMonthsToKey } from '../../time/day-number';
import { CASH_TARGET, LARGE_TARGET, LEG_PALETTE, SMALL_TARGET } from './leg-palette';
import { dayKeys } from './day-keys';
import type { SignalCache } from './signal-cache';

/**
 * Per row `t`, the move of the policy rate in basis points from the last row on or before the
 * same day `months` calendar months earlier to `t` (`rateMoveBp`; NaN when that row does not
 * exist or a rate is unknown), computed once per `months` and kept in `cache`.
 */
export function policyRateMoves(data: MarketData, months: number, cache?: SignalCache): Float64Array {
  const make = (): Float64Array => {
    const n = data.days.length, rate = data.policyRate, keys = dayKeys(data, cache);
    const out = new Float64Array(n);
    // The row on or before the day `months` months earlier (`rowAtOrBefore` of `addMonths`), as
    // calendar keys: that day moves forward with `t`, so the row is a pointer that only advances.
    let r = -1;
    for (let t = 0; t < n; t += 1) {
      const earlier = addMonthsToKey(keys[t], -months);
      while (r < t && keys[r + 1] <= earlier) r += 1;
      out[t] = rateMoveBp(r < 0 ? NaN : rate[r], rate[t]);
    }
    return out;
  };
  return cache === undefined ? make() : cache.memo(data, `rate-move:${months}`, make);
}

/**
 * The rate regime (`rateRegime`) as targets: small at row `t` while the policy rate fell by at
 * least `dropBp` over the last `months` months (`atLeastBp`), else large or cash (`otherwise`).
 * `reuse`: a plan whose arrays may be overwritten (see `planCodes`).
 */
export function rateRegimeTargets(data: MarketData, dropBp: number, months: number, otherwise: 'large' | 'cash', warmup: number, cache?: SignalCache, reuse?: TargetPlan): TargetPlan {
  const moves = policyRateMoves(data, months, cache);
  const n = data.days.length;
  const codes = planCodes(n, reuse?.codes);
  // Small after a fall of at least dropBp, else `otherwise`: a table read by the condition as 0
  // or 1, not a branch (see LARGE_OR_SMALL); both halves of the condition are evaluated.
  const pick = Int32Array.of(otherwise === 'large' ? LARGE_TARGET : CASH_TARGET, SMALL_TARGET);
  const changes = changesArray(n, reuse?.changes);
  let c = 0, previous = NO_CODE;
  for (let t = warmup; t < n; t += 1) {
    const m = moves[t], code = pick[+(m < 0) & +atLeastBp(m, dropBp)];
    codes[t] = code;
    c = noteChange(changes, c, t, code, previous);
    previous = code;
  }
  changes[c] = n;
  return { assets: 2, palette: Float64Array.from(LEG_PALETTE), codes, initial: null, warmup, changes };
}
