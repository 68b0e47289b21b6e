import { monthEnd, parseIsoDay, type DayNumber, type SeriesFrequency } from '@ratecut/sim-core';

/**
 * Day number of a catalog `first`/`last` date as the loader labels it: `YYYY-MM-DD` as is,
 * `YYYY-MM` as the month's last day, and for `monthly` entries any date as the last day of its
 * month (so `1934-01-01` and `1934-01` both give 1934-01-31). `NaN` for anything else.
 */
export function parseCatalogDay(text: string, frequency: SeriesFrequency): DayNumber {
  const day = /^\d{4}-\d{2}$/.test(text) ? parseIsoDay(`${text}-01`) : parseIsoDay(text);
  if (Number.isNaN(day)) return NaN;
  return frequency === 'monthly' || text.length === 7 ? monthEnd(day) : day;
}
