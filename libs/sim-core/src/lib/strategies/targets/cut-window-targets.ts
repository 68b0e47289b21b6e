import { atLeastBp, rateMoveBp } from '../../fed/rate-move-bp';
import type { MarketData } from '../../market/market-data';
import { changesArray, NO_CODE, noteChange, planCodes, type TargetPlan } from '../../portfolio/target-plan';
import { addMonths, addMonthsToKey, calendarKey } from '../../time/day-number';
import { LARGE_TARGET, LEG_PALETTE, SMALL_TARGET } from './leg-palette';
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

/** `codes[from .. to)` = `code`: a loop for a few rows (cheaper than the call to `fill`), `fill` for more. */
function fillCodes(codes: Int32Array, code: number, from: number, to: number): void {
  if (to - from > 32) codes.fill(code, from, to);
  else for (let t = from; t < to; t += 1) codes[t] = code;
}

/**
 * The rows where {@link cycleStartKeys} changes (NaN to NaN is no change), from row 0, then the
 * end mark `rows`: the runs of rows that share a cycle start, kept in `cache`.
 */
function cycleStartRuns(data: MarketData, minMoveBp: number, pauseMonths: number, cache?: SignalCache): Int32Array {
  const make = (): Int32Array => {
    const starts = cycleStartKeys(data, minMoveBp, pauseMonths, cache), n = starts.length;
    const rows: number[] = [];
    for (let t = 0; t < n; t += 1) if (t === 0 || !(starts[t] === starts[t - 1] || (Number.isNaN(starts[t]) && Number.isNaN(starts[t - 1])))) rows.push(t);
    rows.push(n);
    return Int32Array.from(rows);
  };
  return cache === undefined ? make() : cache.memo(data, `cycle-start-runs:${minMoveBp}:${pauseMonths}`, make);
}

/**
 * The cut trigger (`cutWindow`) as targets: small at row `t` while `t` is less than `holdMonths`
 * calendar months after the first cut of the cycle known at `t`, large otherwise. Written run by
 * run of rows sharing a cycle start ({@link cycleStartRuns}): in a run the window is a prefix of
 * its rows (the days ascend), found by bisection, so a plan costs O(cycles × log rows) plus
 * filling its codes. `reuse`: a plan whose arrays may be overwritten (see `planCodes`).
 */
export function cutWindowTargets(
  data: MarketData, holdMonths: number, minMoveBp: number, pauseMonths: number, warmup: number, cache?: SignalCache, reuse?: TargetPlan,
): TargetPlan {
  // Dates compared as calendar keys: `days[t] < addMonths(start, holdMonths)` without a date conversion per cycle.
  const starts = cycleStartKeys(data, minMoveBp, pauseMonths, cache), runs = cycleStartRuns(data, minMoveBp, pauseMonths, cache), keys = dayKeys(data, cache);
  const n = data.days.length;
  const codes = planCodes(n, reuse?.codes), changes = changesArray(n, reuse?.changes);
  let c = 0, previous = NO_CODE;
  for (let i = 0; i + 1 < runs.length; i += 1) {
    const from = Math.max(runs[i], warmup), to = runs[i + 1];
    if (from >= to) continue;
    const s = starts[from];
    // The window's end (NaN before the first cut: no window), then the first row of the run at or after it.
    const end = Number.isNaN(s) ? -Infinity : addMonthsToKey(s, holdMonths);
    // Most runs lie wholly inside or outside their window (with a small minimum move, the
    // policy rate's daily noise makes many short runs): checked first, bisection otherwise.
    let lo = from, hi = to;
    if (keys[to - 1] < end) lo = to;
    else if (keys[from] >= end) hi = from;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    if (lo > from) {
      fillCodes(codes, SMALL_TARGET, from, lo);
      c = noteChange(changes, c, from, SMALL_TARGET, previous);
      previous = SMALL_TARGET;
    }
    if (lo < to) {
      fillCodes(codes, LARGE_TARGET, lo, to);
      c = noteChange(changes, c, lo, LARGE_TARGET, previous);
      previous = LARGE_TARGET;
    }
  }
  changes[c] = n;
  return { assets: 2, palette: Float64Array.from(LEG_PALETTE), codes, initial: null, warmup, changes };
}
