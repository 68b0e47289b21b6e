import { dayFromYmd, isValidYmd, monthEnd, type DayNumber } from '@ratecut/sim-core';

/** Date layouts the loaders read. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMM', 'YYYYMMDD'] as const;

/**
 * `YYYY-MM-DD` (ISO calendar date), `YYYYMM` (a month, as in Ken French monthly files) or
 * `YYYYMMDD` (a day, as in Ken French daily files).
 */
export type DateFormat = (typeof DATE_FORMATS)[number];

const PATTERNS: Record<DateFormat, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{2})-(\d{2})$/,
  YYYYMM: /^(\d{4})(\d{2})$/,
  YYYYMMDD: /^(\d{4})(\d{2})(\d{2})$/,
};

/**
 * Day number of a date cell (surrounding blanks ignored), or `NaN` when the text is not a real
 * date in `format`. A `YYYYMM` month is labelled with its last calendar day (192607 gives
 * 1926-07-31), the convention for monthly series.
 */
export function parseDateCell(text: string, format: DateFormat): DayNumber {
  const m = PATTERNS[format].exec(text.trim());
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (format === 'YYYYMM') {
    return isValidYmd(year, month, 1) ? monthEnd(dayFromYmd(year, month, 1)) : NaN;
  }
  const day = Number(m[3]);
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : NaN;
}
