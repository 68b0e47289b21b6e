/**
 * The `ratecut backtest` result file (schema `ratecut.backtest/1`): plain JSON. Dates are
 * `YYYY-MM-DD`; returns and rates are decimals; NaN metrics are written as null. The same
 * inputs give byte-identical files (no timestamps, fixed key order).
 */
export const BACKTEST_SCHEMA = 'ratecut.backtest/1';

export type MetricsJson = Record<string, number | null | Record<string, number | string | null>>;

export interface StrategyResultJson {
  readonly label: string;
  /**
   * True for the benchmark and for a strategy defined exactly as it (same built-in, parameters
   * and schedule): its benchmark-relative metrics, excess returns and aggregates are null.
   */
  readonly sameAsBenchmark: boolean;
  readonly name: string;
  readonly description: string;
  readonly params: Record<string, number | string | boolean>;
  readonly schedule: unknown;
  readonly warmupRows: number;
  readonly full: {
    readonly first: string;
    readonly last: string;
    readonly metrics: MetricsJson;
    readonly trades: readonly (readonly [string, string, string, number, number, number, number])[];
    readonly rejected: readonly { readonly date: string; readonly reason: string }[];
  };
  readonly cycles: readonly {
    readonly cycleId: string;
    readonly recession: boolean;
    readonly start: string;
    readonly end: string;
    readonly anchor: string;
    readonly complete: boolean;
    readonly totalReturn: number | null;
    readonly benchmarkTotalReturn: number | null;
    readonly excessTotalReturn: number | null;
    /** Rows at the window's start before the strategy's warm-up allowed a decision (0 = from the first row). */
    readonly warmupShortRows: number;
    readonly metrics: MetricsJson;
  }[];
  readonly aggregates: readonly Record<string, number | string | null>[];
}

export interface BacktestResultJson {
  readonly notice?: string;
  readonly schema: typeof BACKTEST_SCHEMA;
  readonly ratecutVersion: string;
  readonly commandLine: string;
  readonly config: unknown;
  readonly data: {
    readonly catalog: string;
    readonly origin: string;
    readonly synthetic: boolean;
    readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
    readonly pair: { readonly id: string; readonly small: string; readonly large: string; readonly returnBasis: string };
    readonly first: string;
    readonly last: string;
    readonly rows: number;
    readonly periodsPerYear: number;
  };
  readonly conventions: Record<string, string>;
  /**
   * Every warning of the run (also printed on stderr): data warnings as
   * `file:line:column: warning code: message`, then problems of the replay itself (e.g. a
   * warm-up longer than the history before a cycle window).
   */
  readonly warnings: readonly string[];
  readonly cycles: readonly Record<string, string | number | boolean | null>[];
  readonly benchmark: StrategyResultJson;
  readonly strategies: readonly StrategyResultJson[];
  /** Full-history equity curves: dates and one column per strategy label (benchmark first). */
  readonly equity: { readonly dates: readonly string[]; readonly series: Record<string, readonly number[]> };
}
