import { monthEnds, weekdays } from '../../testing/report-documents';
import { calendarWeek, thinsRows, weekGroups, weeklyRows } from './row-sampling';

/** Monday-based week of an ISO date, computed from the weekday of the date (independently of `calendarWeek`). */
const mondayOf = (d: string): string => {
  const t = Date.parse(`${d}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
};

describe('calendarWeek', () => {
  it('starts weeks on Monday', () => {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    expect(calendarWeek(day('1970-01-05'))).toBe(1);
    expect(calendarWeek(day('1970-01-04'))).toBe(0);
    expect(calendarWeek(day('2024-06-03'))).toBe(calendarWeek(day('2024-06-09')));
    expect(calendarWeek(day('2024-06-10'))).toBe(calendarWeek(day('2024-06-09')) + 1);
  });
});

describe('weeklyRows', () => {
  it('keeps the last row of each calendar week of daily data, so the range\'s last row', () => {
    const dates = weekdays('2001-01-03', 40); // starts on a Wednesday
    const expected = dates.map((d, i) => i).filter((i) => i === dates.length - 1 || mondayOf(dates[i + 1]) !== mondayOf(dates[i]));
    expect(weeklyRows(dates)).toEqual(expected);
    expect(weeklyRows(dates).map((i) => new Date(`${dates[i]}T00:00:00Z`).getUTCDay()).slice(0, -1).every((d) => d === 5)).toBe(true);
    expect(weeklyRows(dates, 3, 12)).toEqual([7, 12]); // Fridays
    expect(weeklyRows(dates, 3, 10)).toEqual([7, 10]); // a Wednesday ends the range
    expect(thinsRows(dates)).toBe(true);
  });

  it('keeps every row of monthly data', () => {
    const dates = monthEnds('1998-01', 51);
    expect(weeklyRows(dates)).toEqual(dates.map((_, i) => i));
    expect(weeklyRows(dates, 4, 9)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(thinsRows(dates)).toBe(false);
  });

  it('groups the rows of each week and is empty for an empty range', () => {
    const dates = weekdays('2001-01-01', 12);
    expect(weekGroups(dates)).toEqual([{ first: 0, last: 4 }, { first: 5, last: 9 }, { first: 10, last: 11 }]);
    expect(weekGroups(dates, 5, 4)).toEqual([]);
  });
});
