export * from './lib/schema-version';
export * from './lib/backtest-result';

// backtest and sweep: the backtest configuration and the sweep table
export * from './lib/backtest-config';
export * from './lib/sweep-result';
