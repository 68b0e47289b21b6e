export type { Study, AnyStudy, BlockExecutor } from './lib/study/study';
export type { StudyEvent, StudyProgress } from './lib/study/study-event';
export type { StudyData } from './lib/inputs/study-data';
export { runStudy, studyResult, type RunStudyOptions } from './lib/study/run-study';
export { splitRange, type ItemRange } from './lib/study/split-range';

// The report study: backtest and simulate results drawn as one self-contained HTML page.
export {
  planReportStudy, reportHtmlOf, reportSectionBlock,
  type ReportSource, type ReportStudyOptions, type ReportPlan, type ReportBlock, type ReportStudy,
} from './lib/report/report-study';
export { REPORT_KINDS, type ReportInput, type BacktestReportDoc, type SimulateReportDoc } from './lib/report/report-input';
export { reportSection, reportPage, type ReportPart, type ReportSection, type ReportPageAssets } from './lib/report/report-html';
export { cycleEquitySpec, drawdownSpec, fanSpec, histogramSpec, equityLines, cycleTitle, SAMPLE_EVERY, type VegaLiteSpec, type EquityLine } from './lib/report/report-charts';
export { readVegaBundles, packageFolder, VEGA_BUNDLES, type VegaBundle } from './lib/report/vega-assets';
// Cycles study: pair returns after each first cut.
export { CYCLES_EPISODE_MONTHS, type CyclesSettings } from './lib/cycles/cycles-settings';
export { measurePairCycles, MEASURE_PAIR_CYCLES, type CyclesContext, type CyclesBlock, type CyclesPairInput } from './lib/cycles/measure-pair-cycles';
export { planCyclesStudy, type CyclesRequest, type CyclesPlan, type CyclesStudy } from './lib/cycles/plan-cycles-study';
// Compare study: paired statistics, bootstrap intervals, deflated Sharpe ratios, comparability.
export type { CompareInput, BacktestInput, SimulateInput, SweepInput, SweepRow } from './lib/compare/compare-input';
export { readCompareInput, compareInputOf, COMPARE_KINDS } from './lib/compare/read-compare-input';
export type { BootstrapOptions } from './lib/compare/paired-comparison';
export { runCompareBlock, COMPARE_BLOCK, type CompareContext, type CompareBlock, type CompareBlockOutput } from './lib/compare/compare-block';
export { planCompareStudy, COMPARE_SYNTHETIC_NOTICE, type CompareRequest, type ComparePlan, type CompareStudy } from './lib/compare/plan-compare-study';
// backtest/: the backtest study (configuration checks, data, replays, the ratecut.backtest/2 result)
export { planBacktestStudy, type BacktestRequest, type BacktestStudy } from './lib/backtest/plan-backtest-study';
export { COMMAND_LINE, type ConfigSource } from './lib/backtest/config-source';
export { runBacktestBlock, BACKTEST_BLOCK_EXECUTOR, type BacktestBlock, type BacktestBlockOutput, type BacktestContext, type LabelledStrategy } from './lib/backtest/backtest-block';
export type { BacktestPlan } from './lib/backtest/build-backtest-result';

// sweep/: the relative-momentum sweep study (the ratecut.sweep/1 table)
export { planSweepStudy, sweepBlocks, SWEEP_BLOCK_COMBINATIONS, type SweepRequest, type SweepStudy, type SweptParameter } from './lib/sweep/plan-sweep-study';
export { runSweepBlock, SWEEP_BLOCK_EXECUTOR, SWEEP_BLOCK_METRICS, type SweepContext } from './lib/sweep/sweep-block';
// simulate: Monte Carlo scenarios (see lib/simulate/)
export { planSimulateStudy, isUncoveredAnalogsIssue, type SimulatePlan, type SimulateRequest, type SimulateStudy } from './lib/simulate/plan-simulate-study';
export { loadScenario, type LoadedScenario } from './lib/simulate/load-scenario';
export type { SimulateTarget } from './lib/simulate/simulate-target';
export { defaultWorkers, type SimulationEstimate, type WorkerChoice } from './lib/simulate/simulation-budget';
export type { PathJob, PathModel } from './lib/simulate/path-job';
export { pathOutcomesStudy, type PathOutcomesPlan } from './lib/simulate/path-outcomes-study';
// output/: writing a run's result files as one unit, replacing a folder, file-system errors in words
export {
  writeResultSet, checkOutputs, refuseFolderOut, acquireLock, installSignalCleanup, onInterrupt,
  type WriterFs, type OutputFile, type WriteOptions,
} from './lib/output/result-set-writer';
export { replaceFolder, type ReplaceFolderOptions } from './lib/output/replace-folder';
export { FileError, isErrnoError, errnoInWords, describeFileFailure, asFileError, describeStrayErrno, type FileAction } from './lib/output/file-error';

// results/: the one reader of result files named on the command line (backtest, simulate, sweep)
export { readResultFile, readResultDocument } from './lib/result-files/read-result-file';
export { checkResultDocument } from './lib/result-files/check-result-document';
export { checkSweepText } from './lib/result-files/check-sweep-text';
export {
  describeResultKinds,
  type ResultFile, type ResultFileOf, type ResultDocument, type LocateJsonValue, type JsonResultKind, type ReadableResultKind,
} from './lib/result-files/result-file';
