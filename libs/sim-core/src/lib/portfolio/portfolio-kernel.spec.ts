import fc from 'fast-check';
import type { BacktestConfig, BacktestRun } from '../engine/backtest-types';
import { runBacktest } from '../engine/run-backtest';
import type { MarketData } from '../market/market-data';
import { runMetrics } from '../replay/replay-cycles';
import { BUILTIN_STRATEGIES } from '../strategies/builtin-strategies';
import type { Strategy, StrategyParams } from '../strategies/strategy';
import { SignalCache } from '../strategies/targets/signal-cache';
import { whenStep, type RebalanceSchedule } from '../strategies/when-steps';
import { parseIsoDay } from '../time/day-number';
import { reseedInto, Xoshiro128 } from '../random/xoshiro128';
import { allocatePortfolioRecord, PortfolioKernel, PortfolioTally, type PortfolioRecord } from './portfolio-kernel';
import { KEEP, planChanges, type TargetPlan } from './target-plan';

/** A seeded uniform generator on [0, 1): sim-core's xoshiro128** stream for (seed, 0). */
function uniform(seed: number): () => number {
  const rng = new Xoshiro128(1, 2, 3, 4);
  reseedInto(rng, seed, 0);
  return () => rng.nextFloat();
}

/**
 * A random market of `assets` legs: weekdays from 1990 with a random holiday now and then (or
 * month-ends for monthly data), prices with switching drifts, a wandering cash rate, and a policy
 * rate that moves in steps of 25 or 50 bp through easing and tightening phases.
 */
function randomMarket(seed: number, rows: number, assets = 2, monthly = false): MarketData {
  const u = uniform(seed);
  const days = new Int32Array(rows);
  let d = parseIsoDay('1990-01-02');
  for (let i = 0; i < rows; i += 1) {
    if (monthly) d += 28 + Math.floor(u() * 4);
    else {
      d += u() < 0.03 ? 2 : 1;
      while (((d % 7) + 7 + 3) % 7 >= 5) d += 1; // skip weekends (day 0 was a Thursday)
    }
    days[i] = d;
  }
  const closes = Array.from({ length: assets }, () => new Float64Array(rows));
  const cashRate = new Float64Array(rows), policyRate = new Float64Array(rows);
  const level = closes.map(() => 100), drift = closes.map(() => 0);
  let cash = 0.03, policy = 0.05, phase = -1;
  for (let i = 0; i < rows; i += 1) {
    for (let a = 0; a < assets; a += 1) {
      if (u() < 0.02) drift[a] = (u() - 0.5) * 0.004;
      level[a] *= Math.exp(drift[a] + (u() - 0.5) * 0.04);
      closes[a][i] = level[a];
    }
    if (u() < 0.01) phase = -phase;
    if (u() < 0.04) policy = Math.max(0, policy + phase * (u() < 0.7 ? 0.0025 : 0.005));
    cash = Math.min(0.08, Math.max(0, cash + (u() - 0.5) * 0.001));
    cashRate[i] = cash;
    policyRate[i] = policy;
  }
  return { days, assets: closes.map((_, a) => `asset${a}`), closes, cashRate, policyRate, periodsPerYear: monthly ? 12 : 252 };
}

const scheduleArb: fc.Arbitrary<RebalanceSchedule> = fc.oneof(
  fc.constant({ kind: 'daily' as const }),
  fc.constant({ kind: 'weekly' as const }),
  fc.constant({ kind: 'month-end' as const }),
  fc.constant({ kind: 'on-signal' as const }),
  fc.double({ min: 0.005, max: 0.3, noNaN: true }).map((band) => ({ kind: 'bands' as const, band })),
);

/** Random parameters of each built-in (some invalid on some data: those are skipped). */
const PARAMS: Record<string, fc.Arbitrary<StrategyParams>> = {
  'buy-hold-small': fc.constant({}),
  'buy-hold-large': fc.constant({}),
  'static-mix': fc.double({ min: 0, max: 1, noNaN: true }).map((small) => ({ small })),
  'cut-trigger': fc.record({ holdMonths: fc.integer({ min: 1, max: 24 }), minMoveBp: fc.constantFrom(0, 10, 25, 50), pauseMonths: fc.integer({ min: 1, max: 12 }) }),
  'relative-momentum': fc.record({ k: fc.integer({ min: 1, max: 12 }), threshold: fc.constantFrom(0, 0.001, 0.01, 0.03, 0.1) }),
  'trend-filter': fc.record({
    indicator: fc.constantFrom('sma', 'ema', 'rsi', 'macd'),
    fast: fc.integer({ min: 2, max: 40 }),
    slow: fc.integer({ min: 3, max: 120 }),
    signal: fc.integer({ min: 2, max: 15 }),
  }),
  'rate-regime': fc.record({ dropBp: fc.constantFrom(25, 50, 100), months: fc.integer({ min: 1, max: 12 }), otherwise: fc.constantFrom('large', 'cash') }),
};

const configArb = (rows: number): fc.Arbitrary<BacktestConfig> =>
  fc.record({
    startRow: fc.integer({ min: 0, max: Math.floor(rows / 3) }),
    endRow: fc.integer({ min: Math.floor(rows / 2), max: rows - 1 }),
    executionLag: fc.integer({ min: 0, max: 3 }),
    costs: fc.record({ costBps: fc.constantFrom(0, 2, 5, 25), slippageBps: fc.constantFrom(0, 5, 10) }),
    limits: fc.constant({ allowLeverage: false, allowShort: false }),
    initialCapital: fc.constantFrom(1, 1000),
  });

/** Equal, both NaN, or within 1e-12 relative (1e-12 absolute near zero). */
function near(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

function expectNearArrays(what: string, got: ArrayLike<number>, want: ArrayLike<number>): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i += 1) {
    if (!near(got[i], want[i])) throw new Error(`${what}[${i}]: kernel ${got[i]}, engine ${want[i]}`);
  }
}

/** Trades per close of an engine run, as the kernel records them. */
function tradesPerClose(run: BacktestRun, startRow: number): Float64Array {
  const out = new Float64Array(run.equity.length);
  for (const t of run.trades) out[t.row - startRow] += 1;
  return out;
}

/** Asserts that the kernel's record and tally give the engine run's numbers and metrics. */
function expectSameRun(run: BacktestRun, record: PortfolioRecord, tally: PortfolioTally, config: BacktestConfig, periodsPerYear: number): void {
  expectNearArrays('equity', record.equity, run.equity);
  expectNearArrays('returns', record.returns, run.returns);
  expectNearArrays('cashReturns', record.cashReturns, run.cashReturns);
  expectNearArrays('tradedValue', record.tradedValue, run.tradedValue);
  expectNearArrays('costs', record.costs, run.costs);
  expectNearArrays('trades', record.trades, tradesPerClose(run, config.startRow));
  run.weights.forEach((w, a) => expectNearArrays(`weights[${a}]`, record.weights[a], w));
  expectSameTally(run, tally, periodsPerYear);
  expect(tally.finalEquity).toBe(record.equity[record.equity.length - 1]);
}

/**
 * Asserts that a kernel run's tally gives the engine run's counts, final equity and metrics
 * (1e-12): with a record every row is run, without one the rows a portfolio in one asset holds
 * still are taken from prefix tables, so this holds both ways.
 */
function expectSameTally(run: BacktestRun, tally: PortfolioTally, periodsPerYear: number): void {
  expect(tally.decisions).toBe(run.decisions);
  expect(tally.rejected).toBe(run.rejected.length);
  expect(tally.trades).toBe(run.trades.length);
  if (!near(tally.finalEquity, run.equity[run.equity.length - 1])) throw new Error(`final equity: kernel ${tally.finalEquity}, engine ${run.equity[run.equity.length - 1]}`);
  const m = runMetrics(run, null, periodsPerYear);
  const periods = run.returns.length;
  const kernelMetrics = {
    totalReturn: tally.metrics.totalReturn(), cagr: tally.metrics.cagr(periodsPerYear), annualizedVolatility: tally.metrics.volatility(periodsPerYear),
    sharpeRatio: tally.metrics.sharpe(periodsPerYear), maxDrawdown: tally.metrics.maxDrawdown(),
    turnover: periods > 0 ? (tally.turnoverTotal() * periodsPerYear) / periods : NaN,
  };
  const engineMetrics = {
    totalReturn: m.totalReturn, cagr: m.cagr, annualizedVolatility: m.annualizedVolatility, sharpeRatio: m.sharpeRatio,
    maxDrawdown: m.maxDrawdown.depth, turnover: m.turnover,
  };
  for (const [k, v] of Object.entries(engineMetrics)) {
    if (!near(kernelMetrics[k as keyof typeof kernelMetrics], v)) throw new Error(`${k}: kernel ${kernelMetrics[k as keyof typeof kernelMetrics]}, engine ${v}`);
  }
  expect(tally.rebalances).toBe(m.rebalanceCount);
}

describe('PortfolioKernel', () => {
  const markets = [randomMarket(1, 700), randomMarket(2, 900), randomMarket(3, 240, 2, true)];

  it.each(BUILTIN_STRATEGIES.map((s) => [s.name, s] as const))('runs %s\'s targets as the engine runs the strategy (1e-12), over random parameters, data, schedules, lags and costs', (_name, builtin) => {
    const kernel = new PortfolioKernel(2), tabled = new PortfolioKernel(2, { prefixTables: true });
    const tally = new PortfolioTally();
    const cache = new SignalCache();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: markets.length - 1 }), PARAMS[builtin.name], scheduleArb, (m, given, schedule) => {
        const data = markets[m];
        const params = { ...builtin.defaults, ...given };
        fc.pre(builtin.check(params, data.periodsPerYear).length === 0);
        // Three settings per case, seeded from the case, so a run of the suite is the same every time.
        return fc.assert(fc.property(configArb(data.days.length), (config) => {
          fc.pre(config.startRow <= config.endRow);
          const run = runBacktest(data, builtin.build(params, schedule, data.periodsPerYear), config);
          const record = allocatePortfolioRecord(config.endRow - config.startRow + 1, 2);
          const plan = builtin.targets(params, data, cache);
          // A built-in that says where its codes change says it right.
          if (plan.changes !== undefined && plan.changes !== null) {
            const want = planChanges(plan.codes, plan.warmup), end = want.indexOf(data.days.length) + 1;
            expect(Array.from(plan.changes.subarray(0, end))).toEqual(Array.from(want.subarray(0, end)));
          }
          kernel.run(data, plan, schedule, config, tally, record);
          expectSameRun(run, record, tally, config, data.periodsPerYear);
          kernel.run(data, plan, schedule, config, tally);
          expectSameTally(run, tally, data.periodsPerYear);
          tabled.run(data, plan, schedule, config, tally);
          expectSameTally(run, tally, data.periodsPerYear);
        }), { numRuns: 3, seed: fc.hash(JSON.stringify([m, given, schedule])) }) === undefined;
      }),
      { numRuns: 40, seed: 17 },
    );
  }, 60_000);

  /** An engine strategy that proposes the plan's targets (KEEP: the last submitted one) under `schedule`. */
  function planStrategy(plan: TargetPlan, schedule: RebalanceSchedule): Strategy<unknown> {
    const when = whenStep(schedule);
    return {
      name: 'plan', description: 'the plan as a strategy', params: {}, warmup: plan.warmup,
      init: () => when.init(),
      decide(ctx, state) {
        const t = ctx.view.index, code = plan.codes[t];
        const target = code === KEEP && ctx.lastTarget !== null
          ? Float64Array.from(ctx.lastTarget)
          : plan.palette.slice((code === KEEP ? (plan.initial as Int32Array)[t] : code) * plan.assets, ((code === KEEP ? (plan.initial as Int32Array)[t] : code) + 1) * plan.assets);
        return when.run(ctx, target, state as never) ? target : null;
      },
    };
  }

  it('runs any plan on three assets as the engine runs it: mixes, cash, KEEP, refused targets (short, leveraged) and allowed leverage', () => {
    const data = randomMarket(4, 500, 3);
    const kernel = new PortfolioKernel(3), tabled = new PortfolioKernel(3, { prefixTables: true });
    const tally = new PortfolioTally();
    const weight = fc.constantFrom(0, 0.2, 0.25, 1 / 3, 0.5, 0.6, 1, 1.2, -0.1);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(weight, weight, weight), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 60 }),
        scheduleArb,
        configArb(data.days.length),
        fc.boolean(),
        (targets, seed, warmup, schedule, base, leverage) => {
          const u = uniform(seed), n = data.days.length, size = targets.length;
          const codes = Int32Array.from({ length: n }, () => (u() < 0.3 ? KEEP : Math.floor(u() * size)));
          const initial = Int32Array.from({ length: n }, () => Math.floor(u() * size));
          // Runs of the same code, so targets persist for a while as a strategy's would.
          for (let t = 1; t < n; t += 1) if (u() < 0.9) codes[t] = codes[t - 1];
          const plan: TargetPlan = { assets: 3, palette: Float64Array.from(targets.flat()), codes, initial, warmup };
          const config = { ...base, limits: { allowLeverage: leverage, allowShort: false } };
          const run = runBacktest(data, planStrategy(plan, schedule), config);
          const record = allocatePortfolioRecord(config.endRow - config.startRow + 1, 3);
          kernel.run(data, plan, schedule, config, tally, record);
          expectSameRun(run, record, tally, config, data.periodsPerYear);
          kernel.run(data, plan, schedule, config, tally);
          expectSameTally(run, tally, data.periodsPerYear);
          tabled.run(data, plan, schedule, config, tally);
          expectSameTally(run, tally, data.periodsPerYear);
          // With where the codes change, the kernel reads one code per run of equal codes.
          const sparse = { ...plan, changes: planChanges(codes, warmup) };
          kernel.run(data, sparse, schedule, config, tally);
          expectSameTally(run, tally, data.periodsPerYear);
          tabled.run(data, sparse, schedule, config, tally);
          expectSameTally(run, tally, data.periodsPerYear);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  }, 60_000);

  it('runs a mix at period ends through a close that is not a number, at any row around the decisions and orders, as the engine does', () => {
    // A NaN close makes the value at that row and the next not a number: the quiet loops stop
    // there (before a period's decision, between the decision and its order, on the order's row)
    // and leave the rows to the row loop.
    const base = randomMarket(9, 160);
    const mix = BUILTIN_STRATEGIES.find((s) => s.name === 'static-mix') as (typeof BUILTIN_STRATEGIES)[number];
    const kernel = new PortfolioKernel(2), tally = new PortfolioTally(), cache = new SignalCache();
    let runs = 0;
    for (const schedule of [{ kind: 'month-end' as const }, { kind: 'weekly' as const }]) {
      for (let bad = 20; bad < 70; bad += 1) {
        const closes = base.closes.map((c) => c.slice());
        closes[0][bad] = Number.NaN;
        const data: MarketData = { ...base, closes };
        const params = { ...mix.defaults, small: 0.4 };
        for (const executionLag of [1, 2, 3]) {
          const config: BacktestConfig = { startRow: 0, endRow: 159, executionLag, costs: { costBps: 5, slippageBps: 5 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 1 };
          const run = runBacktest(data, mix.build(params, schedule, data.periodsPerYear), config);
          kernel.run(data, mix.targets(params, data, cache), schedule, config, tally);
          expectSameTally(run, tally, data.periodsPerYear);
          runs += 1;
        }
      }
    }
    expect(runs).toBe(300);
  });

  it('continues a run from a checkpoint with the numbers of the whole run, bit for bit', () => {
    const data = randomMarket(7, 400, 3);
    const kernel = new PortfolioKernel(3), tally = new PortfolioTally(), whole = new PortfolioTally();
    const weight = fc.constantFrom(0, 0.25, 0.5, 1, 1.2);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(weight, weight, weight), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), scheduleArb, configArb(400),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (targets, seed, schedule, config, at) => {
          fc.pre(config.endRow > config.startRow);
          const u = uniform(seed), n = data.days.length, size = targets.length;
          const codes = Int32Array.from({ length: n }, () => (u() < 0.2 ? KEEP : Math.floor(u() * size)));
          for (let t = 1; t < n; t += 1) if (u() < 0.9) codes[t] = codes[t - 1];
          const plan: TargetPlan = {
            assets: 3, palette: Float64Array.from(targets.flat()), codes, initial: Int32Array.from({ length: n }, () => Math.floor(u() * size)), warmup: 5,
            changes: u() < 0.5 ? planChanges(codes, 5) : null,
          };
          const rows = config.endRow - config.startRow + 1;
          const cut = config.startRow + Math.min(rows - 2, Math.floor(at * (rows - 1)));
          const full = allocatePortfolioRecord(rows, 3), resumed = allocatePortfolioRecord(rows, 3);
          kernel.run(data, plan, schedule, config, whole, full);
          kernel.run(data, plan, schedule, { ...config, endRow: cut }, tally);
          const checkpoint = kernel.checkpoint();
          expect(checkpoint.row).toBe(cut);
          kernel.run(data, plan, schedule, config, tally, resumed, checkpoint);
          const from = cut - config.startRow;
          for (const key of ['equity', 'tradedValue', 'costs', 'trades'] as const) {
            expect(Array.from(resumed[key].subarray(from + 1))).toEqual(Array.from(full[key].subarray(from + 1)));
          }
          expect(resumed.equity[from]).toBe(full.equity[from]);
          expect(Array.from(resumed.returns.subarray(from))).toEqual(Array.from(full.returns.subarray(from)));
          resumed.weights.forEach((w, a) => expect(Array.from(w.subarray(from + 1))).toEqual(Array.from(full.weights[a].subarray(from + 1))));
          expect(tally.finalEquity).toBe(whole.finalEquity);
          expect(tally.metrics.periods).toBe(rows - 1 - from);
        },
      ),
      { numRuns: 150, seed: 5 },
    );
    expect(() => new PortfolioKernel(2).checkpoint()).toThrow(/no run yet/);
  }, 60_000);

  it('refuses malformed plans and settings (programmer errors)', () => {
    const data = randomMarket(5, 50);
    const kernel = new PortfolioKernel(2), tally = new PortfolioTally();
    const config: BacktestConfig = { startRow: 0, endRow: 49, executionLag: 1, costs: { costBps: 5, slippageBps: 5 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 1 };
    const plan = (over: Partial<TargetPlan>): TargetPlan => ({ assets: 2, palette: Float64Array.of(1, 0), codes: new Int32Array(50), initial: null, warmup: 0, ...over });
    const onSignal: RebalanceSchedule = { kind: 'on-signal' };
    expect(() => kernel.run(data, plan({ codes: new Int32Array(49) }), onSignal, config, tally)).toThrow(/49 codes for 50 rows/);
    expect(() => kernel.run(data, plan({ codes: new Int32Array(50).fill(3) }), onSignal, config, tally)).toThrow(/code 3, outside the palette of 1/);
    expect(() => kernel.run(data, plan({ codes: new Int32Array(50).fill(KEEP) }), onSignal, config, tally)).toThrow(/no initial target/);
    expect(() => kernel.run(data, plan({ palette: Float64Array.of(1, 0, 0) }), onSignal, config, tally)).toThrow(/palette of 3 weights for 2 assets/);
    expect(() => kernel.run(data, plan({}), onSignal, { ...config, endRow: 50 }, tally)).toThrow(/outside the data/);
    expect(() => kernel.run(data, plan({}), onSignal, { ...config, executionLag: -1 }, tally)).toThrow(/executionLag/);
    expect(() => kernel.run(data, plan({}), onSignal, { ...config, costs: { costBps: -1, slippageBps: 0 } }, tally)).toThrow(/costBps/);
    expect(() => new PortfolioKernel(3).run(data, plan({}), onSignal, config, tally)).toThrow(/3 assets/);
  });
});

describe('vectorised built-ins: no look-ahead', () => {
  it.each(BUILTIN_STRATEGIES.map((s) => [s.name, s] as const))('%s: the targets at row t are the same whether the data end at t or go on', (_name, builtin) => {
    const data = randomMarket(6, 400);
    fc.assert(
      fc.property(PARAMS[builtin.name], fc.integer({ min: 1, max: 399 }), (given, t) => {
        const params = { ...builtin.defaults, ...given };
        fc.pre(builtin.check(params, data.periodsPerYear).length === 0);
        const cut: MarketData = {
          ...data, days: data.days.slice(0, t + 1), closes: data.closes.map((c) => c.slice(0, t + 1)),
          cashRate: data.cashRate.slice(0, t + 1), policyRate: data.policyRate.slice(0, t + 1),
        };
        const full = builtin.targets(params, data), part = builtin.targets(params, cut);
        expect(part.warmup).toBe(full.warmup);
        for (let r = full.warmup; r <= t; r += 1) {
          expect([r, part.codes[r]]).toEqual([r, full.codes[r]]);
          if (full.initial !== null) expect([r, (part.initial as Int32Array)[r]]).toEqual([r, full.initial[r]]);
        }
      }),
      { numRuns: 30, seed: 23 },
    );
  }, 60_000);
});
