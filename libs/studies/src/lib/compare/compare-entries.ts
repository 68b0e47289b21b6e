import type { BacktestResultJson, StrategyResultJson } from '@ratecut/contracts';
import type { BacktestInput, CompareInput } from './compare-input';

/** One strategy of a compared backtest file, labelled `file:strategy`. */
export interface StrategyEntry {
  readonly label: string;
  readonly result: BacktestInput;
  readonly strategy: StrategyResultJson;
}

/** The backtest inputs, in input order. */
export function backtestInputs(inputs: readonly CompareInput[]): BacktestInput[] {
  return inputs.filter((r): r is BacktestInput => r.kind === 'backtest');
}

/** Every strategy of every backtest input (benchmarks excluded), labelled `name:label`, in input order. */
export function strategyEntries(inputs: readonly CompareInput[]): StrategyEntry[] {
  return backtestInputs(inputs).flatMap((r) => r.doc.strategies.map((s) => ({ label: `${r.name}:${s.label}`, result: r, strategy: s })));
}

/** Daily returns of one equity column (consecutive values); empty when the column is absent. */
export function equityReturns(doc: BacktestResultJson, label: string): Float64Array {
  const e = doc.equity.series[label] ?? [];
  const out = new Float64Array(Math.max(0, e.length - 1));
  for (let i = 1; i < e.length; i += 1) out[i - 1] = e[i] / e[i - 1] - 1;
  return out;
}

/** True when a strategy's equity curve is its file's benchmark's: it is the benchmark (older files wrote 0 for its excess). */
export function isBenchmarkCurve(e: StrategyEntry): boolean {
  const s = e.result.doc.equity.series[e.strategy.label], b = e.result.doc.equity.series[e.result.doc.benchmark.label];
  return s !== undefined && b !== undefined && s.length === b.length && s.every((v, i) => v === b[i]);
}

/** A finite number, else null (NaN, infinities, null and undefined). */
export const finiteOrNull = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
