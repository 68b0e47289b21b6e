import { comparedStrategies } from './backtest-lines';
import type { BacktestReportDoc } from './report-input';

/** One cycle window of a backtest run, as the result lists it under each strategy. */
export interface CycleWindow {
  readonly cycleId: string;
  readonly recession: boolean;
  readonly start: string;
  readonly end: string;
  readonly anchor: string;
  readonly complete: boolean;
}

/** One row of the excess table and heatmap: a cycle window and each compared strategy's excess in it. */
export interface CycleExcessRow {
  readonly cycle: CycleWindow;
  /** The cycle in words: id, "recession", "cut short" when the window runs past the data. */
  readonly label: string;
  /** True when the cycle enters the aggregates (mean, median, hit rate). */
  readonly counted: boolean;
  /** The episode a cycle that is not counted joins (its first cycle's id), else null. */
  readonly joins: string | null;
  /** `excessTotalReturn` of each strategy of {@link CycleExcess.strategies} in this window (null: not compared). */
  readonly excess: readonly (number | null)[];
}

/** The per-cycle excess returns of a backtest, cycles as rows and strategies as columns, with the result's aggregates. */
export interface CycleExcess {
  /** Column labels: the compared strategies. */
  readonly strategies: readonly string[];
  readonly rows: readonly CycleExcessRow[];
  /** Number of cycles in the aggregates (the `all` group). */
  readonly countedCycles: number;
  /** Mean, median excess and hit rate of each strategy over the counted cycles (the result's `all` aggregates). */
  readonly mean: readonly (number | null)[];
  readonly median: readonly (number | null)[];
  readonly hitRate: readonly (number | null)[];
}

/** The cycle windows of a backtest run (the benchmark's, which every strategy shares). */
export function cycleWindows(doc: BacktestReportDoc): readonly CycleWindow[] {
  return doc.benchmark.cycles.length > 0 ? doc.benchmark.cycles : doc.strategies[0]?.cycles ?? [];
}

/** A cycle window in words: its id, then ", recession" for a recession cycle and ", cut short" when the window runs past the data. */
export function cycleLabel(c: { cycleId: string; recession: boolean; complete: boolean }): string {
  return `${c.cycleId}${c.recession ? ', recession' : ''}${c.complete ? '' : ', cut short'}`;
}

/**
 * The window runs' excess total returns (`strategies[i].cycles[j].excessTotalReturn`: the
 * strategy's total return minus the benchmark's over the window, both runs starting in cash),
 * one row per cycle window in date order and one column per compared strategy, with the
 * aggregates as the result states them. The heatmap and the table are both drawn from this,
 * so they show the same numbers.
 */
export function cycleExcess(doc: BacktestReportDoc): CycleExcess {
  const strategies = comparedStrategies(doc);
  const listed = new Map(doc.cycles.map((c) => [c.id, c]));
  const rows = cycleWindows(doc).map((w): CycleExcessRow => {
    const c = listed.get(w.cycleId);
    const counted = c === undefined ? true : c.counted;
    return {
      cycle: { cycleId: w.cycleId, recession: w.recession, start: w.start, end: w.end, anchor: w.anchor, complete: w.complete },
      label: cycleLabel(w),
      counted,
      joins: !counted && c !== undefined && c.episode !== null && c.episode !== w.cycleId ? c.episode : null,
      excess: strategies.map((s) => s.cycles.find((x) => x.cycleId === w.cycleId)?.excessTotalReturn ?? null),
    };
  });
  const all = strategies.map((s) => s.aggregates.find((a) => a.group === 'all'));
  return {
    strategies: strategies.map((s) => s.label),
    rows,
    countedCycles: all.find((a) => a !== undefined)?.cycles ?? rows.filter((r) => r.counted).length,
    mean: all.map((a) => a?.meanExcess ?? null),
    median: all.map((a) => a?.medianExcess ?? null),
    hitRate: all.map((a) => a?.hitRate ?? null),
  };
}
