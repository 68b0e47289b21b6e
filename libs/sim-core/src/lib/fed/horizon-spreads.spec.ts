import { dayFromYmd } from '../time/day-number';
import { horizonSpreads, spreadsAwayFrom } from './horizon-spreads';

const days = Int32Array.from([0, 1, 2, 3, 4, 5].map((i) => dayFromYmd(2020, 1 + i, 15)));
const pair = { days, small: Float64Array.from([100, 110, 121, 100, 90, 99]), large: Float64Array.from([100, 100, 100, 100, 100, 100]) };

describe('horizonSpreads', () => {
  it('measures the spread from every anchor with the whole horizon in the data', () => {
    const r = horizonSpreads(pair, 2);
    expect(Array.from(r.anchors)).toEqual(Array.from(days.slice(0, 4)));
    // small 100 → 121 (+21 %), large flat: +0.21; 110 → 100; 121 → 90; 100 → 99.
    const expected = [0.21, 100 / 110 - 1, 90 / 121 - 1, -0.01];
    Array.from(r.spreads).forEach((s, i) => expect(s).toBeCloseTo(expected[i], 12));
  });

  it('skips windows that cross a gap, and a horizon longer than the data', () => {
    const gapped = { ...pair, gaps: [{ from: days[2], to: days[3] }] };
    expect(Array.from(horizonSpreads(gapped, 1).anchors)).toEqual([days[0], days[1], days[3], days[4]]);
    expect(horizonSpreads(pair, 6).spreads.length).toBe(0);
  });
});

describe('spreadsAwayFrom', () => {
  it('keeps the anchors more than the given months from every event, before or after', () => {
    const all = horizonSpreads(pair, 1);
    // An event on 2020-03-15 with 1 month: 2020-02-15 .. 2020-04-15 are excluded (inclusive).
    const kept = spreadsAwayFrom(all, [dayFromYmd(2020, 3, 15)], 1);
    expect(Array.from(kept)).toEqual([all.spreads[0], all.spreads[4]]);
    expect(spreadsAwayFrom(all, [], 6)).toEqual(all.spreads);
  });
});
