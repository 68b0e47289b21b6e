/** `@ratecut/studies/compare`: the compare study: comparability, paired statistics, deflated Sharpe ratios. */
// Compare study: paired statistics, bootstrap intervals, deflated Sharpe ratios, comparability.
export type { CompareInput, BacktestInput, SimulateInput, SweepInput, SweepRow } from './lib/compare/compare-input';
export { readCompareInput, compareInputOf, COMPARE_KINDS } from './lib/compare/read-compare-input';
export type { BootstrapOptions } from './lib/compare/paired-comparison';
export { runCompareBlock, COMPARE_BLOCK, type CompareContext, type CompareBlock, type CompareBlockOutput } from './lib/compare/compare-block';
export { planCompareStudy, COMPARE_SYNTHETIC_NOTICE, type CompareRequest, type ComparePlan, type CompareStudy } from './lib/compare/plan-compare-study';
