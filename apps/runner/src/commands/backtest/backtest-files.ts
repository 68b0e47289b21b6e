import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../../cli/command';
import { toJsonText } from '../../cli/json-text';
import { writeFileAtomic } from '../../cli/write-output';
import type { BacktestResultJson } from './backtest-result';

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
  const info = new Map(r.cycles.map((c) => [c['id'], c]));
  const rows = [r.benchmark, ...r.strategies].flatMap((s) =>
    s.cycles.map((c) => {
      const dd = c.metrics['maxDrawdown'] as Record<string, unknown>;
      const k = info.get(c.cycleId);
      return [s.label, c.cycleId, c.recession, c.start, c.end, c.anchor, c.complete, c.totalReturn, c.benchmarkTotalReturn, c.excessTotalReturn,
        c.metrics['cagr'], c.metrics['annualizedVolatility'], c.metrics['sharpeRatio'], dd['depth'], c.metrics['rebalanceCount'], c.metrics['tradeCount'], c.warmupShortRows,
        k?.['overlapsPrevious'] ?? '', k?.['episode'] ?? '', k?.['counted'] ?? ''];
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
 * Writes the result file and its side files. Refuses (before writing anything) when one
 * exists and `force` is false; each file is written atomically.
 */
export function writeBacktestFiles(r: BacktestResultJson, out: string, force: boolean, cwd: string): string[] {
  const paths = resultPaths(out);
  const all = [paths.json, paths.equity, paths.trades, paths.cycles];
  if (!force) {
    const existing = all.filter((p) => existsSync(resolve(cwd, p)));
    if (existing.length > 0) throw new UsageError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace`);
  }
  return [
    writeFileAtomic(paths.json, toJsonText(r), true, cwd),
    writeFileAtomic(paths.equity, equityCsv(r), true, cwd),
    writeFileAtomic(paths.trades, tradesCsv(r), true, cwd),
    writeFileAtomic(paths.cycles, cyclesCsv(r), true, cwd),
  ];
}
