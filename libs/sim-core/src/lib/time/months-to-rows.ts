/**
 * Calendar months as rows of a regularly sampled series.
 */

const MONTHS_PER_YEAR = 12;

/**
 * Rows of a series with `periodsPerYear` rows a year (252 for trading days, 12 for month-ends)
 * that span `months` calendar months: `round(months × periodsPerYear / 12)`, the product first,
 * then one division and one rounding (`Math.round`, halves up). For the frequencies the data
 * has (252 and 12 rows a year) and whole months the result is exact: `21 × months` on daily
 * data (3 months = 63 rows, 12 months = 252), `months` on monthly data.
 *
 * The rule is written this way on purpose: `round(months × (periodsPerYear / 12))` rounds twice
 * and gives a different integer for some frequencies whose `periodsPerYear / 12` is not exact in
 * binary (e.g. 195 months at 250 rows a year: 4062 instead of 4063); for 12 and 252 rows a year
 * the two forms agree for every whole or half month.
 *
 * Degenerate input: NaN when `months` or `periodsPerYear` is NaN (no throw); a negative
 * `months` gives a negative count (callers check their own ranges).
 */
export function monthsToRows(months: number, periodsPerYear: number): number {
  return Math.round((months * periodsPerYear) / MONTHS_PER_YEAR);
}
