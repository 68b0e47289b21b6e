import type { BacktestResultJson, SimulateResultJson } from '@ratecut/contracts';

/** One trial of a sweep table: its parameters in words (`k=2 threshold=0`) and its Sharpe ratio over cash (annualised). */
export interface SweepRow {
  readonly params: string;
  readonly sharpe: number;
}

/**
 * A result file read for a comparison: a backtest or simulate result (checked against its
 * schema), or a sweep table. `file` is the path as given, `name` how outputs label it (its base
 * name), `schema` the schema value as found (e.g. `ratecut.backtest/2`, `ratecut.sweep/2`).
 */
export type CompareInput =
  | { readonly kind: 'backtest'; readonly file: string; readonly name: string; readonly schema: string; readonly doc: BacktestResultJson }
  | { readonly kind: 'simulate'; readonly file: string; readonly name: string; readonly schema: string; readonly doc: SimulateResultJson }
  | {
    readonly kind: 'sweep'; readonly file: string; readonly name: string; readonly schema: string;
    /** True when the sweep ran on the bundled synthetic sample (its header says so). */
    readonly synthetic: boolean;
    /** The comment line that describes the sweep (pair, period, rows), or empty. */
    readonly description: string;
    readonly pair: string | null; readonly first: string | null; readonly last: string | null;
    /** Rows of the swept data (observations + 1), or null when the comments do not say. */
    readonly rows: number | null; readonly periodsPerYear: number; readonly trials: readonly SweepRow[];
  };

/** A backtest input. */
export type BacktestInput = Extract<CompareInput, { kind: 'backtest' }>;
/** A simulate input. */
export type SimulateInput = Extract<CompareInput, { kind: 'simulate' }>;
/** A sweep-table input. */
export type SweepInput = Extract<CompareInput, { kind: 'sweep' }>;
