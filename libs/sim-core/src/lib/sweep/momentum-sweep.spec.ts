import fc from 'fast-check';
import type { BacktestConfig, BacktestRun } from '../engine/backtest-types';
import { executeRebalance } from '../portfolio/execution';
import type { MarketData } from '../market/market-data';
import { runBacktest } from '../engine/run-backtest';
import { annualizedVolatility } from '../metrics/annualized-volatility';
import { cagr } from '../metrics/cagr';
import { maxDrawdown } from '../metrics/max-drawdown';
import { sharpeRatio } from '../metrics/sharpe-ratio';
import { totalReturn } from '../metrics/total-return';
import { rebalanceCount } from '../metrics/rebalance-count';
import { findBuiltinStrategy } from '../strategies/builtin-strategies';
import { monthIndex, parseIsoDay } from '../time/day-number';
import type { RebalanceSchedule } from '../strategies/when-steps';
import { monthEndMomentumSweep, type MomentumSweepConfig, type MomentumSweepResult } from './momentum-sweep';

/** Seeded uniform generator on [0, 1) (mulberry32), so the synthetic markets are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw by Box-Muller. */
const normal = (u: () => number): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

/**
 * A random two-leg market on weekdays from 1990-01-01 (weekends skipped, so ACT/360 sees
 * 3-day periods), with a slowly switching drift regime so that momentum actually trades,
 * and a positive, wandering cash rate.
 */
function randomMarket(seed: number, rows: number, periodsPerYear = 252): MarketData {
  const u = mulberry32(seed);
  const days = new Int32Array(rows);
  let d = parseIsoDay('1990-01-01');
  for (let i = 0; i < rows; i += 1) {
    while (((d % 7) + 7 + 3) % 7 >= 5) d += 1; // day 0 (1970-01-01) was a Thursday
    days[i] = d;
    d += periodsPerYear === 12 ? 30 : 1;
  }
  const small = new Float64Array(rows), large = new Float64Array(rows), cashRate = new Float64Array(rows);
  const vol = 0.2 / Math.sqrt(periodsPerYear);
  let s = 100, l = 100, r = 0.04, regime = 1;
  for (let i = 0; i < rows; i += 1) {
    if (u() < 0.01) regime = -regime;
    s *= Math.exp(regime * 0.3 / periodsPerYear + 1.3 * vol * normal(u));
    l *= Math.exp(-regime * 0.1 / periodsPerYear + vol * normal(u));
    r = Math.min(0.1, Math.max(0.001, r + 0.0005 * normal(u)));
    small[i] = s;
    large[i] = l;
    cashRate[i] = r;
  }
  return { days, assets: ['small', 'large'], closes: [small, large], cashRate, policyRate: cashRate.slice(), periodsPerYear };
}

const momentum = findBuiltinStrategy('relative-momentum')!;

const engineConfig = (c: MomentumSweepConfig): BacktestConfig => ({ ...c, limits: { allowLeverage: false, allowShort: false } });

/** The engine's run of relative momentum on the month-end schedule (or `schedule`). */
function engineRun(data: MarketData, k: number, threshold: number, config: MomentumSweepConfig, schedule: RebalanceSchedule = { kind: 'month-end' }): BacktestRun {
  const strategy = momentum.build({ k, threshold }, schedule, data.periodsPerYear);
  return runBacktest(data, strategy, engineConfig(config));
}

/** |a − b| <= rel × max(|a|, |b|) (plus a floor of `abs` for values at zero); NaN only equals NaN. */
function expectClose(actual: number, expected: number, what: string, rel = 1e-9, abs = 1e-15): void {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    expect(`${what}: ${actual}`).toBe(`${what}: ${expected}`);
    return;
  }
  const tol = rel * Math.max(Math.abs(actual), Math.abs(expected)) + abs;
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: sweep ${actual} vs engine ${expected} (diff ${actual - expected})`);
}

/** Checks combination `c` of a sweep against the engine's run, metric by metric, with sim-core's metric functions. */
function expectMatchesEngine(sweep: MomentumSweepResult, c: number, run: BacktestRun, label: string, rel = 1e-9, abs = 1e-15): void {
  const last = run.equity.length - 1;
  expectClose(sweep.finalEquity[c], run.equity[last], `${label} final equity`, rel, abs);
  expectClose(sweep.totalReturn[c], last > 0 ? run.equity[last] / run.equity[0] - 1 : NaN, `${label} total return (equity)`, rel, abs);
  if (last > 0) expect(Math.abs(sweep.totalReturn[c] - totalReturn(run.returns))).toBeLessThan(1e-11);
  expectClose(sweep.cagr[c], cagr(run.returns, sweep.periodsPerYear), `${label} CAGR`, rel, abs);
  expectClose(sweep.volatility[c], annualizedVolatility(run.returns, sweep.periodsPerYear), `${label} volatility`, rel, abs);
  if (rebalanceCount(run.tradedValue) === 0) {
    // All cash: the excess return is 0 in exact arithmetic; the engine's is rounding noise.
    expect(sweep.sharpe[c]).toBeNaN();
  } else {
    // A Sharpe ratio near 0 is a mean near 0 over a spread: its rounding is absolute, not relative
    // to the ratio (-0.000268 differed by 1.1e-14 in one case), so at least 1e-12 absolute.
    expectClose(sweep.sharpe[c], sharpeRatio(run.returns, run.cashReturns, sweep.periodsPerYear), `${label} Sharpe`, rel, Math.max(abs, 1e-12));
  }
  expectClose(sweep.maxDrawdown[c], maxDrawdown(run.equity).depth, `${label} max drawdown`, rel, abs);
  expect(`${label} rebalances ${sweep.rebalances[c]}`).toBe(`${label} rebalances ${rebalanceCount(run.tradedValue)}`);
}

/** The sweep, which must take the fast path (not null). */
function sweepOf(data: MarketData, ks: readonly number[], thresholds: readonly number[], config: MomentumSweepConfig): MomentumSweepResult {
  const sweep = monthEndMomentumSweep(data, ks, thresholds, config);
  if (sweep === null) throw new Error('monthEndMomentumSweep returned null on positive finite data');
  return sweep;
}

function expectSweepMatchesEngine(data: MarketData, ks: number[], thresholds: number[], config: MomentumSweepConfig, rel = 1e-9, abs = 1e-15): MomentumSweepResult {
  const sweep = sweepOf(data, ks, thresholds, config);
  ks.forEach((k, ki) =>
    thresholds.forEach((threshold, ti) => {
      const c = ki * thresholds.length + ti;
      expectMatchesEngine(sweep, c, engineRun(data, k, threshold, config), `k=${k} threshold=${threshold}`, rel, abs);
    }),
  );
  return sweep;
}

const costly = (extra: Partial<MomentumSweepConfig> = {}): MomentumSweepConfig => ({
  startRow: 0, endRow: 0, executionLag: 1, costs: { costBps: 5, slippageBps: 5 }, initialCapital: 100, ...extra,
});

describe('monthEndMomentumSweep cost arithmetic', () => {
  it('reproduces executeRebalance’s fixed point in closed form', () => {
    const costs = { costBps: 30, slippageBps: 20 }, limits = { allowLeverage: false, allowShort: false };
    const c = 0.005, equity = 123.4;
    const buy = executeRebalance(new Float64Array(2), equity, Float64Array.of(1, 0), costs, limits);
    const swap = executeRebalance(Float64Array.of(equity, 0), 0, Float64Array.of(0, 1), costs, limits);
    if (buy.status !== 'filled' || swap.status !== 'filled') throw new Error('expected fills');
    expect(Math.abs(buy.positions[0] - equity / (1 + c))).toBeLessThan(1e-13 * equity);
    expect(Math.abs(swap.positions[1] - (equity * (1 - c)) / (1 + c))).toBeLessThan(1e-13 * equity);
    // A switch trades E + post = 2E / (1 + c), not 2E: charging c × 2E would be off by about c² E.
    expect(Math.abs(swap.traded[0]) + swap.traded[1]).toBeCloseTo((2 * equity) / (1 + c), 10);
    expect(Math.abs(swap.positions[1] - equity * (1 - 2 * c))).toBeGreaterThan(1e-3 * c * c * equity);
  });
});

describe('monthEndMomentumSweep layout and degenerate input', () => {
  const data = randomMarket(3, 300);

  it('indexes combinations as kIndex × thresholds.length + thresholdIndex', () => {
    const ks = [2, 5], thresholds = [0, 0.01, 0.03];
    const grid = sweepOf(data, ks, thresholds, costly({ endRow: 299 }));
    for (const [ki, k] of ks.entries()) {
      for (const [ti, t] of thresholds.entries()) {
        const single = sweepOf(data, [k], [t], costly({ endRow: 299 }));
        expect(grid.sharpe[ki * thresholds.length + ti]).toBe(single.sharpe[0]);
        expect(grid.finalEquity[ki * thresholds.length + ti]).toBe(single.finalEquity[0]);
      }
    }
    expect(Array.from(grid.ks)).toEqual(ks);
    expect(Array.from(grid.thresholds)).toEqual(thresholds);
    expect(grid.rows).toBe(300);
  });

  it('gives NaN for metrics without enough periods, as the metric functions do', () => {
    const one = sweepOf(data, [1], [0], costly({ startRow: 100, endRow: 100 }));
    expect([one.totalReturn[0], one.cagr[0], one.volatility[0], one.sharpe[0]]).toEqual([NaN, NaN, NaN, NaN]);
    expect(one.maxDrawdown[0]).toBe(0);
    const two = sweepOf(data, [1], [0], costly({ startRow: 100, endRow: 101 }));
    expect(Number.isFinite(two.totalReturn[0])).toBe(true);
    expect([two.volatility[0], two.sharpe[0]]).toEqual([NaN, NaN]);
  });

  it('returns null where a growth factor is not positive and finite (a NaN close): such data is swept through the portfolio kernel', () => {
    const broken: MarketData = { ...data, closes: [data.closes[0].slice(), data.closes[1]] };
    broken.closes[0][150] = NaN;
    expect(monthEndMomentumSweep(broken, [1], [0], costly({ endRow: 299 }))).toBeNull();
    expect(monthEndMomentumSweep(broken, [1], [0], costly({ endRow: 140 }))).not.toBeNull(); // outside the window
  });

  it('gives Sharpe NaN for a window spent all in cash, where the engine divides rounding noise', () => {
    const config = costly({ startRow: 100, endRow: 140 });
    const sweep = sweepOf(data, [12], [0], config); // warm-up 252 rows: never decides here
    const run = engineRun(data, 12, 0, config);
    expect(sweep.rebalances[0]).toBe(0);
    expect(sweep.sharpe[0]).toBeNaN();
    expect(Math.max(...Array.from(run.returns, (r, i) => Math.abs(r - run.cashReturns[i])))).toBeLessThan(1e-15);
    expectClose(sweep.finalEquity[0], run.equity[run.equity.length - 1], 'cash equity');
    expectClose(sweep.volatility[0], annualizedVolatility(run.returns, 252), 'cash volatility', 1e-9);
    expect(sweep.maxDrawdown[0]).toBe(0);
  });

  it('throws RangeError for programmer errors', () => {
    const ok = costly({ endRow: 299 });
    const sweep = (d: MarketData, ks: number[], th: number[], c: MomentumSweepConfig) => () => monthEndMomentumSweep(d, ks, th, c);
    expect(sweep(data, [], [0], ok)).toThrow(RangeError);
    expect(sweep(data, [1.5], [0], ok)).toThrow(RangeError);
    expect(sweep(data, [0], [0], ok)).toThrow(RangeError);
    expect(sweep(data, [1], [-0.01], ok)).toThrow(RangeError);
    expect(sweep(data, [1], [NaN], ok)).toThrow(RangeError);
    expect(sweep(data, [1], [0], { ...ok, endRow: 300 })).toThrow(RangeError);
    expect(sweep(data, [1], [0], { ...ok, startRow: 10, endRow: 9 })).toThrow(RangeError);
    expect(sweep(data, [1], [0], { ...ok, executionLag: -1 })).toThrow(RangeError);
    expect(sweep(data, [1], [0], { ...ok, initialCapital: 0 })).toThrow(RangeError);
    expect(sweep({ ...data, assets: ['small'], closes: [data.closes[0]] }, [1], [0], ok)).toThrow(RangeError);
  });
});

/** The month-end schedule's tolerance against the engine: 1e-12 relative, 1e-14 absolute for values at 0. */
const MONTHLY_REL = 1e-12, MONTHLY_ABS = 1e-14;

/** A row `r` of `data` whose next row is the last of its month (so a window starting at `r` has a month-end at window row 1). */
function rowBeforeMonthEnd(data: MarketData, from: number): number {
  for (let r = from; r + 2 < data.days.length; r += 1) {
    if (monthIndex(data.days[r + 2]) !== monthIndex(data.days[r + 1])) return r;
  }
  throw new Error('no month-end found');
}

describe('monthEndMomentumSweep equals the reference engine to 1e-12', () => {
  const data = randomMarket(7, 1500);
  const ks = [1, 3, 6, 12];
  const thresholds = [0, 0.001, 0.01, 0.05, 0.25, 10];

  it('on every metric, for k × threshold with costs and a positive cash rate (lag 1)', () => {
    const config = costly({ endRow: 1499 });
    const sweep = expectSweepMatchesEngine(data, ks, thresholds, config, MONTHLY_REL, MONTHLY_ABS);
    // The grid really exercises switching, and the schedule matters: fewer trades than on-signal.
    expect(sweep.rebalances[0]).toBeGreaterThan(5);
    expect(sweep.rebalances[thresholds.length - 1]).toBe(1);
    expect(sweep.rebalances[0]).toBeLessThan(rebalanceCount(engineRun(data, ks[0], thresholds[0], config, { kind: 'on-signal' }).tradedValue));
  });

  it('inside windows that start before and after the warm-up, with high costs and lags 0 to 3', () => {
    for (const executionLag of [0, 1, 2, 3]) {
      expectSweepMatchesEngine(data, ks, [0, 0.002, 0.03], costly({ startRow: 200, endRow: 1300, executionLag, costs: { costBps: 40, slippageBps: 60 } }), MONTHLY_REL, MONTHLY_ABS);
    }
  });

  it('when the first decision is at the window’s first row with lag 0 and the next row is a month-end (the buy’s cost falls into a period’s first row)', () => {
    const start = rowBeforeMonthEnd(data, 300);
    const config = costly({ startRow: start, endRow: start + 400, executionLag: 0 });
    expectSweepMatchesEngine(data, [1, 3, 6, 12], [0, 0.01, 0.1], config, MONTHLY_REL, MONTHLY_ABS);
    expectSweepMatchesEngine(data, [1, 2], [0, 0.01], { ...config, endRow: start + 1 }, MONTHLY_REL, MONTHLY_ABS);
    expectSweepMatchesEngine(data, [1, 2], [0, 0.01], { ...config, endRow: start + 2 }, MONTHLY_REL, MONTHLY_ABS);
  });

  it('on monthly data, where every row is a month-end, with lags 0 to 3', () => {
    const monthly = randomMarket(11, 400, 12);
    for (const executionLag of [0, 1, 2, 3]) {
      expectSweepMatchesEngine(monthly, [1, 3, 12], [0, 0.02, 0.1], costly({ startRow: 5, endRow: 399, executionLag }), MONTHLY_REL, MONTHLY_ABS);
    }
  });

  it('on arbitrary small daily markets, lags, windows, thresholds and costs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 260 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, rows, executionLag, startRow, thresholds, ks, costBps, slippageBps) => {
          const market = randomMarket(seed, rows);
          const start = Math.min(startRow, rows - 1);
          const end = start + Math.floor(((seed % 1000) / 1000) * (rows - start));
          const config: MomentumSweepConfig = { startRow: start, endRow: end, executionLag, costs: { costBps, slippageBps }, initialCapital: 1 + (seed % 7) };
          expectSweepMatchesEngine(market, ks, thresholds, config, MONTHLY_REL, MONTHLY_ABS);
        },
      ),
      { numRuns: 80, seed: 41 },
    );
  });

  it('on a long market, for long and short lookbacks (every lag 0..2)', () => {
    const long = randomMarket(23, 4000);
    for (const executionLag of [0, 1, 2]) {
      expectSweepMatchesEngine(long, [1, 7, 24], [0, 0.0125, 0.045], costly({ startRow: 30, endRow: 3999, executionLag }), MONTHLY_REL, MONTHLY_ABS);
    }
  });

  it('keeps the leg on a tie, as the engine’s strict comparison does (identical legs, threshold 0)', () => {
    const twin: MarketData = { ...data, closes: [data.closes[1].slice(), data.closes[1]] };
    const config = costly({ endRow: 1499 });
    const sweep = expectSweepMatchesEngine(twin, [1, 3], [0], config, MONTHLY_REL, MONTHLY_ABS);
    expect(Array.from(sweep.rebalances)).toEqual([1, 1]);
  });

});
