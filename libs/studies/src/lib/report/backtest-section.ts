import { cycleEquitySpec, cycleTitle, drawdownSpec } from './backtest-charts';
import type { BacktestReportDoc, ReportInput } from './report-input';
import { esc, plainPct, signedPct, type SectionParts } from './section-parts';
import { fileHeader } from './file-header';

/** Strategy × cycle table of excess total returns (strategy minus benchmark over each cycle window). */
function cycleTable(doc: BacktestReportDoc): string {
  const cycles = doc.benchmark.cycles;
  if (cycles.length === 0 || doc.strategies.length === 0) return '<p class="note">No easing cycle covered by this run.</p>';
  const head = `<tr><th>strategy</th>${cycles.map((c) => `<th>${esc(cycleTitle(c))}</th>`).join('')}<th>mean</th><th>median</th><th>hit rate</th></tr>`;
  const benchEquity = doc.equity.series[doc.benchmark.label];
  const rows = doc.strategies.map((s) => {
    // A strategy whose equity is the benchmark's is the benchmark: no excess (n/a), also in older files that wrote 0.
    const e = doc.equity.series[s.label];
    const isBenchmark = e !== undefined && benchEquity !== undefined && e.length === benchEquity.length && e.every((v, i) => v === benchEquity[i]);
    if (isBenchmark) return `<tr><th>${esc(s.label)} (= benchmark)</th>${cycles.map(() => '<td class="na">n/a</td>').join('')}<td class="agg">n/a</td><td class="agg">n/a</td><td class="agg">n/a</td></tr>`;
    const byId = new Map(s.cycles.map((c) => [c.cycleId, c.excessTotalReturn]));
    const all = s.aggregates.find((a) => a.group === 'all');
    const num = (k: 'meanExcess' | 'medianExcess' | 'hitRate'): number | null => { const v = all?.[k]; return typeof v === 'number' ? v : null; };
    const cells = cycles.map((c) => {
      const x = byId.get(c.cycleId) ?? null;
      const cls = x === null ? 'na' : x > 0.0005 ? 'pos' : x < -0.0005 ? 'neg' : 'zero';
      return `<td class="${cls}">${signedPct(x)}</td>`;
    });
    return `<tr><th>${esc(s.label)}</th>${cells.join('')}<td class="agg">${signedPct(num('meanExcess'))}</td><td class="agg">${signedPct(num('medianExcess'))}</td><td class="agg">${plainPct(num('hitRate'))}</td></tr>`;
  });
  return `<div class="scroll"><table class="cycles"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

export function backtestSection(page: SectionParts, input: Extract<ReportInput, { kind: 'backtest' }>, index: number): void {
  const doc = input.doc;
  page.html(fileHeader(input, index, `Backtest ${doc.data.pair.id}: ${doc.strategies.map((s) => s.label).join(', ')}`, doc.notice, doc.data, doc.commandLine, doc.conventions));
  page.html(`<h3>Equity per easing cycle</h3>`);
  page.chart(cycleEquitySpec(doc), `Full-history equity of each series over each cycle window, rebased to 1 at the base close (last row before the first cut's effective date); x in calendar months from the first cut; points about weekly. R = recession cycle, * = window runs past the data; y scales differ between panels.`);
  page.html(`<h3>Excess total return per cycle (strategy minus the benchmark, ${esc(doc.benchmark.label)})</h3>`, cycleTable(doc));
  page.html(`<h3>Drawdown, full history</h3>`);
  page.chart(drawdownSpec(doc), `Drawdown from the running peak of each full-history equity curve (${doc.data.first} to ${doc.data.last}), computed on daily rows and shown as the deepest value of each block of 5 rows.`);
}

