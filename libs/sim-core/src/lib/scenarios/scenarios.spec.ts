import { parseIsoDay } from '../time/day-number';
import type { ClassifiedCycle } from '../fed/classified-cycle';
import { selectAnalogCycles, cyclePace, isEmergencyCycle, type CycleFacts } from './analog-selection';
import { monthlyRateChanges, totalEasingBp } from './cut-path';

const cycle = (id: string, first: string, last: string, cuts: number, bp: number, resumption: boolean, recession: boolean, inside = false): ClassifiedCycle => ({
  cycle: { id, firstCut: parseIsoDay(first), lastCut: parseIsoDay(last), cuts, totalEasingBp: bp, rateBefore: 0.05, rateAfter: 0.04, resumption, open: false, basis: 'target-point', cutDays: [] },
  recession: { recession, reason: recession ? (inside ? 'in-recession' : 'peak-within-window') : null, peak: null },
});

const cycles = [
  cycle('1995-07', '1995-07-06', '1995-07-06', 1, 25, false, false),
  cycle('1998-09', '1998-09-29', '1998-11-17', 3, 75, false, false),
  cycle('2001-01', '2001-01-03', '2001-12-11', 11, 475, false, true),
  cycle('2020-03', '2020-03-04', '2020-03-16', 2, 150, true, true, true),
  cycle('2025-09', '2025-09-18', '2025-12-11', 3, 75, true, false),
];

describe('analog selection', () => {
  it('selects by features', () => {
    const ids = (s: Parameters<typeof selectAnalogCycles>[1]) => selectAnalogCycles(cycles, s).cycles.map((c) => c.cycle.id);
    expect(ids({ kind: 'analogs', recession: false, maxTotalEasingBp: 100, resumption: false })).toEqual(['1995-07', '1998-09']);
    expect(ids({ kind: 'analogs', recession: true, minTotalEasingBp: 300 })).toEqual(['2001-01']);
    expect(ids({ kind: 'analogs', resumption: true })).toEqual(['2020-03', '2025-09']);
    expect(ids({ kind: 'analogs', inRecessionAtFirstCut: true })).toEqual(['2020-03']);
    expect(ids({ kind: 'analogs', minCutsPerMonth: 2 })).toEqual(['2020-03']);
    expect(ids({ kind: 'all-cycles' })).toHaveLength(5);
    expect(ids({ kind: 'full-history' })).toEqual([]);
  });

  it('selects by the emergency fact, counting unlisted cycles as not emergencies and naming them', () => {
    const withCrash = [...cycles, cycle('1987-11', '1987-11-04', '1987-11-04', 1, 50, false, false)];
    const facts: CycleFacts = {
      emergency: new Map([
        [parseIsoDay('1987-11-04'), true], [parseIsoDay('1995-07-06'), false], [parseIsoDay('1998-09-29'), false],
        [parseIsoDay('2001-01-03'), true], [parseIsoDay('2020-03-04'), true],
      ]),
    };
    const insurance = { kind: 'analogs', inRecessionAtFirstCut: false, maxTotalEasingBp: 100, resumption: false } as const;
    // Without the feature, the 1987 post-crash cut passes as an insurance analog.
    expect(selectAnalogCycles(withCrash, insurance, facts).cycles.map((c) => c.cycle.id)).toEqual(['1995-07', '1998-09', '1987-11']);
    const picked = selectAnalogCycles(withCrash, { ...insurance, emergency: false }, facts);
    expect(picked.cycles.map((c) => c.cycle.id)).toEqual(['1995-07', '1998-09']);
    expect(picked.unknown).toEqual([]);
    const emergencies = selectAnalogCycles(withCrash, { kind: 'analogs', emergency: true }, facts);
    expect(emergencies.cycles.map((c) => c.cycle.id)).toEqual(['2001-01', '2020-03', '1987-11']);
    // 2025-09 is not in the facts: not an emergency, and named.
    const calm = selectAnalogCycles(withCrash, { kind: 'analogs', emergency: false }, facts);
    expect(calm.cycles.map((c) => c.cycle.id)).toEqual(['1995-07', '1998-09', '2025-09']);
    expect(calm.unknown).toEqual(['2025-09']);
    expect(isEmergencyCycle(withCrash[4], facts)).toBeNull();
    // Without facts nothing is known to be an emergency.
    expect(selectAnalogCycles(withCrash, { kind: 'analogs', emergency: true }).cycles).toEqual([]);
  });

  it('reports unknown explicit ids', () => {
    expect(selectAnalogCycles(cycles, { kind: 'cycles', ids: ['1998-09', '1999-01'] })).toMatchObject({ missing: ['1999-01'] });
  });

  it('measures pace as cuts per month', () => {
    expect(cyclePace(cycles[0])).toBe(1);
    expect(cyclePace(cycles[2])).toBeCloseTo(11 / ((parseIsoDay('2001-12-11') - parseIsoDay('2001-01-03')) / 30.4375), 12);
  });
});

describe('cut paths', () => {
  it('places meeting cuts in months', () => {
    expect(Array.from(monthlyRateChanges({ kind: 'meetings', cutsBp: [25, 25, 25], monthsBetween: 1.5 }, 6))).toEqual([-0.25, -0.25, 0, -0.25, 0, 0]);
    expect(totalEasingBp({ kind: 'meetings', cutsBp: [50, 25], monthsBetween: 1.5 })).toBe(75);
  });

  it('spreads a total easing evenly', () => {
    expect(Array.from(monthlyRateChanges({ kind: 'total', totalBp: 100, overMonths: 4 }, 6))).toEqual([-0.25, -0.25, -0.25, -0.25, 0, 0]);
  });
});
