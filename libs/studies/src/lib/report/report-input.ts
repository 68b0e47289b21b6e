import type { BacktestResultJson, SimulateResultJson } from '@ratecut/contracts';
import type { ResultFileOf } from '../result-files/result-file';

/** A backtest result as the report reads it: the contracts type (read with `backtestResultSchema`). */
export type BacktestReportDoc = BacktestResultJson;
/** A simulate result as the report reads it: the contracts type (read with `simulateResultSchema`). */
export type SimulateReportDoc = SimulateResultJson;

/** The result kinds a report draws. */
export const REPORT_KINDS = ['cycles', 'backtest', 'simulate', 'event-study', 'out-of-sample', 'calibration', 'now', 'spa', 'sweep', 'compare'] as const;

/**
 * One result ready for the report: the file it is named by, its kind, its schema as found and
 * its content checked with the kind's contracts schema (see `checkResultDocument`).
 */
export type ReportInput = ResultFileOf<(typeof REPORT_KINDS)[number]>;
