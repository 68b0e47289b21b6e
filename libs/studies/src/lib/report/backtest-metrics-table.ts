import { beta, equityReturns } from '@ratecut/sim-core';
import { equityLines } from './backtest-lines';
import { legNames } from './leg-names';
import type { BacktestReportDoc } from './report-input';
import { esc, plainPct, signedPct } from './section-parts';

/** The full-history metrics of one run, as the report's metrics table shows them (decimals; null = undefined). */
export interface MetricsRow {
  readonly name: string;
  readonly cagr: number | null;
  readonly volatility: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly maxDrawdown: number | null;
  readonly calmar: number | null;
  /** Beta to the reference run (see {@link MetricsTable.betaTo}). */
  readonly beta: number | null;
}

/** The metrics table of a backtest: one row per run drawn, and what beta is measured against. */
export interface MetricsTable {
  /** The run beta is measured against, in words: the large leg held (e.g. "S&P 500") when the run has it, else the benchmark's name. */
  readonly betaTo: string;
  readonly rows: readonly MetricsRow[];
}

const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/**
 * CAGR, annualised volatility, Sharpe, Sortino, maximum drawdown and Calmar ratio of every run
 * drawn (see `equityLines`) over the full history, as the result states them
 * (`full.metrics`), and the beta of each run to the large-cap leg held (the benchmark when the
 * run has no `buy-hold-large`), which the result gives only against the benchmark and not for
 * the benchmark itself: computed here from the full-history equity columns, the OLS slope of
 * the run's period returns on the reference's (sim-core `beta`, `equityReturns`).
 */
export function backtestMetrics(doc: BacktestReportDoc): MetricsTable {
  const lines = equityLines(doc);
  const reference = lines.find((l) => l.role === 'large') ?? lines.find((l) => l.benchmark) ?? lines[0];
  const refReturns = reference === undefined ? new Float64Array(0) : equityReturns(doc.equity.series[reference.key]);
  const rows = lines.map((l): MetricsRow => {
    const m = l.result.full.metrics;
    const r = equityReturns(doc.equity.series[l.key]);
    return {
      name: l.name,
      cagr: num(m.cagr),
      volatility: num(m.annualizedVolatility),
      sharpe: num(m.sharpeRatio),
      sortino: num(m.sortinoRatio),
      maxDrawdown: num(m.maxDrawdown.depth),
      calmar: num(m.calmarRatio),
      beta: r.length === refReturns.length ? num(beta(r, refReturns)) : null,
    };
  });
  const legs = legNames(doc.data.pair);
  return { betaTo: reference === undefined ? 'the benchmark' : reference.role === 'large' ? legs.large : reference.name, rows };
}

const ratio = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));

/** The metrics table as HTML: one row per run, the best value of each column in bold (highest, or shallowest drawdown; beta not ranked). */
export function metricsTableHtml(table: MetricsTable): string {
  if (table.rows.length === 0) return '<p class="note">No run to show.</p>';
  const cols: { head: string; get: (r: MetricsRow) => number | null; fmt: (x: number | null) => string; best: boolean }[] = [
    { head: 'CAGR', get: (r) => r.cagr, fmt: (x) => signedPct(x), best: true },
    { head: 'volatility', get: (r) => r.volatility, fmt: plainPct, best: false },
    { head: 'Sharpe', get: (r) => r.sharpe, fmt: ratio, best: true },
    { head: 'Sortino', get: (r) => r.sortino, fmt: ratio, best: true },
    { head: 'max drawdown', get: (r) => r.maxDrawdown, fmt: (x) => signedPct(x), best: true },
    { head: 'Calmar', get: (r) => r.calmar, fmt: ratio, best: true },
    { head: `beta to ${table.betaTo}`, get: (r) => r.beta, fmt: ratio, best: false },
  ];
  const best = cols.map((c) => {
    const xs = table.rows.map(c.get).filter((x): x is number => x !== null);
    return c.best && xs.length > 1 ? Math.max(...xs) : null;
  });
  const head = `<tr><th>run</th>${cols.map((c) => `<th>${esc(c.head)}</th>`).join('')}</tr>`;
  const body = table.rows.map((r) => `<tr><th>${esc(r.name)}</th>${cols.map((c, j) => {
    const x = c.get(r);
    const strong = x !== null && best[j] !== null && x === best[j];
    return `<td>${strong ? `<b>${c.fmt(x)}</b>` : c.fmt(x)}</td>`;
  }).join('')}</tr>`).join('');
  return `<div class="scroll"><table class="metrics"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}
