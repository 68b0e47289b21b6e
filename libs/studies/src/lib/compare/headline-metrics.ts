import type { CompareCycleTableJson, CompareMetricsJson } from '@ratecut/contracts';
import { winShare } from '@ratecut/sim-core';
import { backtestInputs, finiteOrNull as fin, isBenchmarkCurve, strategyEntries, type StrategyEntry } from './compare-entries';
import type { CompareInput } from './compare-input';

const nan = (x: number | null | undefined): number => (x === null || x === undefined ? NaN : x);

/** Headline metrics of one strategy as written in its file; a strategy that is its benchmark is labelled so and has no hit rate. */
function metricsRow(e: StrategyEntry): CompareMetricsJson {
  const m = e.strategy.full.metrics;
  const same = isBenchmarkCurve(e);
  return {
    label: same && !e.label.includes(':benchmark:') ? `${e.label} (= benchmark)` : e.label,
    totalReturn: fin(m.totalReturn), cagr: fin(m.cagr), volatility: fin(m.annualizedVolatility), sharpe: fin(m.sharpeRatio),
    maxDrawdown: fin(m.maxDrawdown.depth), calmar: fin(m.calmarRatio),
    // The benchmark against itself has no hit rate: n/a, not 0 %.
    cycleHitRate: same ? null : fin(e.strategy.aggregates.find((a) => a.group === 'all')?.hitRate),
  };
}

/**
 * Headline metrics over the full history of every strategy of the backtest inputs, then of the
 * first file's benchmark (without a hit rate): total return, CAGR, volatility, Sharpe ratio,
 * maximum drawdown, Calmar ratio and the share of cycles beating the benchmark, as the files
 * wrote them (non-finite values as null).
 */
export function headlineMetrics(inputs: readonly CompareInput[]): CompareMetricsJson[] {
  const metrics = strategyEntries(inputs).map(metricsRow);
  const [b] = backtestInputs(inputs);
  if (b !== undefined) metrics.push({ ...metricsRow({ label: `${b.name}:${b.doc.benchmark.label}`, result: b, strategy: b.doc.benchmark }), cycleHitRate: null });
  return metrics;
}

/**
 * Per-cycle total returns of every strategy (cycle ids sorted; a cycle is a recession cycle if
 * any file says so, complete if no file says otherwise), the first minus the second strategy
 * when there are exactly two, and then how often the first beat the second (`winShare`: cycles
 * where either value is missing are not counted). Null when no strategy is compared.
 */
export function cycleTable(inputs: readonly CompareInput[]): CompareCycleTableJson | null {
  const entries = strategyEntries(inputs);
  if (entries.length === 0) return null;
  const ids = [...new Set(entries.flatMap((e) => e.strategy.cycles.map((c) => c.cycleId)))].sort();
  const rows = ids.map((id) => {
    const cs = entries.map((e) => e.strategy.cycles.find((c) => c.cycleId === id));
    const values = cs.map((c) => fin(c?.totalReturn));
    const difference = values.length === 2 && values[0] !== null && values[1] !== null ? values[0] - values[1] : null;
    return { cycleId: id, recession: cs.some((c) => c?.recession === true), complete: cs.every((c) => c?.complete !== false), values, difference };
  });
  let aBeatB: CompareCycleTableJson['aBeatB'] = null;
  if (entries.length === 2) {
    const w = winShare(rows.map((r) => nan(r.values[0])), rows.map((r) => nan(r.values[1])));
    aBeatB = { a: entries[0].label, b: entries[1].label, wins: w.wins, count: w.count, share: fin(w.share) };
  }
  return { labels: entries.map((e) => e.label), rows, aBeatB };
}
