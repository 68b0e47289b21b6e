import { runBacktest } from '../engine/run-backtest';
import type { MarketData } from '../market/market-data';
import { findBuiltinStrategy } from '../strategies/builtin-strategies';
import { parseIsoDay } from '../time/day-number';
import { runMetrics } from './replay-cycles';

function market(small: number[], large: number[]): MarketData {
  const start = parseIsoDay('2024-01-01');
  return {
    days: Int32Array.from(small.map((_, i) => start + i)),
    assets: ['small', 'large'],
    closes: [Float64Array.from(small), Float64Array.from(large)],
    cashRate: new Float64Array(small.length).fill(0.01),
    policyRate: new Float64Array(small.length).fill(0.05),
    periodsPerYear: 252,
  };
}

const settings = (executionLag: number) => ({
  startRow: 0, endRow: 5, executionLag,
  costs: { costBps: 5, slippageBps: 5 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 1,
});

describe('runMetrics trading metrics', () => {
  const data = market([10, 11, 12, 11, 13, 14], [20, 20, 21, 22, 21, 23]);
  const holdSmall = findBuiltinStrategy('buy-hold-small')!.build({}, { kind: 'on-signal' }, 252);
  const mix = findBuiltinStrategy('static-mix')!.build({ small: 0.5 }, { kind: 'month-end' }, 252);

  it.each([0, 1, 2])('agree with the trades for executionLag %i (the first purchase counts)', (lag) => {
    for (const strategy of [holdSmall, mix]) {
      const run = runBacktest(data, strategy, settings(lag));
      const m = runMetrics(run, null, 252);
      // Independent: from the trades themselves, grouped by the close they executed at.
      const closes = new Map<number, number>();
      for (const t of run.trades) closes.set(t.row, (closes.get(t.row) ?? 0) + Math.abs(t.value));
      let sum = 0;
      for (const [row, traded] of closes) sum += traded / (2 * run.equity[row]);
      expect(m.tradeCount).toBe(run.trades.length);
      expect(m.rebalanceCount).toBe(closes.size);
      expect(m.rebalanceCount).toBeGreaterThan(0);
      expect(m.turnover).toBeCloseTo((sum / (run.equity.length - 1)) * 252, 10);
    }
  });

  it('counts one rebalance and one trade for buy-and-hold at lag 0', () => {
    const m = runMetrics(runBacktest(data, holdSmall, settings(0)), null, 252);
    expect([m.rebalanceCount, m.tradeCount]).toEqual([1, 1]);
    expect(m.turnover).toBeGreaterThan(0);
    expect(m.hitRate).toBeNaN(); // no benchmark: no relative metrics
  });
});
