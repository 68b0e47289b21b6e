import { gapCrossed } from '../market/day-gap';
import { addMonths, type DayNumber } from '../time/day-number';
import type { AlignedPair } from './post-cut-returns';

/** The small − large spread over a horizon from every anchor of a pair that has one. */
export interface HorizonSpreads {
  /** Anchor days (the base close of each window), ascending. */
  readonly anchors: Int32Array;
  /** `small[k+h]/small[k] − large[k+h]/large[k]` for each anchor, decimals. */
  readonly spreads: Float64Array;
}

/**
 * The spread of small over large over `steps` rows from every row of `pair` whose window lies
 * in the data and crosses no gap (the same windows {@link postCutReturns} measures after a cut,
 * anchored at any close instead of the close before a cut): the unconditional distribution an
 * event study compares its events with.
 */
export function horizonSpreads(pair: AlignedPair, steps: number): HorizonSpreads {
  const { days, small, large } = pair;
  const n = Math.max(0, days.length - steps);
  const anchors = new Int32Array(n), spreads = new Float64Array(n);
  let count = 0;
  for (let k = 0; k < n; k += 1) {
    if (pair.gaps !== undefined && pair.gaps.length > 0 && gapCrossed(pair.gaps, days[k], days[k + steps]) !== null) continue;
    anchors[count] = days[k];
    spreads[count] = small[k + steps] / small[k] - large[k + steps] / large[k];
    count += 1;
  }
  return { anchors: anchors.slice(0, count), spreads: spreads.slice(0, count) };
}

/**
 * The spreads of `all` whose anchors lie more than `months` calendar months from every day of
 * `events` (before or after): the placebo pool of an event study. `events` need not be sorted.
 */
export function spreadsAwayFrom(all: HorizonSpreads, events: readonly DayNumber[], months: number): Float64Array {
  const windows = events.map((e) => [addMonths(e, -months), addMonths(e, months)] as const);
  const out = new Float64Array(all.spreads.length);
  let count = 0;
  for (let i = 0; i < all.anchors.length; i += 1) {
    const day = all.anchors[i];
    if (windows.every(([from, to]) => day < from || day > to)) out[count++] = all.spreads[i];
  }
  return out.slice(0, count);
}
