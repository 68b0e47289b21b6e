export type { Study, AnyStudy, BlockExecutor } from './lib/study/study';
export type { StudyEvent, StudyProgress } from './lib/study/study-event';
export { runStudy, studyResult, type RunStudyOptions } from './lib/study/run-study';
export { splitRange, type ItemRange } from './lib/study/split-range';

// backtest/: the backtest study (configuration checks, data, replays, the ratecut.backtest/2 result)
export { planBacktestStudy, type BacktestRequest, type BacktestStudy } from './lib/backtest/plan-backtest-study';
export { COMMAND_LINE, configIssue, type ConfigSource } from './lib/backtest/config-source';
export { buildStrategy, strategyIssues, sameDefinition, type BuiltStrategy } from './lib/backtest/build-strategy';
export { runBacktestBlock, BACKTEST_BLOCK_EXECUTOR, type BacktestBlock, type BacktestBlockOutput, type BacktestContext, type LabelledStrategy } from './lib/backtest/backtest-block';
export { buildBacktestResult, replayWarningsOf, type BacktestPlan } from './lib/backtest/build-backtest-result';
export { metricsJson, strategyResultJson } from './lib/backtest/strategy-result-json';
export { validateBacktestConfig } from './lib/backtest/validate-backtest-config';
export { loadBacktestMarket, executionLagIssues, type BacktestMarket } from './lib/backtest/load-backtest-market';
export { sha256File, displayInputPath, fingerprintInputs } from './lib/backtest/input-fingerprints';

// sweep/: the relative-momentum sweep study (the ratecut.sweep/1 table)
export { planSweepStudy, sweepBlocks, SWEEP_BLOCK_COMBINATIONS, type SweepRequest, type SweepStudy, type SweptParameter } from './lib/sweep/plan-sweep-study';
export { runSweepBlock, SWEEP_BLOCK_EXECUTOR, SWEEP_BLOCK_METRICS, type SweepContext } from './lib/sweep/sweep-block';
