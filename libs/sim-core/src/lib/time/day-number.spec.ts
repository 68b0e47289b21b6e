import { addMonths, addMonthsToKey, calendarKey, dayFromYmd, daysInMonth, formatDay, isValidYmd, monthEnd, parseIsoDay, ymdFromDay } from './day-number';

describe('day numbers', () => {
  it('counts days from 1970-01-01 like Date.UTC', () => {
    for (const iso of ['1926-07-01', '1969-12-31', '1970-01-01', '2000-02-29', '2024-09-19', '2099-12-31']) {
      const expected = Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
      expect(parseIsoDay(iso)).toBe(expected);
      expect(formatDay(expected)).toBe(iso);
    }
  });

  it('round-trips every day over two centuries', () => {
    const mismatches: number[] = [];
    for (let d = dayFromYmd(1900, 1, 1); d < dayFromYmd(2100, 1, 1); d += 1) {
      const [y, m, dd] = ymdFromDay(d);
      if (dayFromYmd(y, m, dd) !== d || !isValidYmd(y, m, dd)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects dates that do not exist', () => {
    expect(parseIsoDay('2023-02-29')).toBeNaN();
    expect(parseIsoDay('2024-13-01')).toBeNaN();
    expect(parseIsoDay('24-01-01')).toBeNaN();
    expect(isValidYmd(1900, 2, 29)).toBe(false);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('adds months with the day clamped to the month length', () => {
    expect(formatDay(addMonths(parseIsoDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDay(addMonths(parseIsoDay('2019-10-31'), 4))).toBe('2020-02-29');
    expect(formatDay(addMonths(parseIsoDay('2020-03-16'), -13))).toBe('2019-02-16');
    expect(formatDay(monthEnd(parseIsoDay('2023-02-10')))).toBe('2023-02-28');
  });

  it('gives every month its length from 1600 to 2400 (checked against the day numbers of first days)', () => {
    for (let y = 1600; y <= 2400; y += 1) {
      for (let m = 1; m <= 12; m += 1) {
        const next = m === 12 ? dayFromYmd(y + 1, 1, 1) : dayFromYmd(y, m + 1, 1);
        expect(daysInMonth(y, m)).toBe(next - dayFromYmd(y, m, 1));
      }
    }
  });

  it('adds months as a walk over month lengths does, on calendar keys and day numbers alike', () => {
    // Reference written separately: step month by month from the date's year and month, then clamp the day.
    const reference = (iso: string, months: number): string => {
      let [y, m] = iso.split('-').map(Number);
      const d = Number(iso.slice(8));
      for (let i = 0; i < Math.abs(months); i += 1) {
        m += Math.sign(months);
        if (m === 13) { m = 1; y += 1; }
        if (m === 0) { m = 12; y -= 1; }
      }
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
    };
    let previousKey = -Infinity;
    for (let day = dayFromYmd(1995, 1, 1); day < dayFromYmd(2001, 1, 1); day += 1) {
      const key = calendarKey(day);
      expect(key).toBeGreaterThan(previousKey);
      previousKey = key;
      for (const months of [-25, -1, 1, 3, 12, 24, 59]) {
        const want = reference(formatDay(day), months);
        expect(formatDay(addMonths(day, months))).toBe(want);
        expect(addMonthsToKey(key, months)).toBe(calendarKey(parseIsoDay(want)));
      }
    }
  });
});
