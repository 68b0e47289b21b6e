/**
 * @ratecut/sim-core: the pure simulation core. Domain types, calendar arithmetic on day
 * numbers, Fed easing-cycle detection and post-cut return tables. No file or network I/O.
 */
export * from './lib/time/day-number';
export * from './lib/series/series';
export * from './lib/stats/mean';
export * from './lib/stats/median';
export * from './lib/cycles/policy-rate-history';
export * from './lib/cycles/easing-cycle-rule';
export * from './lib/cycles/easing-cycle';
export * from './lib/cycles/recession';
export * from './lib/cycles/post-cut-returns';
export * from './lib/cycles/cycle-return-summary';
export * from './lib/cycles/cycle-return-table';
export * from './lib/cash/cash-return-for-day';
export * from './lib/engine/market-data';
export * from './lib/engine/market-view';
export * from './lib/engine/execution';
export * from './lib/engine/backtest-types';
export * from './lib/engine/run-backtest';
export * from './lib/engine/backtest-observable';
export * from './lib/strategies/strategy';
export * from './lib/strategies/when-steps';
export * from './lib/strategies/weigh-steps';
export * from './lib/strategies/select-steps';
export * from './lib/strategies/builtin-strategies';
export * from './lib/metrics/total-return';
export * from './lib/metrics/cagr';
export * from './lib/metrics/annualized-volatility';
export * from './lib/metrics/sharpe-ratio';
export * from './lib/metrics/sortino-ratio';
export * from './lib/metrics/max-drawdown';
export * from './lib/metrics/calmar-ratio';
export * from './lib/metrics/turnover';
export * from './lib/metrics/trade-count';
export * from './lib/metrics/excess-return';
export * from './lib/metrics/hit-rate';
export * from './lib/metrics/tracking-error';
export * from './lib/metrics/information-ratio';
export * from './lib/metrics/beta';
export * from './lib/metrics/alpha';
export * from './lib/metrics/compute-metrics';
export * from './lib/replay/cycle-window';
export * from './lib/replay/replay-cycles';
export * from './lib/sweep/momentum-sweep';
