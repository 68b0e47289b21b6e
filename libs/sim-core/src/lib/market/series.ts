import type { DayNumber } from '../time/day-number';

/** What the numbers in a series measure. */
export type SeriesKind = 'price' | 'return' | 'rate' | 'level' | 'events';

/** Sampling of a series: trading days, every calendar day, month ends (or month labels), or irregular events. */
export type SeriesFrequency = 'daily' | 'daily-calendar' | 'monthly' | 'irregular';

/** Facts about a series that every consumer must respect (units, price vs total return). */
export interface SeriesMeta {
  /** Catalog id, e.g. `rut`, or `ff-size-vw:Lo10` for one column of a multi-column file. */
  readonly id: string;
  readonly title: string;
  readonly kind: SeriesKind;
  readonly frequency: SeriesFrequency;
  /**
   * Unit of `values` as loaded: `index points`, `percent per year`, `decimal per month`...
   * Loaders convert percent returns to decimals and say so here.
   */
  readonly unit: string;
  /** True when a price series includes reinvested distributions (total return), false for a price index. */
  readonly totalReturn: boolean;
  readonly source: string;
  /** True for the generated sample: every output built on it must say SYNTHETIC SAMPLE. */
  readonly synthetic: boolean;
}

/**
 * A time series as struct-of-arrays: `days[i]` (a day number, strictly increasing) labels
 * `values[i]`. Monthly series are labelled with the last calendar day of their month.
 * Missing observations are dropped at load time, never stored as NaN.
 */
export interface Series {
  readonly meta: SeriesMeta;
  readonly days: Int32Array;
  readonly values: Float64Array;
}

/** Builds a series, copying nothing; the caller promises `days` is strictly increasing and as long as `values`. */
export function makeSeries(meta: SeriesMeta, days: Int32Array, values: Float64Array): Series {
  if (days.length !== values.length) {
    throw new RangeError(`series ${meta.id}: ${days.length} days but ${values.length} values`);
  }
  return { meta, days, values };
}

/** Index of the last element of sorted `days` that is <= `day`, or -1 when all are later. */
export function indexAtOrBefore(days: Int32Array, day: DayNumber): number {
  let lo = 0, hi = days.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= day) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found;
}
