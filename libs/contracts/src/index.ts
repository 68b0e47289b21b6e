export * from './lib/schema-version';
export * from './lib/backtest-result';
