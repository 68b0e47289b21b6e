export * from './lib/schema-version';
export * from './lib/pair-ids';
export * from './lib/backtest-result';
// Cycles and compare results.
export * from './lib/cycles-result';
export * from './lib/compare-result';
// The event study of `ratecut validate event`.
export * from './lib/event-study-result';
// The data-snooping tests of `ratecut validate spa`.
export * from './lib/spa-result';
// Leave-one-cycle-out and walk-forward validation of `ratecut validate loco` and `walk-forward`.
export * from './lib/out-of-sample-result';
// The calibration of the scenario simulator, `ratecut validate calibration`.
export * from './lib/calibration-result';
// The current cycle against history, `ratecut now`.
export * from './lib/now-result';

// backtest and sweep: the backtest configuration and the sweep table
export * from './lib/backtest-config';
export * from './lib/sweep-result';
// Simulate: the scenario file and the ratecut.simulate result.
export * from './lib/scenario';
export * from './lib/simulate-result';
// Static sharding: a shard's block outputs, `ratecut <command> --shard k/N`, read by `ratecut merge`.
export * from './lib/partial-result';
export * from './lib/queue-job';
