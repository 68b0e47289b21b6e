import { join } from 'node:path';
import { loadEasingCycles, loadMarketData, PAIRS } from '@ratecut/data-loader';
import {
  DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, formatIssue, runBacktest, type LoadResult, type MarketData,
} from '@ratecut/sim-core';
import { FACTS_DIR, loadSampleCatalog, sampleSimulateRequest } from '../../testing/sample-simulate-request';
import { simulatePathBlock } from './path-job';
import { pathRegenerator } from './path-regenerator';
import { pathWarmUp, warmUpRowsNeeded, warmUpShortfall } from './path-warm-up';
import { planSimulateStudy, type SimulateStudy } from './plan-simulate-study';
import { monthEndRows } from './simulation-inputs';
import { PATH_INDEPENDENT_PLANS, PATH_STRATEGIES, pathRunConfig, StrategyPathRunner } from './strategy-paths';
import { makeJointSource, prepareSource } from '@ratecut/sim-core/monte-carlo';

function planned(result: LoadResult<SimulateStudy>): SimulateStudy {
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

/** The sample's market as the simulate study loads it (rut-gspc, policy rate from the target). */
function sampleMarket(): MarketData {
  const catalog = loadSampleCatalog();
  const pair = PAIRS.find((p) => p.id === 'rut-gspc');
  if (pair === undefined) throw new Error('no rut-gspc pair');
  const easing = loadEasingCycles(catalog, join(FACTS_DIR, 'nber-business-cycles.json'), DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS);
  if (!easing.ok) throw new Error(easing.issues.map(formatIssue).join('\n'));
  const market = loadMarketData(catalog, { small: pair.small, large: pair.large }, 'fedfunds', easing.value.history);
  if (!market.ok) throw new Error(market.issues.map(formatIssue).join('\n'));
  return market.value.data;
}

/** The strategies' return and drawdown on one path's market by the event engine (`runBacktest`), measured from `startRow`. */
function engineOutcomes(data: MarketData, startRow: number): [number, number][] {
  return PATH_STRATEGIES.map((b) => {
    const run = runBacktest(data, b.build(b.defaults, b.schedule, data.periodsPerYear), pathRunConfig(data.days.length));
    const e = run.equity;
    let peak = e[startRow], depth = 0;
    for (let i = startRow + 1; i < e.length; i += 1) {
      peak = Math.max(peak, e[i]);
      depth = Math.min(depth, e[i] / peak - 1);
    }
    return [e[e.length - 1] / e[startRow] - 1, depth];
  });
}

describe('the warm-up before simulated paths', () => {
  const market = sampleMarket();
  const n = market.days.length;

  it('asks for the longest default warm-up of the built-ins + the lag + the start row: 202 trading days, 12 month-ends', () => {
    expect(warmUpRowsNeeded(252)).toBe(200 + 1 + 1);
    expect(warmUpRowsNeeded(12)).toBe(10 + 1 + 1);
  });

  it('takes the real rows immediately before the paths\' start, ending at the market\'s last row', () => {
    const w = pathWarmUp(market, false);
    expect(w.days.length).toBe(202);
    expect(Array.from(w.days)).toEqual(Array.from(market.days.subarray(n - 202)));
    expect(Array.from(w.small)).toEqual(Array.from(market.closes[0].subarray(n - 202)));
    expect(Array.from(w.large)).toEqual(Array.from(market.closes[1].subarray(n - 202)));
    expect(Array.from(w.cashRate)).toEqual(Array.from(market.cashRate.subarray(n - 202)));
    expect(Array.from(w.policyRate)).toEqual(Array.from(market.policyRate.subarray(n - 202)));
    expect(warmUpShortfall(w)).toBeNull();
  });

  it('takes month-ends for monthly paths on a daily market, the last row counting as its month\'s end', () => {
    const w = pathWarmUp(market, true);
    const ends = monthEndRows(market.days).slice(-12);
    expect(ends[ends.length - 1]).toBe(n - 1);
    expect(Array.from(w.days)).toEqual(ends.map((r) => market.days[r]));
    expect(Array.from(w.small)).toEqual(ends.map((r) => market.closes[0][r]));
    expect(w.periodsPerYear).toBe(12);
  });

  it('uses what there is when the market is too short, and says so', () => {
    const short: MarketData = {
      ...market, days: market.days.subarray(0, 50), closes: market.closes.map((c) => c.subarray(0, 50)),
      cashRate: market.cashRate.subarray(0, 50), policyRate: market.policyRate.subarray(0, 50),
    };
    const w = pathWarmUp(short, false);
    expect(w.days.length).toBe(50);
    expect(w.needed).toBe(202);
    expect(warmUpShortfall(w)).toMatch(/only 50 rows up to the paths' start \(202 needed/);
  });

  it('builds each path\'s market from the warm-up, then the path rebased on the last real close', () => {
    const w = pathWarmUp(market, false);
    const runner = new StrategyPathRunner(w, 3, Float64Array.of(-0.25));
    const data = runner.market(Float64Array.of(0.01, -0.02, 0.03), Float64Array.of(0, 0.01, 0));
    expect(data.days.length).toBe(205);
    expect(runner.startRow).toBe(201);
    const last = w.small[201];
    expect(data.closes[0][202]).toBeCloseTo(last * 1.01, 12);
    expect(data.closes[0][204]).toBeCloseTo(last * 1.01 * 0.98 * 1.03, 12);
    expect(data.days[202]).toBeGreaterThan(w.days[201]);
    expect(data.policyRate[201]).toBe(w.policyRate[201]);
    expect(data.policyRate[202]).toBeCloseTo(Math.max(0, w.policyRate[201] - 0.0025), 15);
    expect(data.cashRate[202]).toBe(data.policyRate[202]);
  });
});

describe('strategies on simulated paths through the portfolio kernel', () => {
  jest.setTimeout(120_000);
  const study = planned(planSimulateStudy(sampleSimulateRequest({ paths: 30 }, { strategyPaths: 12 })));
  const job = study.context;
  const strategies = job.strategies;
  if (strategies === undefined) throw new Error('the study replays no strategies');
  if (job.kind !== 'bootstrap') throw new Error('the sample scenario is a bootstrap');
  const regenerate = pathRegenerator(job, prepareSource(makeJointSource([...job.windows], job.periodsPerYear)));

  it('runs all seven built-ins', () => {
    expect(PATH_STRATEGIES.map((s) => s.name)).toEqual(['buy-hold-small', 'buy-hold-large', 'static-mix', 'cut-trigger', 'relative-momentum', 'trend-filter', 'rate-regime']);
  });

  it('gives every strategy the engine\'s return and drawdown (1e-12) on simulated paths', () => {
    const runner = new StrategyPathRunner(strategies.warmUp, job.horizon, strategies.cutPath);
    const small = new Float64Array(job.horizon), large = new Float64Array(job.horizon);
    const k = PATH_STRATEGIES.length, paths = 4;
    const returns = new Float64Array(k * paths), drawdowns = new Float64Array(k * paths);
    let traded = 0;
    for (let p = 0; p < paths; p += 1) {
      regenerate(p, small, large);
      runner.runInto(small, large, returns, drawdowns, paths, p);
      const engine = engineOutcomes(runner.market(small, large), runner.startRow);
      engine.forEach(([ret, dd], s) => {
        expect(Math.abs(returns[s * paths + p] - ret)).toBeLessThan(1e-12);
        expect(Math.abs(drawdowns[s * paths + p] - dd)).toBeLessThan(1e-12);
        if (ret !== 0) traded += 1;
      });
    }
    expect(traded).toBeGreaterThan(paths * 5); // the outcomes are not all trivial
  });

  it('equals the engine on monthly paths too (Student-t), after 12 real month-ends', () => {
    const monthly = planned(planSimulateStudy(sampleSimulateRequest({ paths: 10, method: { kind: 'student-t' }, horizon: { months: 12 } }, { strategyPaths: 3 }))).context;
    if (monthly.strategies === undefined) throw new Error('no strategies');
    expect(monthly.strategies.warmUp.days.length).toBe(12);
    const runner = new StrategyPathRunner(monthly.strategies.warmUp, monthly.horizon, monthly.strategies.cutPath);
    const small = new Float64Array(monthly.horizon), large = new Float64Array(monthly.horizon);
    const k = PATH_STRATEGIES.length, returns = new Float64Array(k), drawdowns = new Float64Array(k);
    for (let p = 0; p < 3; p += 1) {
      pathRegenerator(monthly)(p, small, large);
      runner.runInto(small, large, returns, drawdowns, 1, 0);
      engineOutcomes(runner.market(small, large), runner.startRow).forEach(([ret, dd], s) => {
        expect(Math.abs(returns[s] - ret)).toBeLessThan(1e-12);
        expect(Math.abs(drawdowns[s] - dd)).toBeLessThan(1e-12);
      });
    }
  });

  it('reuses only plans that are the same on every path (they read days, policy rate and row count alone)', () => {
    const runner = new StrategyPathRunner(strategies.warmUp, job.horizon, strategies.cutPath);
    const a = new Float64Array(job.horizon), b = new Float64Array(job.horizon), c = new Float64Array(job.horizon), d = new Float64Array(job.horizon);
    regenerate(0, a, b);
    regenerate(1, c, d);
    // Two runners: a runner's next market overwrites the closes of its last one.
    const other = new StrategyPathRunner(strategies.warmUp, job.horizon, strategies.cutPath);
    const one = runner.market(a, b), two = other.market(c, d);
    expect(Array.from(one.closes[0])).not.toEqual(Array.from(two.closes[0]));
    for (const s of PATH_STRATEGIES) {
      const p1 = s.targets(s.defaults, one), p2 = s.targets(s.defaults, two);
      const same = Array.from(p1.codes).join() === Array.from(p2.codes).join() && p1.warmup === p2.warmup
        && Array.from(p1.palette).join() === Array.from(p2.palette).join() && String(p1.initial) === String(p2.initial);
      if (PATH_INDEPENDENT_PLANS.has(s.name)) expect(same).toBe(true);
    }
    // The path-dependent ones do change with the path (or this check proves nothing).
    const trend = PATH_STRATEGIES.find((s) => s.name === 'trend-filter');
    if (trend === undefined) throw new Error('no trend-filter');
    const flat = new Float64Array(job.horizon), up = new Float64Array(job.horizon).fill(0.01);
    expect(Array.from(trend.targets(trend.defaults, runner.market(up, flat)).codes)).not.toEqual(Array.from(trend.targets(trend.defaults, runner.market(flat, up)).codes));
  });

  it('gives each path the same outcomes whatever block computes it', () => {
    const whole = simulatePathBlock(job, { first: 0, count: 30 }, new Map());
    const first = simulatePathBlock(job, { first: 0, count: 10 }, new Map());
    const second = simulatePathBlock(job, { first: 10, count: 10 }, new Map());
    const third = simulatePathBlock(job, { first: 20, count: 10 }, new Map());
    const k = PATH_STRATEGIES.length;
    expect(whole.strategyReturns).toHaveLength(k * 12);
    expect(first.strategyReturns).toHaveLength(k * 10);
    expect(second.strategyReturns).toHaveLength(k * 2);
    expect(third.strategyReturns).toHaveLength(0);
    for (let s = 0; s < k; s += 1) {
      for (let p = 0; p < 12; p += 1) {
        const part = p < 10 ? first : second, at = p < 10 ? s * 10 + p : s * 2 + p - 10;
        expect(part.strategyReturns?.[at]).toBe(whole.strategyReturns?.[s * 12 + p]);
        expect(part.strategyDrawdowns?.[at]).toBe(whole.strategyDrawdowns?.[s * 12 + p]);
      }
    }
  });
});
