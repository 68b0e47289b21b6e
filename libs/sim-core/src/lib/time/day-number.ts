/**
 * Dates in ratecut are integer day numbers: whole days since 1970-01-01 (UTC), so 0 is
 * 1970-01-01 and -1 is 1969-12-31. Day numbers carry no time of day and no time zone; a
 * trading day's number is the calendar date on which the exchange session took place.
 *
 * Conversions use the proleptic Gregorian calendar (civil-from-days algorithm of
 * Hinnant, 2013, "chrono-Compatible Low-Level Date Algorithms").
 */
export type DayNumber = number;

/** Day number of a calendar date (month 1..12, day 1..31). No range check: see {@link isValidYmd}. */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day number as `[year, month (1..12), day (1..31)]`. */
export function ymdFromDay(dayNumber: DayNumber): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Days of each month of a common year. */
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days in a month of a year (Gregorian leap-year rule: every 4th year, not every 100th, every 400th). */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_LENGTHS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** True when year/month/day name a real calendar date. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** ISO 8601 calendar date `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: DayNumber): string {
  const [y, m, d] = ymdFromDay(dayNumber);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM` of a day number. */
export function formatMonth(dayNumber: DayNumber): string {
  return formatDay(dayNumber).slice(0, 7);
}

/**
 * Parses `YYYY-MM-DD` into a day number, or returns `NaN` when the text is not a real date.
 * (Loaders report the location of a bad date; this function only decides.)
 */
export function parseIsoDay(text: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return NaN;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : NaN;
}

/** Day number of the first day of the month containing `dayNumber`. */
export function monthStart(dayNumber: DayNumber): DayNumber {
  const [y, m] = ymdFromDay(dayNumber);
  return dayFromYmd(y, m, 1);
}

/** Day number of the last day of the month containing `dayNumber`. */
export function monthEnd(dayNumber: DayNumber): DayNumber {
  const [y, m] = ymdFromDay(dayNumber);
  return dayFromYmd(y, m, daysInMonth(y, m));
}

/** Months elapsed from the month of `a` to the month of `b` (calendar months, ignoring the day). */
export function monthIndex(dayNumber: DayNumber): number {
  const [y, m] = ymdFromDay(dayNumber);
  return y * 12 + (m - 1);
}

/**
 * A date as one integer, `(year × 12 + month − 1) × 32 + day`: calendar keys order as the dates
 * do, and adding months to one ({@link addMonthsToKey}) needs no day-number conversion, so a
 * loop comparing many dates with many month offsets converts each date once.
 */
export function calendarKey(dayNumber: DayNumber): number {
  const [y, m, d] = ymdFromDay(dayNumber);
  return (y * 12 + m - 1) * 32 + d;
}

/** {@link addMonths} on a {@link calendarKey}: the key of the date `months` calendar months later, the day clamped to the month's length. */
export function addMonthsToKey(key: number, months: number): number {
  const month = Math.floor(key / 32), day = key - month * 32;
  const total = month + months;
  const year = Math.floor(total / 12);
  return total * 32 + Math.min(day, daysInMonth(year, total - year * 12 + 1));
}

/**
 * Adds calendar months, clamping the day to the target month's length
 * (2024-01-31 + 1 month = 2024-02-29), as date-fns `addMonths` does.
 */
export function addMonths(dayNumber: DayNumber, months: number): DayNumber {
  const key = addMonthsToKey(calendarKey(dayNumber), months);
  const month = Math.floor(key / 32), year = Math.floor(month / 12);
  return dayFromYmd(year, month - year * 12 + 1, key - month * 32);
}
