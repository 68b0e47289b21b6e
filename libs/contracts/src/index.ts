export * from './lib/schema-version';
export * from './lib/backtest-result';
// Cycles and compare results.
export * from './lib/cycles-result';
export * from './lib/compare-result';
