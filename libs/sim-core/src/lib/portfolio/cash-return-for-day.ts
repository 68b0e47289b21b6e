/**
 * Simple interest earned by cash from the close of `fromDay` to the close of `toDay` (day
 * numbers) at `annualRate` (decimal per year, e.g. 0.0525), with the ACT/360 day count of the
 * US money market (fed funds, T-bills, SOFR): r x (calendar days) / 360, no compounding within
 * the period. Equal days give 0; `toDay` before `fromDay` or a non-finite rate give `NaN`.
 *
 * Convention note: a T-bill rate quoted on a discount basis (FRED DTB3, TB3MS) is used as if it
 * were a money-market yield, which understates the investment yield slightly.
 */
export function cashReturnForDay(annualRate: number, fromDay: number, toDay: number): number {
  if (toDay < fromDay || !Number.isFinite(annualRate)) return NaN;
  return (annualRate * (toDay - fromDay)) / 360;
}
