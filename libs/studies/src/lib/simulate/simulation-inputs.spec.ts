import { scenarioSchema } from '@ratecut/contracts';
import { parseIsoDay, type ClassifiedCycle, type MarketData } from '@ratecut/sim-core';
import { buildSimulationInputs, monthEndRows } from './simulation-inputs';

/** Weekdays from `from` to `to` (ISO dates) as day numbers. */
function weekdays(from: string, to: string): number[] {
  const out: number[] = [];
  for (let d = parseIsoDay(from); d <= parseIsoDay(to); d += 1) if (((d + 4) % 7 + 7) % 7 % 6 !== 0) out.push(d);
  return out;
}

const days = weekdays('2019-01-01', '2020-12-31');
// Closes that grow by a known factor each row: small 0.1%, large 0.05% a day.
const data: MarketData = {
  days: Int32Array.from(days), assets: ['small', 'large'],
  closes: [Float64Array.from(days, (_, i) => 100 * 1.001 ** i), Float64Array.from(days, (_, i) => 50 * 1.0005 ** i)],
  cashRate: new Float64Array(days.length), policyRate: Float64Array.from(days, (d) => (d < parseIsoDay('2019-08-01') ? 0.025 : 0.02)), periodsPerYear: 252,
};
const cycle: ClassifiedCycle = {
  cycle: {
    id: '2019-08', firstCut: parseIsoDay('2019-08-01'), lastCut: parseIsoDay('2019-10-31'), cuts: 3, totalEasingBp: 75,
    rateBefore: 0.025, rateAfter: 0.0175, resumption: false, open: false, basis: 'target-point', cutDays: [],
  },
  recession: { recession: false, reason: null, peak: null },
};
const scenario = (windowMonths: number) => scenarioSchema.parse({
  name: 'x', title: 'X', cutPath: { kind: 'meetings', cutsBp: [25] }, horizon: { months: 3 }, history: { kind: 'all-cycles' }, windowMonths,
});

describe('monthEndRows', () => {
  it('picks the last row of each calendar month, and the last row given', () => {
    const rows = monthEndRows(data.days);
    expect(rows).toHaveLength(24);
    expect(rows.slice(0, 3).map((r) => days[r])).toEqual([parseIsoDay('2019-01-31'), parseIsoDay('2019-02-28'), parseIsoDay('2019-03-29')]);
    expect(monthEndRows(data.days, 0, 10)).toEqual([10]);
  });
});

describe('buildSimulationInputs', () => {
  it('cuts each analog window from the last close before the first cut, daily and at month-ends', () => {
    const inputs = buildSimulationInputs(data, [cycle], scenario(2));
    expect(inputs.cycles.map((c) => c.cycle.id)).toEqual(['2019-08']);
    const [w] = inputs.daily;
    // 2019-07-31 (the close before the cut) to the end of the window two months after the first cut.
    const start = days.indexOf(parseIsoDay('2019-07-31'));
    const end = days.filter((d) => d <= parseIsoDay('2019-10-01')).length - 1;
    expect(w.small.length).toBe(end - start);
    for (const r of w.small) expect(r).toBeCloseTo(0.001, 12);
    for (const r of w.large) expect(r).toBeCloseTo(0.0005, 12);
    // Month-end returns compound the daily ones: rows between consecutive month-ends.
    const [m] = inputs.monthly;
    const augustRows = days.filter((d) => d > parseIsoDay('2019-07-31') && d <= parseIsoDay('2019-08-30')).length;
    expect(m.small[0]).toBeCloseTo(1.001 ** augustRows - 1, 12);
    expect(inputs.warnings).toEqual(['only 1 analog cycle in the data: the distribution reflects very few episodes', `only ${w.small.length} observations to draw from`]);
  });

  it('gives the rate-sensitivity history: month-end returns and policy-rate changes in percentage points', () => {
    const inputs = buildSimulationInputs(data, [cycle], scenario(2));
    expect(inputs.history.dRate).toHaveLength(23);
    expect(Array.from(inputs.history.dRate).filter((x) => x !== 0).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([-0.5]);
    expect(inputs.missingIds).toEqual([]);
  });
});
