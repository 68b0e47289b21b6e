import { fanSpec, histogramSpec } from './simulate-charts';
import type { ReportInput, SimulateReportDoc } from './report-input';
import { definitionList, esc, plainPct, signedPct, type SectionParts } from './section-parts';
import { fileHeader } from './file-header';

export function simulateSection(page: SectionParts, input: Extract<ReportInput, { kind: 'simulate' }>, index: number): void {
  const doc = input.doc;
  page.html(fileHeader(input, index, `Simulation: ${doc.scenario.title ?? doc.scenario.name}`, doc.notice, doc.data, doc.commandLine, doc.conventions));
  const block = 'meanBlock' in doc.method ? ` (mean block ${doc.method.meanBlock})` : '';
  page.html(definitionList([
    ['method', `${doc.method.kind}${block}, ${doc.paths} paths, seed ${doc.seed}`],
    ['horizon', `${doc.horizon.months} months (${doc.horizon.steps} ${doc.horizon.unit})`],
    ['drawn from', `${doc.analogs.cycleIds.join(', ') || 'full history'} (${doc.analogs.observations} observations)`],
    ['P(small beats large)', plainPct(doc.probabilities.smallBeatsLarge)],
    ...doc.probabilities.targets.map((t) => [`P(${t.target})`, plainPct(t.probability)] as const),
  ]));
  for (const w of doc.analogs.warnings) page.html(`<p class="warn">warning: ${esc(w)}</p>`);
  const keys = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
  const legRow = (name: string, d: SimulateReportDoc['legs']['small']) =>
    `<tr><th>${esc(name)}</th>${keys.map((k) => `<td>${signedPct(d.percentiles[k])}</td>`).join('')}<td>${signedPct(d.mean)}</td><td>${plainPct(d.sd)}</td></tr>`;
  page.html(`<div class="scroll"><table class="legs"><thead><tr><th>horizon return</th>${keys.map((k) => `<th>${k === 'p50' ? 'median' : k}</th>`).join('')}<th>mean</th><th>sd</th></tr></thead><tbody>${legRow(`small (${doc.data.pair.small})`, doc.legs.small)}${legRow(`large (${doc.data.pair.large})`, doc.legs.large)}${legRow('small - large', doc.legs.spread)}</tbody></table></div>`);
  page.html(`<h3>Fan chart</h3>`);
  page.chart(fanSpec(doc), `Percentile bands of the cumulative return along the horizon, small and large legs (same draws for both legs).`);
  page.html(`<h3>Distribution of horizon returns</h3>`);
  page.chart(histogramSpec(doc), `Histogram of the ${doc.horizon.months}-month return over all paths; dashed rules mark each --target with its probability.`);
}

