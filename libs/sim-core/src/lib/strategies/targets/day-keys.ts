import type { MarketData } from '../../market/market-data';
import { calendarKey } from '../../time/day-number';
import type { SignalCache } from './signal-cache';

/**
 * The calendar key (`calendarKey`) of each day of `data`, kept in `cache`: rules that compare
 * dates with dates some calendar months away (`addMonthsToKey`) convert each day once.
 */
export function dayKeys(data: MarketData, cache?: SignalCache): Float64Array {
  const make = (): Float64Array => Float64Array.from(data.days, calendarKey);
  return cache === undefined ? make() : cache.memo(data, 'calendar-keys', make);
}
