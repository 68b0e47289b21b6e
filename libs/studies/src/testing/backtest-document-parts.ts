import type { BacktestResultJson } from '@ratecut/contracts';

/** A complete backtest configuration as a result file records it (the golden fixture's). */
export const TEST_BACKTEST_CONFIG: BacktestResultJson['config'] = {
  pair: 'rut-gspc', cash: 'fedfunds', executionLag: 1, costBps: 5, slippageBps: 5, allowLeverage: false, initialCapital: 1,
  window: { beforeMonths: 3, afterMonths: 12, anchor: 'first-cut' }, cycles: 'all', count: 'episodes',
  cycleRule: { minMoveBp: 25, pauseMonths: 4 }, recessionWindowMonths: 12,
  benchmark: { name: 'buy-hold-large', params: {} }, strategies: [{ name: 'cut-trigger', params: {} }],
};

/** Every convention a backtest result states, with short test wording; `overrides` replace some. */
export function testBacktestConventions(overrides: Partial<BacktestResultJson['conventions']> = {}): BacktestResultJson['conventions'] {
  return {
    execution: 'decide at the close of row t, trade at t+1', costs: '5 bp commission + 5 bp slippage', cash: 'idle cash earns the fed funds rate',
    coverage: 'the whole history', returns: 'simple returns as decimals', window: '3 months before to 12 after the first cut',
    anchor: 'base = close before the first cut', policyRate: 'FOMC target', cycleRule: 'a cut of 25 bp or more',
    recessionRule: 'NBER recession within 12 months', excess: 'strategy minus benchmark', trades: 'one asset bought or sold',
    counting: 'by episode', ...overrides,
  };
}
