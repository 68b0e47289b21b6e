import { parseIsoDay } from '../time/day-number';
import { nextPeriodEnds, periodEndMask } from './period-end-mask';

describe('periodEndMask and nextPeriodEnds', () => {
  // Weekdays from Wednesday 2024-01-24 to Tuesday 2024-03-05, with Friday 2024-02-09 missing.
  const iso: string[] = [];
  for (let d = parseIsoDay('2024-01-24'); d <= parseIsoDay('2024-03-05'); d += 1) {
    const weekday = (((d % 7) + 7 + 3) % 7); // 0 = Monday (day 0, 1970-01-01, was a Thursday)
    if (weekday < 5 && d !== parseIsoDay('2024-02-09')) iso.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
  }
  const days = Int32Array.from(iso, parseIsoDay);

  it('marks the last row of each calendar month and week, and the last row of the data', () => {
    const month = periodEndMask(days, 'month'), week = periodEndMask(days, 'week');
    expect(iso.filter((_, t) => month[t] === 1)).toEqual(['2024-01-31', '2024-02-29', '2024-03-05']);
    expect(iso.filter((_, t) => week[t] === 1)).toEqual(['2024-01-26', '2024-02-02', '2024-02-08', '2024-02-16', '2024-02-23', '2024-03-01', '2024-03-05']);
  });

  it('gives per row the first period end at or after it, as a scan for the next marked row does', () => {
    for (const period of ['month', 'week'] as const) {
      const mask = periodEndMask(days, period), next = nextPeriodEnds(mask);
      for (let t = 0; t < days.length; t += 1) {
        let want = t;
        while (mask[want] === 0) want += 1;
        expect(next[t]).toBe(want);
      }
      expect(nextPeriodEnds(mask)).toBe(next); // kept per mask
    }
  });
});
