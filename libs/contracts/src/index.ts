export * from './lib/schema-version';
export * from './lib/backtest-result';
// Simulate: the scenario file and the ratecut.simulate result.
export * from './lib/scenario';
export * from './lib/simulate-result';
