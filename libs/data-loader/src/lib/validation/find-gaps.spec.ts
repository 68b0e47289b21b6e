import { parseIsoDay } from '@ratecut/sim-core';
import { findGapSpans, findGaps } from './find-gaps';

describe('findGaps', () => {
  const days = ['2001-09-07', '2001-09-10', '2001-09-17', '2001-10-01'].map(parseIsoDay);
  const lines = [2, 3, 4, 5];

  it('warns at the line after a gap longer than the threshold, naming both dates and the length', () => {
    const issues = findGaps({ file: 'f.csv', days, lines, column: 5, columnName: 'close', thresholdDays: 10 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'gap', severity: 'warning', file: 'f.csv', line: 5, column: 5 });
    expect(issues[0].message).toContain('gap of 14 calendar days in column "close" from 2001-09-17 (line 4) to 2001-10-01');
    expect(issues[0].message).toContain('expected at most 10 days');
  });

  it('uses the threshold given and reports nothing for an infinite one', () => {
    expect(findGaps({ file: 'f.csv', days, lines, thresholdDays: 6 }).map((i) => i.line)).toEqual([4, 5]);
    expect(findGaps({ file: 'f.csv', days, lines, thresholdDays: Infinity })).toEqual([]);
  });
});

describe('findGapSpans', () => {
  it('gives the last day before and the first day after each gap', () => {
    const days = ['2001-09-07', '2001-09-10', '2001-09-17', '2001-10-01'].map(parseIsoDay);
    expect(findGapSpans(days, 6)).toEqual([
      { from: parseIsoDay('2001-09-10'), to: parseIsoDay('2001-09-17') },
      { from: parseIsoDay('2001-09-17'), to: parseIsoDay('2001-10-01') },
    ]);
    expect(findGapSpans(days, 14)).toEqual([]);
    expect(findGapSpans(days, Infinity)).toEqual([]);
  });
});
