import type { DayNumber } from '../time/day-number';
import { rowAtOrBefore, type MarketData } from './market-data';

/**
 * What a strategy sees at the close of day `t`: data up to and including `t`, never later.
 * Every accessor takes a non-negative lag (0 = today) or a day on or before today; asking
 * for the future throws a RangeError (a programmer error), and asking before the first row
 * gives NaN. Looking ahead is impossible by construction.
 */
export class MarketView {
  readonly #data: MarketData;
  readonly #t: number;

  constructor(data: MarketData, t: number) {
    if (!Number.isInteger(t) || t < 0 || t >= data.days.length) throw new RangeError(`view index ${t} outside the data`);
    this.#data = data;
    this.#t = t;
  }

  /** Row index of today in the data. */
  get index(): number { return this.#t; }
  /** Today's day number. */
  get day(): DayNumber { return this.#data.days[this.#t]; }
  get assets(): readonly string[] { return this.#data.assets; }
  get periodsPerYear(): number { return this.#data.periodsPerYear; }

  #row(lag: number): number {
    if (!(lag >= 0) || !Number.isInteger(lag)) throw new RangeError(`lag must be a whole number >= 0 (no look-ahead), got ${lag}`);
    return this.#t - lag;
  }

  /** Day number `lag` rows ago, NaN before the data. */
  dayAt(lag = 0): number {
    const r = this.#row(lag);
    return r < 0 ? NaN : this.#data.days[r];
  }

  /**
   * Date of the next row in the calendar, or NaN on the last row. Calendar only: the trading
   * calendar is published in advance; no value of the next row is reachable.
   */
  nextDay(): number {
    const r = this.#t + 1;
    return r < this.#data.days.length ? this.#data.days[r] : NaN;
  }

  /** Close of asset `asset` (column index) `lag` rows ago. */
  close(asset: number, lag = 0): number {
    const r = this.#row(lag);
    return r < 0 ? NaN : this.#data.closes[asset][r];
  }

  /** Simple return of `asset` over the last `periods` rows: close(0) / close(periods) − 1. */
  trailingReturn(asset: number, periods: number): number {
    return this.close(asset, 0) / this.close(asset, periods) - 1;
  }

  /** Policy rate `lag` rows ago (decimal per year). */
  policyRate(lag = 0): number {
    const r = this.#row(lag);
    return r < 0 ? NaN : this.#data.policyRate[r];
  }

  /** Cash rate `lag` rows ago (decimal per year). */
  cashRate(lag = 0): number {
    const r = this.#row(lag);
    return r < 0 ? NaN : this.#data.cashRate[r];
  }

  /** Row lag of the last row on or before `day` (which must not be after today), or -1 when none. */
  lagAtOrBefore(day: DayNumber): number {
    if (day > this.day) throw new RangeError('cannot look up a day after today (no look-ahead)');
    const r = rowAtOrBefore(this.#data.days, day, this.#t);
    return r < 0 ? -1 : this.#t - r;
  }

  /** Number of rows available up to today (today included). */
  get history(): number { return this.#t + 1; }
}
