import { parseIsoDay } from '../time/day-number';
import { postCutReturns, wealthIndex } from './post-cut-returns';
import { summarizeCycleOutcomes } from './cycle-return-summary';

const days = Int32Array.from(['2024-09-16', '2024-09-17', '2024-09-18', '2024-09-19', '2024-09-20', '2024-09-23'].map(parseIsoDay));
const pair = { days, small: Float64Array.from([100, 101, 102, 104, 103, 110]), large: Float64Array.from([50, 50, 51, 52, 50, 49]) };

describe('postCutReturns', () => {
  it('anchors at the last observation before the effective date', () => {
    const r = postCutReturns(pair, parseIsoDay('2024-09-19'), [1, 2, 3], 7);
    expect(r.anchorDay).toBe(parseIsoDay('2024-09-18'));
    expect(r.horizons[0].small).toBeCloseTo(104 / 102 - 1, 14);
    expect(r.horizons[1].large).toBeCloseTo(50 / 51 - 1, 14);
    expect(r.horizons[2].endDay).toBe(parseIsoDay('2024-09-23'));
  });

  it('anchors on or after a day when asked: the close of an announcement day, or the next close after a day without trading', () => {
    const r = postCutReturns(pair, parseIsoDay('2024-09-18'), [1], 7, 'on-or-after');
    expect(r.anchorDay).toBe(parseIsoDay('2024-09-18'));
    expect(r.horizons[0].small).toBeCloseTo(104 / 102 - 1, 14);
    // A Sunday announcement (2024-09-22): the Monday close.
    expect(postCutReturns(pair, parseIsoDay('2024-09-22'), [0], 7, 'on-or-after').anchorDay).toBe(parseIsoDay('2024-09-23'));
    expect(postCutReturns(pair, parseIsoDay('2024-09-24'), [0], 7, 'on-or-after').anchorDay).toBeNull();
    expect(postCutReturns(pair, parseIsoDay('2024-09-01'), [0], 7, 'on-or-after').anchorDay).toBeNull();
  });

  it('gives NaN, never a partial horizon, past the end of the data', () => {
    const r = postCutReturns(pair, parseIsoDay('2024-09-19'), [4], 7);
    expect(r.horizons[0]).toEqual({ steps: 4, endDay: null, small: NaN, large: NaN, missing: 'past-data' });
  });

  it('refuses an anchor too far before the cut, or none at all', () => {
    expect(postCutReturns(pair, parseIsoDay('2024-12-01'), [1], 7).anchorDay).toBeNull();
    expect(postCutReturns(pair, parseIsoDay('2024-09-16'), [1], 7).anchorDay).toBeNull();
  });

  it('gives NaN, never a number, for a horizon that crosses a gap in the data', () => {
    // Month-ends 2000-01..2000-06, then a three-year hole, then 2003-07..2003-12.
    const ends = ['2000-01-31', '2000-02-29', '2000-03-31', '2000-04-30', '2000-05-31', '2000-06-30', '2003-07-31', '2003-08-31', '2003-09-30', '2003-10-31', '2003-11-30', '2003-12-31'];
    const holed = { days: Int32Array.from(ends.map(parseIsoDay)), small: Float64Array.from(ends.map((_, i) => 100 + i)), large: Float64Array.from(ends.map((_, i) => 50 + i)) };
    const gap = { from: parseIsoDay('2000-06-30'), to: parseIsoDay('2003-07-31') };
    // Without the gap the "6-month" return from 2000-01-31 ends in 2003-07: three and a half years.
    expect(postCutReturns(holed, parseIsoDay('2000-02-10'), [6], 32).horizons[0].endDay).toBe(parseIsoDay('2003-07-31'));
    const r = postCutReturns({ ...holed, gaps: [gap] }, parseIsoDay('2000-02-10'), [3, 6], 32);
    expect(r.horizons[0].small).toBeCloseTo(103 / 100 - 1, 14);
    expect(r.horizons[1]).toEqual({ steps: 6, endDay: null, small: NaN, large: NaN, missing: 'gap', gap });
    // A horizon after the gap is measured as usual.
    expect(postCutReturns({ ...holed, gaps: [gap] }, parseIsoDay('2003-08-05'), [3], 32).horizons[0].small).toBeCloseTo(109 / 106 - 1, 14);
  });

  it('compounds monthly returns into a wealth index', () => {
    expect(Array.from(wealthIndex(Float64Array.from([0.1, -0.5, 1])))).toEqual([1.1, 0.55, 1.1]);
  });
});

describe('summarizeCycleOutcomes', () => {
  it('splits by recession and leaves out missing cycles', () => {
    const s = summarizeCycleOutcomes([
      { small: 0.2, large: 0.1, recession: false },
      { small: -0.1, large: 0.05, recession: true },
      { small: 0.3, large: 0.0, recession: false },
      { small: NaN, large: NaN, recession: false },
    ]);
    expect(s[0]).toMatchObject({ group: 'all', count: 3, shareSmallBeat: 2 / 3 });
    expect(s[0].meanDifference).toBeCloseTo((0.1 - 0.15 + 0.3) / 3, 14);
    expect(s[0].medianDifference).toBeCloseTo(0.1, 14);
    expect(s[1]).toMatchObject({ group: 'recession', count: 1, shareSmallBeat: 0 });
    expect(s[2]).toMatchObject({ group: 'non-recession', count: 2, shareSmallBeat: 1 });
    expect(summarizeCycleOutcomes([])[0].meanSmall).toBeNaN();
  });
});
