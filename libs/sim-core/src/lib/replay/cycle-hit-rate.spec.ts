import type { Metrics } from '../metrics/compute-metrics';
import type { BacktestRun } from '../engine/backtest-types';
import { aggregateCycles, type CycleResult } from './replay-cycles';

/** A cycle result with the given strategy and benchmark total returns (other fields unused). */
function cycle(id: string, total: number, bench: number, recession = false): CycleResult {
  return {
    cycleId: id, recession, startDay: 0, endDay: 0, anchorDay: 0, complete: true,
    metrics: { totalReturn: total } as Metrics, benchmarkTotalReturn: bench, excessTotalReturn: total - bench,
    run: {} as BacktestRun, warmupShortRows: 0,
  };
}

describe('aggregateCycles hit rate', () => {
  it('does not count an excess of floating-point noise as a win', () => {
    // The same holdings measured through two portfolio values: equal up to rounding.
    const v = 0.9904873999999999;
    const same = (v * 1.0123) / v - 1;
    const rows = [cycle('a', same, 1.0123 - 1), cycle('b', 0.2 + 1e-16, 0.2), cycle('c', 0.25, 0.2)];
    expect(same - (1.0123 - 1)).toBeGreaterThan(0);
    expect(aggregateCycles(rows)[0].hitRate).toBeCloseTo(1 / 3, 15);
  });
});
