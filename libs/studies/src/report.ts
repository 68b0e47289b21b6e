/**
 * `@ratecut/studies/report`: the report study, backtest and simulate results drawn as one
 * self-contained HTML page. A separate entry point, so other commands do not load it.
 */
// The report study: backtest and simulate results drawn as one self-contained HTML page.
export {
  planReportStudy, reportHtmlOf, reportSectionBlock,
  type ReportSource, type ReportStudyOptions, type ReportPlan, type ReportBlock, type ReportStudy,
} from './lib/report/report-study';
export { REPORT_KINDS, type ReportInput, type BacktestReportDoc, type SimulateReportDoc } from './lib/report/report-input';
export { reportSection, type ReportPart, type ReportSection } from './lib/report/report-html';
export { reportPage, type ReportPageAssets } from './lib/report/report-page';
export type { VegaLiteSpec } from './lib/report/chart-spec';
export { cycleEquitySpec, cycleGridData, drawdownSpec } from './lib/report/backtest-charts';
export { equityLines, type EquityLine } from './lib/report/backtest-lines';
export { backtestHeadline, type BacktestHeadline } from './lib/report/backtest-headline';
export { backtestMetrics, type MetricsTable } from './lib/report/backtest-metrics-table';
export { cycleExcess, cycleLabel, type CycleExcess } from './lib/report/cycle-excess';
export { cycleExcessHeatmapSpec } from './lib/report/cycle-excess-heatmap';
export { growthSpec } from './lib/report/growth-chart';
export { weeklyRows, weekGroups } from './lib/report/row-sampling';
export { fanSpec, fanSteps, histogramSpec, spreadFanSpec, spreadHistogramSpec, innerBins, type InnerBins } from './lib/report/simulate-charts';
export { exceedanceSpec } from './lib/report/exceedance-chart';
export { exceedanceCurve, exceedanceAt, simulatedExceedance, type ExceedancePoint, type ExceedanceValue, type ExceedanceLeg } from './lib/report/exceedance';
export { simulateHeadline, type SimulateHeadline } from './lib/report/simulate-headline';
export { probabilityTable, type ProbabilityTable, type ProbabilityRow } from './lib/report/simulate-tables';
export { legNames, PAIR_LEG_NAMES, type LegNames } from './lib/report/leg-names';
export { readVegaRuntime, readBundle, packageFolder, packageVersion, loadUmdBundle, VEGA_RUNTIME, VEGA_LITE_COMPILER, type VegaBundle } from './lib/report/vega-assets';
export { compileChart, vegaLiteVersion, type VegaSpec, type CompiledChart } from './lib/report/compile-charts';
export { PAGE_BOOT } from './lib/report/page-boot';
export { packText, unpackText, readPackedBlock, readPageCharts, SPECS_BLOCK_ID, RUNTIME_BLOCK_ID } from './lib/report/page-packing';
export { sweepSpec, sweepGrid, sweepMetric, sweepDeflatedSharpe, type SweepGrid, type SweepCell, type SweepMetric } from './lib/report/sweep-charts';
