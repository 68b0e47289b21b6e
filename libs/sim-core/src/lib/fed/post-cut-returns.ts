import type { DayNumber } from '../time/day-number';
import { gapCrossed, type DayGap } from '../market/day-gap';

/**
 * Two wealth (price or total-return) series on one calendar: `small[i]` and `large[i]` are
 * levels at the close of `days[i]`. Daily pairs use trading days; monthly pairs use month-end
 * labels (the level at the end of that month).
 */
export interface AlignedPair {
  readonly days: Int32Array;
  readonly small: Float64Array;
  readonly large: Float64Array;
  /**
   * Holes in the common calendar longer than the pair's gap threshold (see {@link DayGap}),
   * in date order. A return is never measured across one. Absent means no known gap.
   */
  readonly gaps?: readonly DayGap[];
}

/** The anchor rule used for every post-cut return. */
export const ANCHOR_CONVENTION =
  'base = close of the last observation strictly before the first cut\'s effective date ' +
  '(daily pairs: last trading day before the first day at the new rate; monthly pairs: the ' +
  'month-end before that day); a horizon of h steps ends h observations (trading days or ' +
  'months) after the base.';

/** Why a horizon has no return: the data end before it, or it would cross a gap in the data. */
export type HorizonMissing = 'past-data' | 'gap';

/** Returns of both legs over one horizon; NaN with `endDay` null when the data end too soon or a gap lies inside. */
export interface HorizonReturn {
  readonly steps: number;
  readonly endDay: DayNumber | null;
  /** Null when the returns are numbers; otherwise why they are NaN (absent when there is no anchor). */
  readonly missing?: HorizonMissing | null;
  /** The gap the horizon would cross, when `missing` is `gap`. */
  readonly gap?: DayGap;
  /** Simple returns as decimals (0.1 = +10%). */
  readonly small: number;
  readonly large: number;
}

export interface PostCutReturns {
  /** Base observation's day, or null when the pair has no observation close enough before the cut. */
  readonly anchorDay: DayNumber | null;
  readonly horizons: readonly HorizonReturn[];
}

/**
 * Where the base of a post-cut return is, relative to a day: the last observation strictly
 * `before` it (the close before the cut, or before its announcement), or the first observation
 * `on-or-after` it (the close of the announcement day, which holds the market's reaction; the
 * next close when the announcement came on a day without trading).
 */
export type AnchorSide = 'before' | 'on-or-after';

/**
 * Small and large simple returns from the anchor (see {@link ANCHOR_CONVENTION}) to each
 * horizon. The anchor is the last observation before `firstCut` (or, with `side`
 * `on-or-after`, the first observation on or after it) and must lie within `maxAnchorGapDays`
 * calendar days of it (otherwise the pair did not exist yet, or has a hole there) and the whole horizon must be
 * inside the data and must not cross a gap of `pair.gaps` (a "12-month" return across a
 * three-year hole would span four years); anything else gives NaN returns, never a partial
 * horizon, and `missing` says why.
 */
export function postCutReturns(
  pair: AlignedPair,
  firstCut: DayNumber,
  horizons: readonly number[],
  maxAnchorGapDays: number,
  side: AnchorSide = 'before',
): PostCutReturns {
  const { days } = pair;
  let lo = 0, hi = days.length - 1, anchor = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < firstCut) { anchor = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  if (side === 'on-or-after') anchor = anchor + 1 < days.length ? anchor + 1 : -1;
  const usable = anchor >= 0 && Math.abs(firstCut - days[anchor]) <= maxAnchorGapDays;
  return {
    anchorDay: usable ? days[anchor] : null,
    horizons: horizons.map((steps) => {
      const end = anchor + steps;
      if (!usable) return { steps, endDay: null, small: NaN, large: NaN };
      if (end >= days.length) return { steps, endDay: null, small: NaN, large: NaN, missing: 'past-data' };
      const gap = gapCrossed(pair.gaps, days[anchor], days[end]);
      if (gap !== null) return { steps, endDay: null, small: NaN, large: NaN, missing: 'gap', gap };
      return {
        steps,
        endDay: days[end],
        missing: null,
        small: pair.small[end] / pair.small[anchor] - 1,
        large: pair.large[end] / pair.large[anchor] - 1,
      };
    }),
  };
}

/**
 * Turns per-period simple returns into a wealth index that starts at 1 before the first
 * period: `index[i] = prod_{j<=i} (1 + r_j)`. Used to treat monthly return series like prices.
 */
export function wealthIndex(returns: Float64Array): Float64Array {
  const out = new Float64Array(returns.length);
  let w = 1;
  for (let i = 0; i < returns.length; i += 1) {
    w *= 1 + returns[i];
    out[i] = w;
  }
  return out;
}
