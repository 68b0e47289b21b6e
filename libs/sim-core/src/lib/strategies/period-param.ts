/**
 * Strategy parameters with a time meaning (an indicator's period, a lookback) and their units.
 *
 * A period is written as a number with a unit: `200d` (trading days, 252 a year), `10m`
 * (calendar months, 12 a year) or `2y` (years); a plain number means trading days (so the
 * built-in defaults keep their usual daily meaning, e.g. a 50/200-day moving-average cross).
 * It is converted to rows of the data with the data's `periodsPerYear`, so the same
 * parameter means the same time span on a daily pair (252 rows a year) and on a monthly one
 * (12 rows a year): `200d` is 200 rows on daily data and `round(200 × 12 / 252)` = 10 rows
 * (about 9.5 months) on monthly data. Rows are at least 1.
 */

/** A parsed period: its amount and unit (`d` trading days, `m` months, `y` years). */
export interface Period {
  readonly amount: number;
  readonly unit: 'd' | 'm' | 'y';
}

/** Trading days per year, the unit of `d` and of plain numbers. */
export const TRADING_DAYS_PER_YEAR = 252;

const PER_YEAR: Readonly<Record<Period['unit'], number>> = { d: TRADING_DAYS_PER_YEAR, m: 12, y: 1 };

/**
 * Parses a period parameter: a positive finite number (trading days) or text `<number><d|m|y>`,
 * e.g. `200d`, `10m`, `1.5y`. Null when it is neither (the caller reports the parameter).
 */
export function parsePeriod(value: number | string | boolean | undefined): Period | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? { amount: value, unit: 'd' } : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([dmy])\s*$/.exec(value);
  if (!m) return null;
  const amount = Number(m[1]);
  return amount > 0 ? { amount, unit: m[2] as Period['unit'] } : null;
}

/** Rows of data with `periodsPerYear` rows a year that span `period`: `max(1, round(amount × periodsPerYear / unitsPerYear))`. */
export function periodRows(period: Period, periodsPerYear: number): number {
  return Math.max(1, Math.round((period.amount * periodsPerYear) / PER_YEAR[period.unit]));
}

/** A period as text, e.g. `200d` or `10m`. */
export function formatPeriod(period: Period): string {
  return `${period.amount}${period.unit}`;
}
