/**
 * @ratecut/sim-core: the pure simulation core. Domain types, calendar arithmetic on day
 * numbers, Fed easing-cycle detection and post-cut return tables. No file or network I/O.
 */

// time/: calendar arithmetic on day numbers
export * from './lib/time/day-number';

// market/: market data, the look-ahead-safe view, series and aligned returns
export * from './lib/market/series';
export * from './lib/market/day-gap';
export * from './lib/market/market-data';
export * from './lib/market/market-view';
export * from './lib/market/paired-returns';

// fed/: policy rate, easing cycles, recessions and post-cut returns
export * from './lib/fed/rate-move-bp';
export * from './lib/fed/policy-rate-history';
export * from './lib/fed/easing-cycle-rule';
export * from './lib/fed/easing-cycle';
export * from './lib/fed/recession';
export * from './lib/fed/post-cut-returns';
export * from './lib/fed/cycle-return-summary';
export * from './lib/fed/classified-cycle';
export * from './lib/fed/cycle-return-table';
export * from './lib/fed/horizon-spreads';
export * from './lib/fed/cycle-episodes';

// portfolio/: execution, costs and cash
export * from './lib/portfolio/cash-return-for-day';
export * from './lib/portfolio/cost-model';
export * from './lib/portfolio/execution';
export * from './lib/portfolio/target-plan';
export * from './lib/portfolio/period-end-mask';
export * from './lib/portfolio/portfolio-kernel';

// engine/: the event-driven backtest
export * from './lib/engine/backtest-types';
export * from './lib/engine/run-backtest';
export * from './lib/engine/backtest-observable';

// errors/: the issue model (user mistakes) and parameter errors
export * from './lib/errors/issue';
export * from './lib/errors/make-issue';
export * from './lib/errors/issues-within';
export * from './lib/errors/parameter-error';

// strategies/: strategy definitions and the built-ins
export * from './lib/strategies/strategy';
export * from './lib/strategies/when-steps';
export * from './lib/strategies/weigh-steps';
export * from './lib/strategies/select-steps';
export * from './lib/strategies/period-param';
export * from './lib/strategies/builtin-strategies';
export * from './lib/strategies/targets/signal-cache';
export * from './lib/strategies/targets/leg-palette';
export * from './lib/strategies/targets/momentum-targets';
export * from './lib/strategies/targets/cut-window-targets';
export * from './lib/strategies/targets/trend-targets';
export * from './lib/strategies/targets/rate-regime-targets';

// metrics/: performance metrics
export * from './lib/metrics/total-return';
export * from './lib/metrics/cagr';
export * from './lib/metrics/annualized-volatility';
export * from './lib/metrics/sharpe-ratio';
export * from './lib/metrics/sortino-ratio';
export * from './lib/metrics/max-drawdown';
export * from './lib/metrics/calmar-ratio';
export * from './lib/metrics/turnover';
export * from './lib/metrics/rebalance-count';
export * from './lib/metrics/excess-return';
export * from './lib/metrics/hit-rate';
export * from './lib/metrics/tracking-error';
export * from './lib/metrics/information-ratio';
export * from './lib/metrics/beta';
export * from './lib/metrics/equity-returns';
export * from './lib/metrics/alpha';
export * from './lib/metrics/compute-metrics';
export * from './lib/metrics/return-metrics-accumulator';

// stats/: descriptive statistics
export * from './lib/stats/mean';
export * from './lib/stats/median';
export * from './lib/stats/sort-float64';
export * from './lib/stats/order-statistics';

// estimation/: fitted models
export * from './lib/estimation/student-t-fit';
export * from './lib/estimation/rate-sensitivity-fit';
export * from './lib/estimation/block-length';

// inference/: tests and intervals for comparing strategies
export * from './lib/inference/normal-distribution';
export * from './lib/inference/sample-moments';
export * from './lib/inference/deflated-sharpe';
export * from './lib/inference/paired-bootstrap';
export * from './lib/inference/win-share';
export * from './lib/inference/cycle-bootstrap';
export * from './lib/inference/placebo-test';
export * from './lib/inference/superior-predictive-ability';
export * from './lib/inference/cycle-selection';
export * from './lib/inference/probability-integral-transform';

// random/: seeded random streams (the samplers built on them are internal to monte-carlo/)
export * from './lib/random/xoshiro128';

// monte-carlo/: path simulators and their summaries
export * from './lib/monte-carlo/path-outcomes';
export * from './lib/monte-carlo/student-t-simulate';
export * from './lib/monte-carlo/rate-sensitivity';
export * from './lib/monte-carlo/joint-source';
export * from './lib/monte-carlo/bootstrap';
export * from './lib/monte-carlo/distribution-summary';

// scenarios/: rate-cut scenarios and analog cycles
export * from './lib/scenarios/analog-selection';
export * from './lib/scenarios/cut-path';

// replay/: strategies replayed around each easing cycle
export * from './lib/replay/cycle-window';
export * from './lib/replay/replay-cycles';

// now/: the current cycle against past ones
export * from './lib/now/cycle-path';
export * from './lib/now/analog-distance';

// sweep/: parameter sweeps
export * from './lib/sweep/momentum-sweep';

// one definition per concept: the drawdown tracker, the moments accumulator, months to rows
export * from './lib/metrics/drawdown-tracker';
export * from './lib/stats/moments-accumulator';
export * from './lib/time/months-to-rows';
