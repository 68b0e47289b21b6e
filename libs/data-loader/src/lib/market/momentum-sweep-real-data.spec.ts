import * as fs from 'node:fs';
import {
  annualizedVolatility, cagr, findBuiltinStrategy, maxDrawdown, monthEndMomentumSweep, PortfolioKernel, PortfolioTally, rebalanceCount, runBacktest, sharpeRatio,
  SignalCache, type MarketData, type MomentumSweepConfig, type MomentumSweepResult,
} from '@ratecut/sim-core';
import { loadRealRutGspc, realDataDir } from '../../testing';

/**
 * The momentum sweep on the month-end schedule against the event engine, on real data: ^RUT
 * (small) and ^GSPC (large) closes on their common days, cash the effective fed funds rate DFF
 * (as-of joined), read in place from RATECUT_DATA or ../shared/data and skipped when absent.
 * The fast path (per-period tables) must equal the engine's run of relative momentum with
 * `schedule: month-end` to 1e-12 on every metric, and the portfolio kernel (the built-in's
 * targets, as the other sweeps run) over the whole benchmark grid.
 */
const dataDir = realDataDir();
const hasData = fs.existsSync(dataDir);
const describeReal = hasData ? describe : describe.skip;

const loadPair = (): MarketData => loadRealRutGspc(dataDir);

/** |a − b| <= 1e-12 × max(|a|, |b|) + 1e-14; NaN only equals NaN. */
function expectClose(actual: number, expected: number, what: string): void {
  if (Number.isNaN(actual) || Number.isNaN(expected)) {
    expect(`${what}: ${actual}`).toBe(`${what}: ${expected}`);
    return;
  }
  if (!(Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-14)) {
    throw new Error(`${what}: sweep ${actual} vs reference ${expected} (diff ${actual - expected})`);
  }
}

/** The fast path's result, which real data (positive finite closes and rates) always gets. */
function sweepOf(d: MarketData, ks: readonly number[], thresholds: readonly number[], config: MomentumSweepConfig): MomentumSweepResult {
  const sweep = monthEndMomentumSweep(d, ks, thresholds, config);
  if (sweep === null) throw new Error('monthEndMomentumSweep: no fast path on real data');
  return sweep;
}

describeReal('monthEndMomentumSweep, real ^RUT/^GSPC/DFF', () => {
  const data = hasData ? loadPair() : undefined;
  const momentum = findBuiltinStrategy('relative-momentum')!;

  it.each([0, 1, 2])('equals the engine to 1e-12 on every metric (lag %i)', (executionLag) => {
    const d = data as MarketData;
    const config: MomentumSweepConfig = {
      startRow: 0, endRow: d.days.length - 1, executionLag, costs: { costBps: 5, slippageBps: 5 }, initialCapital: 1,
    };
    const ks = [1, 7, 24], thresholds = [0, 0.013, 0.049];
    const sweep = sweepOf(d, ks, thresholds, config);
    ks.forEach((k, ki) => thresholds.forEach((threshold, ti) => {
      const c = ki * thresholds.length + ti, what = `k=${k} threshold=${threshold} lag=${executionLag}`;
      const run = runBacktest(d, momentum.build({ k, threshold }, { kind: 'month-end' }, 252), { ...config, limits: { allowLeverage: false, allowShort: false } });
      const last = run.equity.length - 1;
      expectClose(sweep.finalEquity[c], run.equity[last], `${what} final equity`);
      expectClose(sweep.totalReturn[c], run.equity[last] / run.equity[0] - 1, `${what} total return`);
      expectClose(sweep.cagr[c], cagr(run.returns, 252), `${what} CAGR`);
      expectClose(sweep.volatility[c], annualizedVolatility(run.returns, 252), `${what} volatility`);
      expectClose(sweep.sharpe[c], sharpeRatio(run.returns, run.cashReturns, 252), `${what} Sharpe`);
      expectClose(sweep.maxDrawdown[c], maxDrawdown(run.equity).depth, `${what} max drawdown`);
      expect(`${what} rebalances ${sweep.rebalances[c]}`).toBe(`${what} rebalances ${rebalanceCount(run.tradedValue)}`);
      expect(sweep.rebalances[c]).toBeGreaterThan(1);
    }));
  });

  it('equals the portfolio kernel over the benchmark grid (k 1..24 × threshold 0..0.049, lag 1, 5+5 bp)', () => {
    const d = data as MarketData;
    const config: MomentumSweepConfig = { startRow: 0, endRow: d.days.length - 1, executionLag: 1, costs: { costBps: 5, slippageBps: 5 }, initialCapital: 1 };
    const ks = Array.from({ length: 24 }, (_, i) => i + 1), thresholds = Array.from({ length: 50 }, (_, i) => i / 1000);
    const fast = sweepOf(d, ks, thresholds, config);
    const kernel = new PortfolioKernel(2, { prefixTables: true }), tally = new PortfolioTally(), cache = new SignalCache();
    const settings = { ...config, limits: { allowLeverage: false, allowShort: false } };
    ks.forEach((k, ki) => thresholds.forEach((threshold, ti) => {
      const c = ki * thresholds.length + ti, what = `k=${k} threshold=${threshold}`, m = tally.metrics;
      kernel.run(d, momentum.targets({ k, threshold }, d, cache), { kind: 'month-end' }, settings, tally);
      expectClose(fast.finalEquity[c], tally.finalEquity, `${what} final equity`);
      expectClose(fast.totalReturn[c], m.totalReturn(), `${what} total return`);
      expectClose(fast.cagr[c], m.cagr(252), `${what} CAGR`);
      expectClose(fast.volatility[c], m.volatility(252), `${what} volatility`);
      expectClose(fast.sharpe[c], m.sharpe(252), `${what} Sharpe`);
      expectClose(fast.maxDrawdown[c], m.maxDrawdown(), `${what} max drawdown`);
      expect(`${what} rebalances ${fast.rebalances[c]}`).toBe(`${what} rebalances ${tally.rebalances}`);
    }));
  });
});
