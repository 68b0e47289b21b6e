import { stringify } from 'csv-stringify/sync';
import { toJsonText } from '../../cli/json-text';
import { refuseFolderOut, writeResultSet, type OutputFile, type WriteOptions } from '@ratecut/studies/output';
import type { BacktestResultJson } from '@ratecut/contracts';

/** Paths of a result file and its CSV side files (`run.json` → `run.equity.csv`, ...). */
export function resultPaths(out: string): { json: string; equity: string; trades: string; cycles: string } {
  const base = out.replace(/\.json$/i, '');
  return { json: `${base}.json`, equity: `${base}.equity.csv`, trades: `${base}.trades.csv`, cycles: `${base}.cycles.csv` };
}


const comment = (r: BacktestResultJson): string => (r.notice ? `# ${r.notice}\n` : '');

/** Equity curves, one column per strategy label (benchmark first), one row per date. */
export function equityCsv(r: BacktestResultJson): string {
  const labels = Object.keys(r.equity.series);
  const rows = r.equity.dates.map((d, i) => [d, ...labels.map((l) => r.equity.series[l][i])]);
  return comment(r) + stringify(rows, { header: true, columns: ['date', ...labels] });
}

/** Every trade of the full-history runs. Values in portfolio currency (initial capital = config). */
export function tradesCsv(r: BacktestResultJson): string {
  const rows = [r.benchmark, ...r.strategies].flatMap((s) => s.full.trades.map((t) => [s.label, ...t]));
  return comment(r) + stringify(rows, {
    header: true, columns: ['strategy', 'date', 'decided', 'asset', 'value', 'weight_before', 'weight_after', 'cost'],
  });
}

/** Per-cycle results of every strategy against the benchmark. */
export function cyclesCsv(r: BacktestResultJson): string {
  const info = new Map(r.cycles.map((c) => [c.id, c]));
  const rows = [r.benchmark, ...r.strategies].flatMap((s) =>
    s.cycles.map((c) => {
      const k = info.get(c.cycleId);
      return [s.label, c.cycleId, c.recession, c.start, c.end, c.anchor, c.complete, c.totalReturn, c.benchmarkTotalReturn, c.excessTotalReturn,
        c.metrics.cagr, c.metrics.annualizedVolatility, c.metrics.sharpeRatio, c.metrics.maxDrawdown.depth, c.metrics.rebalanceCount, c.metrics.tradeCount, c.warmupShortRows,
        k?.overlapsPrevious ?? '', k?.episode ?? '', k?.counted ?? ''];
    }),
  );
  return comment(r) + stringify(rows, {
    header: true,
    columns: ['strategy', 'cycle', 'recession', 'start', 'end', 'anchor', 'complete', 'total_return', 'benchmark_total_return', 'excess_total_return', 'cagr', 'volatility', 'sharpe', 'max_drawdown', 'rebalances', 'trades', 'warmup_short_rows',
      'overlaps_previous', 'episode', 'counted'],
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}

/**
 * Writes the result file, its side files and any `extra` files (the `--report`) as one set
 * through the result-set writer: every target is checked before anything is written, and
 * after a failure the previous files are unchanged. Returns the absolute paths written.
 */
export function writeBacktestFiles(r: BacktestResultJson, out: string, options: WriteOptions, extra: readonly OutputFile[] = []): string[] {
  refuseFolderOut(out, options, 'backtest.json');
  const paths = resultPaths(out);
  return writeResultSet([
    { path: paths.json, text: toJsonText(r) },
    { path: paths.equity, text: equityCsv(r) },
    { path: paths.trades, text: tradesCsv(r) },
    { path: paths.cycles, text: cyclesCsv(r) },
    ...extra,
  ], options);
}
