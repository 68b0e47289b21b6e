import { parseIsoDay, formatDay } from '../time/day-number';
import { detectEasingCycles } from './easing-cycle';
import { checkEasingCycleRule, DEFAULT_EASING_CYCLE_RULE } from './easing-cycle-rule';
import type { PolicyRateBasis, PolicyRateHistory } from './policy-rate-history';
import { policyMoves, policyRateOn } from './policy-rate-history';

/** A point-target history from `[date, percent]` steps. */
function history(steps: Array<[string, number]>, last = '2030-12-31'): PolicyRateHistory {
  const upper = Float64Array.from(steps.map(([, p]) => p / 100));
  return {
    days: Int32Array.from(steps.map(([d]) => parseIsoDay(d))),
    lower: upper, upper, mid: upper,
    basis: steps.map((): PolicyRateBasis => 'target-point'),
    lastDay: parseIsoDay(last),
  };
}

const ids = (h: PolicyRateHistory, rule = DEFAULT_EASING_CYCLE_RULE) =>
  detectEasingCycles(h, rule).map((c) => `${c.id} ${formatDay(c.firstCut)}..${formatDay(c.lastCut)} n=${c.cuts} ${c.totalEasingBp}bp${c.resumption ? ' R' : ''}${c.open ? ' open' : ''}`);

describe('detectEasingCycles', () => {
  it('starts a cycle after a hike and ends it at the next hike', () => {
    const h = history([['2000-01-01', 5], ['2000-03-01', 5.25], ['2000-05-01', 4.75], ['2000-06-01', 4.5], ['2000-07-01', 4.75]]);
    expect(ids(h)).toEqual(['2000-05 2000-05-01..2000-06-01 n=2 75bp']);
  });

  it('splits at a pause of pauseMonths and marks the resumption', () => {
    // 2019-10-31 + 4 months = 2020-02-29 <= 2020-03-04: a new cycle (as in 2019/2020).
    const h = history([['2019-01-01', 2.5], ['2019-08-01', 2.25], ['2019-10-31', 2.0], ['2020-03-04', 1.5], ['2020-03-16', 0.5]]);
    expect(ids(h)).toEqual([
      '2019-08 2019-08-01..2019-10-31 n=2 50bp',
      '2020-03 2020-03-04..2020-03-16 n=2 150bp R',
    ]);
    // With a 5-month pause rule the same cuts are one cycle.
    expect(ids(h, { minMoveBp: 25, pauseMonths: 5 })).toEqual(['2019-08 2019-08-01..2020-03-16 n=4 200bp']);
  });

  it('ignores moves smaller than minMoveBp, in both directions', () => {
    const h = history([['1985-01-01', 8.5], ['1985-02-01', 8.25], ['1985-03-01', 8.3125], ['1985-04-01', 8.0], ['1985-05-01', 7.9375]]);
    expect(ids(h)).toEqual(['1985-02 1985-02-01..1985-04-01 n=2 56.25bp']);
    expect(ids(h, { minMoveBp: 5, pauseMonths: 4 })).toEqual([
      '1985-02 1985-02-01..1985-02-01 n=1 25bp',
      '1985-04 1985-04-01..1985-05-01 n=2 37.5bp',
    ]);
  });

  it('marks a cycle open when the data end inside the pause window', () => {
    const h = history([['2024-01-01', 5.5], ['2024-09-19', 5.0], ['2024-11-08', 4.75]], '2025-01-15');
    expect(ids(h)).toEqual(['2024-09 2024-09-19..2024-11-08 n=2 75bp open']);
  });

  it('reports rates before and after and reads the rate on a day', () => {
    const h = history([['2007-01-01', 5.25], ['2007-09-18', 4.75], ['2007-10-31', 4.5]]);
    const [c] = detectEasingCycles(h, DEFAULT_EASING_CYCLE_RULE);
    expect(c.rateBefore).toBeCloseTo(0.0525, 12);
    expect(c.rateAfter).toBeCloseTo(0.045, 12);
    expect(policyRateOn(h, parseIsoDay('2007-09-17'))).toBeCloseTo(0.0525, 12);
    expect(policyRateOn(h, parseIsoDay('2007-09-18'))).toBeCloseTo(0.0475, 12);
    expect(policyRateOn(h, parseIsoDay('2006-12-31'))).toBeNaN();
    expect(policyMoves(h).map((m) => m.changeBp)).toEqual([-50, -25]);
  });

  describe('with a hole in the policy-rate data', () => {
    // A hike in 1987, then ten years without data, then the 1998 cuts. The level seen after the
    // hole (5.50 on 1998-01-01) is lower than before it, but that change happened somewhere inside.
    const steps: Array<[string, number]> = [
      ['1987-01-01', 6.0], ['1987-09-04', 7.25], ['1998-01-01', 5.5], ['1998-09-29', 5.25], ['1998-10-15', 5.0], ['1998-11-17', 4.75],
    ];
    const hole = { from: parseIsoDay('1987-12-31'), to: parseIsoDay('1998-01-01') };

    it('invents a cycle at the end of the hole when the hole is not known (the defect)', () => {
      expect(ids(history(steps))).toEqual(['1998-01 1998-01-01..1998-01-01 n=1 175bp', '1998-09 1998-09-29..1998-11-17 n=3 75bp R']);
    });

    it('finds no move across a known hole and no resumption after it', () => {
      expect(ids({ ...history(steps), gaps: [hole] })).toEqual(['1998-09 1998-09-29..1998-11-17 n=3 75bp']);
    });

    it('ends a cycle at a hole and marks it open when the hole starts inside its pause window', () => {
      const h = history([['2000-01-01', 5.0], ['2000-05-01', 4.75], ['2000-06-01', 4.5], ['2003-01-01', 4.25], ['2003-02-01', 5.0]]);
      const gaps = [{ from: parseIsoDay('2000-07-15'), to: parseIsoDay('2002-12-01') }];
      expect(ids({ ...h, gaps })).toEqual(['2000-05 2000-05-01..2000-06-01 n=2 50bp open', '2003-01 2003-01-01..2003-01-01 n=1 25bp']);
      expect(policyRateOn({ ...h, gaps }, parseIsoDay('2001-01-01'))).toBeNaN();
      expect(policyRateOn({ ...h, gaps }, parseIsoDay('2000-07-15'))).toBeCloseTo(0.045, 12);
    });
  });

  it('validates rules', () => {
    expect(checkEasingCycleRule(DEFAULT_EASING_CYCLE_RULE)).toEqual([]);
    expect(checkEasingCycleRule({ minMoveBp: -1, pauseMonths: 0.5 })).toHaveLength(2);
  });
});
