import * as fs from 'node:fs';
import {
  BUILTIN_STRATEGIES, PortfolioKernel, PortfolioTally, runBacktest, runMetrics, SignalCache,
  type BacktestConfig, type MarketData, type RebalanceSchedule,
} from '@ratecut/sim-core';
import { loadRealRutGspc, realDataDir } from '../../testing';

/**
 * Every built-in through the portfolio kernel against the event engine on real data: ^RUT
 * (small) and ^GSPC (large) closes on their common days, cash and policy rate the effective fed
 * funds rate DFF (as-of joined), read in place from RATECUT_DATA or ../shared/data and skipped
 * when absent. Full history, default parameters, each built-in's own schedule and month-end,
 * lag 1, costs 5 + 5 bp: the kernel's metrics must be the engine's (`runMetrics`) to 1e-12.
 */
const dataDir = realDataDir();
const describeReal = fs.existsSync(dataDir) ? describe : describe.skip;

const loadPair = (): MarketData => loadRealRutGspc(dataDir);

const near = (a: number, b: number): boolean => (Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));

describeReal('the portfolio kernel on the real ^RUT/^GSPC history', () => {
  const data = loadPair();
  const config: BacktestConfig = {
    startRow: 0, endRow: data.days.length - 1, executionLag: 1, costs: { costBps: 5, slippageBps: 5 },
    limits: { allowLeverage: false, allowShort: false }, initialCapital: 1,
  };
  const cases = BUILTIN_STRATEGIES.flatMap((b) => [b.schedule, { kind: 'month-end' } as RebalanceSchedule].map((s) => [b.name, s.kind, b, s] as const));

  it.each(cases)('%s (%s schedule): the engine\'s metrics to 1e-12', (_name, _kind, builtin, schedule) => {
    const params = builtin.defaults;
    const run = runBacktest(data, builtin.build(params, schedule, 252), config);
    const m = runMetrics(run, null, 252);
    const tally = new PortfolioTally();
    new PortfolioKernel(2).run(data, builtin.targets(params, data, new SignalCache()), schedule, config, tally);
    const got = [tally.metrics.totalReturn(), tally.metrics.cagr(252), tally.metrics.volatility(252), tally.metrics.sharpe(252), tally.metrics.maxDrawdown(), tally.rebalances, tally.trades];
    const want = [m.totalReturn, m.cagr, m.annualizedVolatility, m.sharpeRatio, m.maxDrawdown.depth, m.rebalanceCount, m.tradeCount];
    got.forEach((g, i) => {
      if (!near(g, want[i])) throw new Error(`metric ${i}: kernel ${g}, engine ${want[i]}`);
    });
    expect(tally.rebalances).toBeGreaterThan(0);
  }, 60_000);
});
