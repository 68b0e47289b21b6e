import { atLeastBp, rateMoveBp } from '../../fed/rate-move-bp';
import type { MarketData } from '../../market/market-data';
import { planCodes, type TargetPlan } from '../../portfolio/target-plan';
import { addMonths, addMonthsToKey, calendarKey } from '../../time/day-number';
import { LARGE_OR_SMALL, LEG_PALETTE } from './leg-palette';
import { dayKeys } from './day-keys';
import type { SignalCache } from './signal-cache';

/**
 * Per row `t`, the first day of the easing cycle known at the close of `t` (NaN before the first
 * cut): the cut detector of `cutWindow` run over rows `1..t` of the policy rate (a fall of at
 * least `minMoveBp` is a cut; it starts a cycle after a hike, or when there was no earlier cut,
 * or when the previous cut is at least `pauseMonths` earlier). Computed once per rule and kept
 * in `cache`.
 */
export function cycleStartDays(data: MarketData, minMoveBp: number, pauseMonths: number, cache?: SignalCache): Float64Array {
  const make = (): Float64Array => {
    const n = data.days.length, rate = data.policyRate, days = data.days;
    const out = new Float64Array(n).fill(NaN);
    let lastMoveSign = 0, lastCutDay = NaN, cycleStartDay = NaN;
    for (let row = 1; row < n; row += 1) {
      const changeBp = rateMoveBp(rate[row - 1], rate[row]);
      if (atLeastBp(changeBp, minMoveBp)) {
        const day = days[row];
        if (changeBp < 0) {
          const afterPause = Number.isNaN(lastCutDay) || day >= addMonths(lastCutDay, pauseMonths);
          if (lastMoveSign >= 0 || afterPause) cycleStartDay = day;
          lastCutDay = day;
          lastMoveSign = -1;
        } else {
          lastMoveSign = 1;
        }
      }
      out[row] = cycleStartDay;
    }
    return out;
  };
  return cache === undefined ? make() : cache.memo(data, `cycle-start:${minMoveBp}:${pauseMonths}`, make);
}

/** {@link cycleStartDays} as calendar keys (`calendarKey`; NaN before the first cut), kept in `cache`. */
function cycleStartKeys(data: MarketData, minMoveBp: number, pauseMonths: number, cache?: SignalCache): Float64Array {
  const make = (): Float64Array => {
    const starts = cycleStartDays(data, minMoveBp, pauseMonths, cache);
    const out = new Float64Array(starts.length).fill(NaN);
    for (let t = 0; t < starts.length; t += 1) if (!Number.isNaN(starts[t])) out[t] = t > 0 && starts[t] === starts[t - 1] ? out[t - 1] : calendarKey(starts[t]);
    return out;
  };
  return cache === undefined ? make() : cache.memo(data, `cycle-start-keys:${minMoveBp}:${pauseMonths}`, make);
}

/**
 * The cut trigger (`cutWindow`) as targets: small at row `t` while `t` is less than `holdMonths`
 * calendar months after the first cut of the cycle known at `t`, large otherwise. `reuse`: a
 * plan whose arrays may be overwritten (see `planCodes`).
 */
export function cutWindowTargets(
  data: MarketData, holdMonths: number, minMoveBp: number, pauseMonths: number, warmup: number, cache?: SignalCache, reuse?: TargetPlan,
): TargetPlan {
  // Dates compared as calendar keys: `days[t] < addMonths(start, holdMonths)` without a date conversion per cycle.
  const starts = cycleStartKeys(data, minMoveBp, pauseMonths, cache), keys = dayKeys(data, cache);
  const n = data.days.length;
  const codes = planCodes(n, reuse?.codes);
  const pick = LARGE_OR_SMALL; // small inside the window (a table read, not a branch)
  let start = NaN, end = -Infinity;
  for (let t = warmup; t < n; t += 1) {
    const s = starts[t];
    if (s !== start) {
      start = s;
      end = Number.isNaN(s) ? -Infinity : addMonthsToKey(s, holdMonths);
    }
    codes[t] = pick[+(keys[t] < end)];
  }
  return { assets: 2, palette: Float64Array.from(LEG_PALETTE), codes, initial: null, warmup };
}
