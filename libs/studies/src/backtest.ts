/** `@ratecut/studies/backtest`: the backtest study and the relative-momentum sweep study. */
// backtest/: the backtest study (configuration checks, data, replays, the ratecut.backtest/2 result)
export { planBacktestStudy, type BacktestRequest, type BacktestStudy } from './lib/backtest/plan-backtest-study';
export { COMMAND_LINE, type ConfigSource } from './lib/backtest/config-source';
export { runBacktestBlock, BACKTEST_BLOCK_EXECUTOR, type BacktestBlock, type BacktestBlockOutput, type BacktestContext, type LabelledStrategy } from './lib/backtest/backtest-block';
export type { BacktestPlan } from './lib/backtest/build-backtest-result';
// sweep/: the sweep study of any built-in (the ratecut.sweep/2 table)
export { planSweepStudy, sweepBlocks, SWEEP_BLOCK_COMBINATIONS, MAX_SWEEP_COMBINATIONS, KERNEL_SWEEP_BLOCK_COMBINATIONS, type SweepRequest, type SweepStudy, type SweptParameter } from './lib/sweep/plan-sweep-study';
export { gridCombination, gridSize, runKernelSweepBlock, type KernelSweepContext } from './lib/sweep/kernel-sweep-block';
export { runMomentumSweepBlock, type MomentumSweepContext } from './lib/sweep/momentum-sweep-block';
export { runSweepBlock, SWEEP_BLOCK_EXECUTOR, SWEEP_BLOCK_METRICS, sweepMerger, type SweepContext, type SweepRunMemory } from './lib/sweep/sweep-block';
