import type { BacktestResultJson, StrategyResultJson } from '@ratecut/contracts';

const pct = (x: number | null, d = 1): string => (x !== null ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(d)}%` : 'n/a');
const share = (x: number | null): string => (x !== null ? `${Math.round(x * 100)}%` : 'n/a');
const fix = (x: number | null, d = 2): string => (x !== null ? x.toFixed(d) : 'n/a');

function grid(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

/** A strategy's label, marked when it is defined exactly as the benchmark. */
const label = (s: StrategyResultJson): string => (s.sameAsBenchmark && !s.label.startsWith('benchmark:') ? `${s.label} (= benchmark)` : s.label);

/** The printed summary: headline metrics over the full history, then per-cycle aggregates vs the benchmark. */
export function formatBacktestSummary(r: BacktestResultJson): string {
  const all: StrategyResultJson[] = [r.benchmark, ...r.strategies];
  const lines: string[] = [];
  if (r.notice) lines.push(r.notice);
  lines.push(`ratecut backtest: ${r.data.pair.id} (${r.data.pair.returnBasis})`);
  lines.push(`Data ${r.data.first} to ${r.data.last}, ${r.data.rows} rows; ${r.conventions.execution}; ${r.conventions.costs}`);
  lines.push(`Cash: ${r.conventions.cash}`);
  lines.push('');
  lines.push('Full history');
  const head = ['strategy', 'CAGR', 'vol', 'Sharpe', 'max DD', 'Calmar', 'rebalances', 'trades', 'excess/yr', 'IR'];
  lines.push(...grid([head, ...all.map((s) => {
    const m = s.full.metrics;
    return [label(s), pct(m.cagr), pct(m.annualizedVolatility), fix(m.sharpeRatio), pct(m.maxDrawdown.depth), fix(m.calmarRatio),
      String(m.rebalanceCount ?? 'n/a'), String(m.tradeCount ?? 'n/a'), pct(m.excessReturn), fix(m.informationRatio)];
  })]).map((l) => `  ${l}`));
  lines.push('  rebalances = closes with trades; trades = assets bought or sold (a switch is one rebalance, two trades)');
  if (all.some((s) => s.sameAsBenchmark)) lines.push('  n/a relative to the benchmark: the benchmark itself (and a strategy defined exactly as it, marked "= benchmark") is not compared with itself');
  const covered = r.cycles.filter((c) => c.covered).length;
  lines.push('');
  const episodes = r.cycles.filter((c) => c.covered && c.counted).length;
  const overlapping = r.cycles.filter((c) => c.covered && c.overlapsPrevious !== null).map((c) => `${c.id} (${c.overlapsPrevious})`);
  lines.push(`Easing cycles (${covered} covered of ${r.cycles.length}; window ${r.conventions.window})`);
  lines.push(`  aggregates over ${episodes} ${r.conventions.counting.startsWith('counted by episode') ? 'episodes' : 'cycles'}: ${r.conventions.counting}`);
  if (overlapping.length > 0) lines.push(`  windows overlapping the previous cycle's: ${overlapping.join(', ')}`);
  lines.push('  excess = strategy total return minus the benchmark\'s over each cycle window');
  const head2 = ['strategy', 'mean excess', 'median', 'hit rate', 'worst cycle', 'rec. mean', 'rec. hit', 'non-rec. mean', 'non-rec. hit'];
  const short = (s: StrategyResultJson): boolean => s.cycles.some((c) => c.warmupShortRows > 0);
  lines.push(...grid([head2, ...r.strategies.map((s) => {
    const [a, rec, non] = s.aggregates;
    return [`${label(s)}${short(s) ? ' !' : ''}`, pct(a.meanExcess), pct(a.medianExcess), share(a.hitRate), a.worstCycle === null ? 'n/a' : `${a.worstCycle} ${pct(a.worstExcess)}`,
      pct(rec.meanExcess), share(rec.hitRate), pct(non.meanExcess), share(non.hitRate)];
  })]).map((l) => `  ${l}`));
  if (r.strategies.some(short)) lines.push('  ! warm-up longer than the history before some cycle windows: the strategy starts there in cash (see the warnings)');
  return lines.join('\n') + '\n';
}
