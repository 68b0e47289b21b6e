import { computeMetrics } from '../metrics/compute-metrics';
import { runBacktest } from '../engine/run-backtest';
import type { MarketData } from '../market/market-data';
import { parseIsoDay } from '../time/day-number';
import { LARGE, SMALL } from './select-steps';
import { pipeline, type Selection, type Step } from './strategy';
import { equalWeight } from './weigh-steps';
import { onSignal } from './when-steps';

// The worked example of the README, run on a small synthetic market.
describe('README example: a custom strategy', () => {
  it('holds small caps while the policy rate falls', () => {
    const fallingRate = (lookback: number): Step<void, Selection> => ({
      name: `falling-rate(${lookback})`,
      warmup: lookback,
      init: () => undefined,
      run: ({ view }) => (view.policyRate(0) < view.policyRate(lookback) ? [SMALL] : [LARGE]),
    });
    const strategy = pipeline({
      name: 'falling-rate', description: 'small caps while the policy rate is falling', params: { lookback: 63 },
      select: fallingRate(63), weigh: equalWeight(2), when: onSignal(),
    });
    const n = 300;
    const start = parseIsoDay('2019-01-01');
    const data: MarketData = {
      days: Int32Array.from({ length: n }, (_, i) => start + i),
      assets: ['small', 'large'],
      closes: [Float64Array.from({ length: n }, (_, i) => 100 + i), Float64Array.from({ length: n }, () => 100)],
      cashRate: new Float64Array(n).fill(0.02),
      policyRate: Float64Array.from({ length: n }, (_, i) => (i < 150 ? 0.025 : 0.02)),
      periodsPerYear: 252,
    };
    const run = runBacktest(data, strategy, {
      startRow: 0, endRow: n - 1, executionLag: 1,
      costs: { costBps: 5, slippageBps: 5 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 1,
    });
    const metrics = computeMetrics({
      returns: run.returns, cashReturns: run.cashReturns, periodsPerYear: data.periodsPerYear,
      tradedValue: run.tradedValue.subarray(1), equity: run.equity.subarray(1),
    });
    // Large from the first decision (row 63); the rate is below its level 63 rows earlier on rows 150..212,
    // so small is bought at row 151 and sold at row 213 + 1: three rebalances in all.
    expect(run.trades.filter((t) => t.asset === 'small' && t.value > 0).map((t) => t.row)).toEqual([151]);
    expect(metrics.rebalanceCount).toBe(3);
    expect(metrics.totalReturn).toBeGreaterThan(0);
  });
});
