import type { SpaResultJson } from '@ratecut/contracts';
import type { ReportInput } from './report-input';
import { esc, pValueHtml, signedPct, signedPp, type SectionParts } from './section-parts';
import { spaSpec } from './validation-charts';

/** Up to this many strategies the table lists every one; beyond, the {@link SPA_TABLE_BEST} with the largest statistic. */
export const SPA_TABLE_ALL = 25;
/** Strategies the table lists when there are more than {@link SPA_TABLE_ALL}. */
export const SPA_TABLE_BEST = 20;

/**
 * A strategy's excess Sharpe ratio as the SPA test sees it: the annualised mean excess over its
 * long-run (bootstrap) standard deviation, `t × √(periods per year / n)`, since the document's
 * statistic is `t = √n × mean / ω` with ω² the bootstrap variance of `√n × mean` (Hansen 2005).
 * Null for a strategy that is not tested or without observations.
 */
export function spaSharpe(t: number | null, observations: number, periodsPerYear: number): number | null {
  if (t === null || !Number.isFinite(t) || !(observations > 0)) return null;
  return t * Math.sqrt(periodsPerYear / observations);
}

/**
 * The answer of an SPA document in one or two sentences (HTML): the best strategy and its excess,
 * then the Reality Check (White 2000), the SPA test's consistent p-value (Hansen 2005) and the
 * deflated Sharpe ratio (Bailey and López de Prado 2014), and whether the edge is significant at
 * 5 %: SPA p below 0.05 (the test to read), in words.
 */
export function spaHeadline(doc: SpaResultJson): string {
  const tested = doc.strategies.filter((s) => s.tested).length;
  if (doc.best === null) return `No strategy's daily return differs from ${esc(doc.benchmark)}'s: there is nothing to test.`;
  const best = doc.strategies.find((s) => s.label === doc.best);
  const d = doc.deflatedSharpe;
  const dsr = d === null || d.probability === null ? 'no deflated Sharpe ratio (fewer than 2 strategies)'
    : `deflated Sharpe P = ${d.probability.toFixed(2)} (${d.probability > 0.95 ? 'above' : 'not above'} 0.95)`;
  const significant = doc.spa.pConsistent < 0.05;
  return `The best of ${tested} strategies, <b>${esc(doc.best)}</b>, earned ${signedPct(best?.annualExcess)} a year over ${esc(doc.benchmark)}. `
    + `Reality Check p = ${pValueHtml(doc.realityCheck.pValue)}, SPA p = ${pValueHtml(doc.spa.pConsistent)}, ${dsr}: `
    + (significant ? '<b>significant at 5 %</b>: the edge is unlikely to be the luck of trying them all.'
      : '<b>not significant at 5 %</b>: the edge could be the luck of trying them all.');
}

/**
 * `ratecut validate spa`: the headline (is the best strategy's edge more than luck?), the table
 * of strategies (annualised mean excess, studentized statistic, excess Sharpe ratio), the chart of
 * their excess with the best marked, the three tests, and the conventions folded away.
 */
export function spaSection(page: SectionParts, input: Extract<ReportInput, { kind: 'spa' }>, index: number): void {
  const doc = input.doc;
  page.html(
    `<h2 id="file-${index}">Data snooping: ${esc(doc.source.startsWith('sweep of ') ? doc.source : `the strategies of ${doc.source}`)} against ${esc(doc.benchmark)}</h2>`,
    doc.notice === undefined ? '' : `<p class="synthetic">${esc(doc.notice)}</p>`,
  );
  page.headline('Is the best strategy\'s edge over the benchmark more than luck?', spaHeadline(doc));
  const order = [...doc.strategies].sort((a, b) => (b.tStatistic ?? -Infinity) - (a.tStatistic ?? -Infinity) || a.label.localeCompare(b.label));
  const shown = order.length <= SPA_TABLE_ALL ? order : order.slice(0, SPA_TABLE_BEST);
  const untested = shown.some((s) => !s.tested);
  const rows = shown.map((s) => {
    const sharpe = spaSharpe(s.tStatistic, doc.observations, doc.periodsPerYear);
    const cls = s.annualExcess > 0 ? 'pos' : s.annualExcess < 0 ? 'neg' : '';
    return `<tr><th>${esc(s.label)}${s.label === doc.best ? ' (best)' : ''}</th><td class="${cls}">${signedPp(s.annualExcess, 2)}</td>`
      + `<td>${s.tStatistic === null ? 'n/a' : s.tStatistic.toFixed(2)}</td><td>${sharpe === null ? 'n/a' : sharpe.toFixed(2)}</td>${untested ? `<td>${s.tested ? '' : 'holds what the benchmark holds: not tested'}</td>` : ''}</tr>`;
  });
  page.html(
    '<h3>Strategies</h3>',
    shown.length < order.length ? `<p class="note">The ${shown.length} of ${order.length} with the largest statistic (every one is in the file).</p>` : '',
    `<div class="scroll"><table><thead><tr><th>strategy</th><th>mean excess a year</th><th>studentized statistic</th><th>excess Sharpe ratio</th>${untested ? '<th></th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
  );
  page.chart(spaSpec(doc), `Each tested strategy's mean daily return minus ${doc.benchmark}'s, in percentage points a year${doc.strategies.length > 30 ? ', against its studentized statistic' : ''}; the best (largest statistic) in red.`);
  const d = doc.deflatedSharpe;
  page.html(
    '<h3>The tests</h3>',
    '<div class="scroll"><table><thead><tr><th>test</th><th>p-value</th><th>what it asks</th></tr></thead><tbody>'
      + `<tr><th>White's Reality Check (2000)</th><td>${pValueHtml(doc.realityCheck.pValue)}</td><td style="text-align:left;white-space:normal">could the largest mean excess come from strategies that are all no better than the benchmark?</td></tr>`
      + `<tr><th>Hansen's SPA test (2005)</th><td>${pValueHtml(doc.spa.pConsistent)}</td><td style="text-align:left;white-space:normal">the same with studentized means, less hurt by poor strategies (lower ${pValueHtml(doc.spa.pLower)}, upper ${pValueHtml(doc.spa.pUpper)})</td></tr>`
      + (d === null ? '' : `<tr><th>Deflated Sharpe ratio (Bailey and López de Prado 2014)</th><td>P = ${d.probability === null ? 'n/a' : d.probability.toFixed(3)}</td><td style="text-align:left;white-space:normal">probability that ${esc(d.best)}'s excess Sharpe ratio ${d.bestSharpe === null ? 'n/a' : d.bestSharpe.toFixed(2)} beats the ${d.expectedMaxSharpe === null ? 'n/a' : d.expectedMaxSharpe.toFixed(2)} that the best of ${d.trials} with no skill would show</td></tr>`)
      + '</tbody></table></div>',
  );
  page.details('Conventions', [
    ['file', `${input.file} (${doc.schema})`],
    ['command', doc.commandLine],
    ['excess returns', `${doc.observations} daily excess returns, ${doc.firstDate} to ${doc.lastDate}, ${doc.periodsPerYear} periods a year`],
    ['bootstrap', `stationary bootstrap, mean block ${doc.settings.meanBlock} days (${doc.settings.meanBlockSource}), ${doc.settings.resamples} resamples, seed ${doc.settings.seed}`],
    ['excess Sharpe ratio', 'the studentized statistic × √(periods a year / observations): the annualised mean excess over its long-run (bootstrap) standard deviation'],
    ...Object.entries(doc.conventions),
  ]);
}
