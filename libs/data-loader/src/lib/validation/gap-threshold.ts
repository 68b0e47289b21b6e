import type { SeriesFrequency } from '@ratecut/sim-core';

/**
 * Longest spacing, in calendar days between consecutive observations, that is not reported as
 * a gap, by sampling frequency:
 * - `daily` (trading days): 10 days, so weekends, holiday weekends and the week-long
 *   September 2001 closure pass but a missing fortnight is reported;
 * - `daily-calendar` (a value every calendar day, e.g. FRED DFF): 4 days;
 * - `monthly` (labelled with month ends): 31 days, so any missing month is reported
 *   (consecutive month ends are 28 to 31 days apart);
 * - `irregular` (events): `Infinity`, never a gap.
 */
export function defaultGapDays(frequency: SeriesFrequency): number {
  switch (frequency) {
    case 'daily':
      return 10;
    case 'daily-calendar':
      return 4;
    case 'monthly':
      return 31;
    case 'irregular':
      return Infinity;
  }
}
