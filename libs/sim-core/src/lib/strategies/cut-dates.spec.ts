import fc from 'fast-check';
import { detectEasingCycles } from '../fed/easing-cycle';
import type { PolicyRateHistory } from '../fed/policy-rate-history';
import { atLeastBp, rateMoveBp } from '../fed/rate-move-bp';
import type { MarketData } from '../market/market-data';
import { MarketView } from '../market/market-view';
import { addMonths, formatDay, parseIsoDay } from '../time/day-number';
import { cutWindow, LARGE, rateRegime, SMALL } from './select-steps';

/**
 * A generated policy-rate path on a weekday calendar: levels in whole basis points, moves of
 * exactly 25 or 50 bp (up or down), written as the data loader writes them: percent / 100,
 * e.g. 6.00 % → 0.06 and 5.75 % → 0.0575 (decimals whose differences are not exact in binary).
 */
interface RatePath {
  readonly days: Int32Array;
  readonly levelBp: Int32Array; // level in force on each row, whole bp
}

const rateOf = (bp: number): number => bp / 100 / 100;

function weekdays(count: number, from = '1990-01-01'): Int32Array {
  const out: number[] = [];
  for (let d = parseIsoDay(from); out.length < count; d += 1) {
    const dow = (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (dow !== 0 && dow !== 6) out.push(d);
  }
  return Int32Array.from(out);
}

const pathArb = fc
  .record({
    startBp: fc.integer({ min: 8, max: 80 }).map((x) => x * 25),
    moves: fc.array(
      fc.record({ gapRows: fc.integer({ min: 1, max: 200 }), sizeBp: fc.constantFrom(-50, -25, 25, 50) }),
      { minLength: 1, maxLength: 25 },
    ),
  })
  .map(({ startBp, moves }): RatePath => {
    const rows = 1 + moves.reduce((s, m) => s + m.gapRows, 0) + 5;
    const days = weekdays(rows);
    const levelBp = new Int32Array(rows).fill(startBp);
    let row = 0, level = startBp;
    for (const m of moves) {
      row += m.gapRows;
      level = Math.max(0, level + m.sizeBp);
      levelBp.fill(level, row);
    }
    return { days, levelBp };
  });

function marketOf(p: RatePath): MarketData {
  const n = p.days.length;
  return {
    days: p.days,
    assets: ['small', 'large'],
    closes: [new Float64Array(n).fill(1), new Float64Array(n).fill(1)],
    cashRate: new Float64Array(n),
    policyRate: Float64Array.from(p.levelBp, rateOf),
    periodsPerYear: 252,
  };
}

/** The same path as a policy-rate history: one level per change, dated at its first row. */
function historyOf(p: RatePath): PolicyRateHistory {
  const days: number[] = [], upper: number[] = [];
  p.levelBp.forEach((bp, i) => {
    if (i === 0 || bp !== p.levelBp[i - 1]) { days.push(p.days[i]); upper.push(rateOf(bp)); }
  });
  const u = Float64Array.from(upper);
  return { days: Int32Array.from(days), lower: u, upper: u, mid: u, basis: days.map(() => 'target-point' as const), lastDay: p.days[p.days.length - 1] };
}

/** The days on which cut-trigger's cut detector starts a cycle, run row by row as the engine does. */
function strategyCycleStarts(p: RatePath, minMoveBp: number, pauseMonths: number): string[] {
  const data = marketOf(p);
  const step = cutWindow(12, minMoveBp, pauseMonths);
  const state = step.init();
  const starts: string[] = [];
  for (let t = step.warmup; t < data.days.length; t += 1) {
    const before = state.cycleStartDay;
    step.run({ view: new MarketView(data, t), weights: new Float64Array(2), lastTarget: null }, undefined, state);
    if (!Number.isNaN(state.cycleStartDay) && state.cycleStartDay !== before) starts.push(formatDay(state.cycleStartDay));
  }
  return starts;
}

describe('rateMoveBp / atLeastBp', () => {
  it('measures exact 25 and 50 bp moves between percent-like decimals exactly', () => {
    expect((0.0575 - 0.06) * 10_000).not.toBe(-25); // the floating-point noise this helper removes
    expect(rateMoveBp(0.06, 0.0575)).toBe(-25);
    expect(rateMoveBp(0.0525, 0.0475)).toBe(-50);
    expect(rateMoveBp(0.0475, 0.0525)).toBe(50);
    expect(rateMoveBp(0.05, 0.05)).toBe(0);
    expect(Object.is(rateMoveBp(0.05, 0.05), -0)).toBe(false);
    expect(rateMoveBp(0.083125, 0.0825)).toBe(-6.25);
    expect(rateMoveBp(NaN, 0.05)).toBeNaN();
    expect(atLeastBp(rateMoveBp(0.06, 0.0575), 25)).toBe(true);
    expect(atLeastBp(-24.99, 25)).toBe(false);
    expect(atLeastBp(-25, 24.99)).toBe(true);
    expect(atLeastBp(NaN, 25)).toBe(false);
  });

  it('is exact for every whole-bp move between levels of 0 to 20 % written as percent / 100', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (a, b) => rateMoveBp(rateOf(a), rateOf(b)) === b - a));
  });
});

describe('strategies and the cycle detector agree on cut dates', () => {
  it("cut-trigger starts a cycle exactly on the detector's first-cut dates", () => {
    fc.assert(
      fc.property(pathArb, fc.constantFrom(25, 50), fc.integer({ min: 1, max: 6 }), (p, minMoveBp, pauseMonths) => {
        const detected = detectEasingCycles(historyOf(p), { minMoveBp, pauseMonths }).map((c) => formatDay(c.firstCut));
        expect(strategyCycleStarts(p, minMoveBp, pauseMonths)).toEqual(detected);
      }),
      { numRuns: 300 },
    );
  });

  it('rate-regime sees a fall of at least dropBp exactly when the whole-bp levels say so', () => {
    fc.assert(
      fc.property(pathArb, fc.constantFrom(25, 50, 75), fc.integer({ min: 1, max: 6 }), (p, dropBp, months) => {
        const data = marketOf(p);
        const step = rateRegime(dropBp, months, 'cash', 252);
        for (let t = 0; t < data.days.length; t += 1) {
          const view = new MarketView(data, t);
          const from = addMonths(data.days[t], -months);
          let r = -1;
          for (let i = t; i >= 0; i -= 1) if (data.days[i] <= from) { r = i; break; }
          const expected = r >= 0 && p.levelBp[r] - p.levelBp[t] >= dropBp ? [SMALL] : [];
          expect([formatDay(data.days[t]), step.run({ view, weights: new Float64Array(2), lastTarget: null }, undefined, undefined)]).toEqual([formatDay(data.days[t]), expected]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a threshold a hair below 25 bp finds the same cycles as 25 bp on whole-bp paths', () => {
    fc.assert(
      fc.property(pathArb, (p) => {
        expect(strategyCycleStarts(p, 24.99, 4)).toEqual(strategyCycleStarts(p, 25, 4));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps LARGE outside a cycle window (sanity)', () => {
    const p: RatePath = { days: weekdays(3), levelBp: Int32Array.from([500, 500, 500]) };
    const data = marketOf(p);
    const step = cutWindow(12, 25, 4);
    const state = step.init();
    expect(step.run({ view: new MarketView(data, 2), weights: new Float64Array(2), lastTarget: null }, undefined, state)).toEqual([LARGE]);
  });
});
