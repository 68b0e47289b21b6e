import { cycleEquitySpec, drawdownSpec } from './backtest-charts';
import { backtestHeadline } from './backtest-headline';
import { benchmarkWords, comparedStrategies } from './backtest-lines';
import { backtestMetrics, metricsTableHtml } from './backtest-metrics-table';
import { cycleExcess } from './cycle-excess';
import { cycleExcessHeatmapSpec, excessColourLimit } from './cycle-excess-heatmap';
import { cycleExcessTable } from './cycle-excess-table';
import { fileDetails, fileTitle } from './file-header';
import { growthSpec } from './growth-chart';
import type { BacktestReportDoc, ReportInput } from './report-input';
import { thinsRows } from './row-sampling';
import { esc, type SectionParts } from './section-parts';

/** How the charts thin the rows of this run, in words (for the captions). */
export function samplingWords(doc: BacktestReportDoc, daily: string): string {
  if (thinsRows(doc.equity.dates)) return daily;
  const p = doc.data.periodsPerYear;
  const frequency = p === 12 ? 'monthly ' : p === 52 ? 'weekly ' : '';
  return `Every ${frequency}row of the data is drawn.`;
}

/** The section title: the strategies compared (or their number) and the benchmark. */
function sectionTitle(doc: BacktestReportDoc): string {
  const labels = comparedStrategies(doc).map((s) => s.label);
  const what = labels.length === 0 ? 'the benchmark alone' : labels.length <= 3 ? labels.join(', ') : `${labels.length} strategies`;
  return `Backtest: ${what} against ${benchmarkWords(doc)}`;
}

/**
 * The section of a backtest result: the headline (did the strategies beat the benchmark over
 * the counted cycles, and over the full history), the data in one line with the rest folded
 * away, the full-history metrics table, growth of 1 on a log scale with the easing cycles
 * shaded, the per-cycle excess heatmap and the same numbers as a table, the per-cycle grid of
 * the window runs, and the drawdowns.
 */
export function backtestSection(page: SectionParts, input: Extract<ReportInput, { kind: 'backtest' }>, index: number): void {
  const doc = input.doc;
  const headline = backtestHeadline(doc);
  const excess = cycleExcess(doc);
  const bench = esc(benchmarkWords(doc));
  page.html(fileTitle(index, sectionTitle(doc), doc.notice, doc.data));
  page.headline(headline.question, headline.answerHtml);
  page.html(fileDetails(input, doc.data, doc.commandLine, doc.conventions));

  const metrics = backtestMetrics(doc);
  page.html(
    `<h3>Full history: metrics</h3>`,
    metricsTableHtml(metrics),
    `<p class="note">${esc(`${doc.data.first} to ${doc.data.last}, from the result's full-history runs: CAGR and volatility a year, Sharpe and Sortino ratios over the cash return, maximum drawdown from the running peak, Calmar = CAGR / |max drawdown|; beta = slope of each run's period returns on those of ${metrics.betaTo} (computed here from the equity columns). Bold: the best of a column.`)}</p>`,
  );
  page.chart(growthSpec(doc), `Growth of 1 over the full history, log scale; small and large caps held thick in their colours, strategies thin. Shaded: each easing cycle from its first to its last cut (a line at the first cut), grey when the cycle came with a recession. ${samplingWords(doc, 'Daily rows drawn as the last row of each calendar week.')}`);

  page.html(`<h3>Excess total return per easing cycle (strategy minus the benchmark, ${bench})</h3>`);
  const counting = excess.rows.some((r) => !r.counted)
    ? ` A cycle marked "joins" is a resumption inside an earlier cycle's episode: shown, but not in the mean, median and hit rate (${excess.countedCycles} counted).`
    : '';
  page.chart(cycleExcessHeatmapSpec(excess), `Each cell: the strategy's window run minus the benchmark's over the cycle window (${doc.config.window.beforeMonths} months before to ${doc.config.window.afterMonths} after the ${doc.config.window.anchor === 'last-cut' ? 'last' : 'first'} cut; both runs start in cash), green = beat the benchmark, red = trailed it, colour scale centred on 0 and full beyond ±${Math.round(excessColourLimit(excess) * 100)} % (the 90th percentile of the cells' size). "recession" = recession cycle; "cut short" = the window runs past the data.${counting}`);
  page.html(cycleExcessTable(excess));

  page.html(`<h3>Window runs per easing cycle</h3>`);
  page.chart(cycleEquitySpec(doc), `Each panel is one cycle window, on one y scale for all panels; x = calendar months from the first cut (dashed line). Lines: small and large caps held over the window as the table counts them (1 in cash at the window's first close, the index held from the purchase ${doc.config.executionLag} row${doc.config.executionLag === 1 ? '' : 's'} later; the purchase's cost and the cash interest before it left out). Dots: each run's value at the window's end (1 + its window total return, from the result), so a strategy's dot minus the benchmark's is its excess in the table; a leg's dot sits a hair off its line by that cost and interest. ${samplingWords(doc, 'Daily rows drawn as the last row of each calendar week, plus the window\'s first row and the purchase row.')}`);

  page.html(`<h3>Drawdown, full history</h3>`);
  page.chart(drawdownSpec(doc), `Drawdown from the running peak of each full-history equity curve (${doc.data.first} to ${doc.data.last}), computed on every row. ${samplingWords(doc, 'Daily rows drawn as one point per calendar week: the deepest row of the week, at its own date, so no trough is lost.')}`);
}
