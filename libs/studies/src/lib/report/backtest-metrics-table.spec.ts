import { backtestDocument } from '../../testing/report-documents';
import { backtestMetrics, metricsTableHtml } from './backtest-metrics-table';

/** Beta by the textbook two-pass formula: sample covariance over sample variance of the period returns. */
function twoPassBeta(a: readonly number[], b: readonly number[]): number {
  const ra = a.slice(1).map((x, i) => x / a[i] - 1), rb = b.slice(1).map((x, i) => x / b[i] - 1);
  const ma = ra.reduce((s, x) => s + x, 0) / ra.length, mb = rb.reduce((s, x) => s + x, 0) / rb.length;
  let cov = 0, v = 0;
  for (let i = 0; i < ra.length; i += 1) { cov += (ra[i] - ma) * (rb[i] - mb); v += (rb[i] - mb) ** 2; }
  return cov / v;
}

describe('backtestMetrics', () => {
  const doc = backtestDocument();
  const table = backtestMetrics(doc);

  it('takes CAGR, volatility, Sharpe, Sortino, max drawdown and Calmar from the result, one row per run drawn', () => {
    expect(table.rows.map((r) => r.name)).toEqual(['Russell 2000 (buy-hold-small)', 'S&P 500 (buy-hold-large, benchmark)', 'cut-trigger']);
    expect(table.rows[2]).toMatchObject({ cagr: 0.06, volatility: 0.18, sharpe: 0.3, sortino: 0.4, maxDrawdown: -0.25, calmar: 0.24 });
    expect(table.rows[1].cagr).toBe(doc.benchmark.full.metrics.cagr);
  });

  it('computes beta to large caps from the equity columns (1 for large caps itself)', () => {
    expect(table.betaTo).toBe('S&P 500');
    const large = doc.equity.series['benchmark:buy-hold-large'];
    expect(table.rows[0].beta).toBeCloseTo(twoPassBeta(doc.equity.series['buy-hold-small'], large), 10);
    expect(table.rows[2].beta).toBeCloseTo(twoPassBeta(doc.equity.series['cut-trigger'], large), 10);
    expect(table.rows[1].beta).toBeCloseTo(1, 12);
  });

  it('writes the table with the best of each ranked column in bold', () => {
    const html = metricsTableHtml(table);
    expect(html).toContain('<th>beta to S&amp;P 500</th>');
    expect(html).toContain('<b>+7.0%</b>'); // best CAGR: small caps
    expect(html).toContain('<b>0.30</b>'); // best Sharpe: cut-trigger
    expect(html).toContain('<b>-20.0%</b>'); // shallowest drawdown: the benchmark
    expect(html).toContain('<td>22.0%</td>'); // volatility, not ranked
  });
});
