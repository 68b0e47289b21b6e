import { cycleEquitySpec, cycleTitle, drawdownSpec, fanSpec, histogramSpec, type VegaLiteSpec } from './report-charts';
import type { BacktestReportDoc, ReportInput, SimulateReportDoc } from './report-input';
import type { VegaBundle } from './vega-assets';
import { definitionList, esc, plainPct, SectionParts, signedPct, type ReportPart } from './section-parts';
import { calibrationSection, eventStudySection, outOfSampleSection } from './validation-sections';
import { nowSection } from './now-section';

export type { ReportPart } from './section-parts';

/** The report section of one result file: its parts in order, and what the page header needs to know of it. */
export interface ReportSection {
  /** The file as named on the command line (or the result file a command is writing). */
  readonly file: string;
  /** True when the result carries a synthetic-sample notice or was run on synthetic data. */
  readonly synthetic: boolean;
  readonly parts: readonly ReportPart[];
}

type DataOrigin = BacktestReportDoc['data'] | SimulateReportDoc['data'];

/** The header block of one file: notice, command line, data origin and the conventions as the result states them. */
function header(input: ReportInput, index: number, title: string, notice: string | undefined, data: DataOrigin, commandLine: string, conventions: Record<string, string>): string {
  const synthetic = notice ?? (data.synthetic ? 'SYNTHETIC SAMPLE: generated data, not market history.' : undefined);
  return [
    `<h2 id="file-${index}">${esc(title)}</h2>`,
    synthetic === undefined ? '' : `<p class="synthetic">${esc(synthetic)}</p>`,
    definitionList([
      ['file', `${input.file} (${input.doc.schema})`],
      ['command', commandLine],
      ['data', `${data.catalog} (found via ${data.origin})${data.synthetic ? ', SYNTHETIC' : ''}`],
      ['pair', `${data.pair.id}: small ${data.pair.small}, large ${data.pair.large}; ${data.pair.returnBasis}`],
      ['period', `${data.first} to ${data.last}`],
    ]),
    `<details><summary>Input files (SHA-256)</summary><ul class="mono">${data.inputs.map((f) => `<li>${esc(f.file)} ${esc(f.sha256)}</li>`).join('')}</ul></details>`,
    `<h3>Conventions</h3>`,
    definitionList(Object.entries(conventions)),
  ].join('\n');
}

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

function backtestSection(page: SectionParts, input: Extract<ReportInput, { kind: 'backtest' }>, index: number): void {
  const doc = input.doc;
  page.html(header(input, index, `Backtest ${doc.data.pair.id}: ${doc.strategies.map((s) => s.label).join(', ')}`, doc.notice, doc.data, doc.commandLine, doc.conventions));
  page.html(`<h3>Equity per easing cycle</h3>`);
  page.chart(cycleEquitySpec(doc), `Full-history equity of each series over each cycle window, rebased to 1 at the base close (last row before the first cut's effective date); x in calendar months from the first cut; points about weekly. R = recession cycle, * = window runs past the data; y scales differ between panels.`);
  page.html(`<h3>Excess total return per cycle (strategy minus the benchmark, ${esc(doc.benchmark.label)})</h3>`, cycleTable(doc));
  page.html(`<h3>Drawdown, full history</h3>`);
  page.chart(drawdownSpec(doc), `Drawdown from the running peak of each full-history equity curve (${doc.data.first} to ${doc.data.last}), computed on daily rows and shown as the deepest value of each block of 5 rows.`);
}

function simulateSection(page: SectionParts, input: Extract<ReportInput, { kind: 'simulate' }>, index: number): void {
  const doc = input.doc;
  page.html(header(input, index, `Simulation: ${doc.scenario.title ?? doc.scenario.name}`, doc.notice, doc.data, doc.commandLine, doc.conventions));
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

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#222}
h1{font-size:22px}h2{font-size:18px;border-top:2px solid #ccc;padding-top:16px;margin-top:32px}h3{font-size:15px;margin:18px 0 6px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dt{font-weight:600;color:#555}dd{margin:0}
.synthetic{background:#b00020;color:#fff;font-weight:700;padding:6px 10px}.warn{color:#a15c00}.note{color:#666}
.mono{font-family:ui-monospace,monospace;font-size:12px}figure{margin:8px 0}figcaption{color:#555;font-size:12px;max-width:900px}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:right;white-space:nowrap}thead th{background:#f3f3f3}tbody th{text-align:left}
td.pos{background:#e3f4e1}td.neg{background:#fbe3e1}td.na{color:#999}td.agg{font-weight:600}
`;

const BOOT = `
(function () {
  var specs = JSON.parse(document.getElementById('ratecut-specs').textContent);
  window.__ratecutRendered = 0;
  Promise.all(specs.map(function (c) {
    return vegaEmbed('#' + c.id, c.spec, { actions: false, renderer: 'svg' });
  })).then(function () {
    window.__ratecutRendered = specs.length;
  }, function (e) {
    window.__ratecutError = String(e);
    console.error('ratecut report: a chart failed to render: ' + e);
  });
})();
`;

/**
 * The section of one result file (the report study's block executor calls this): a header
 * with the data origin, input fingerprints and the conventions as the result states them,
 * then for a backtest the per-cycle equity chart, the table of excess returns per cycle and
 * the drawdown chart, and for a simulation the probabilities, the table of horizon-return
 * percentiles, the fan chart and the histogram; for the validation tests, see
 * `validation-sections.ts`. `index` is the section's 1-based place on the
 * page (its anchor `file-<index>`). Pure: the same input gives the same section.
 */
export function reportSection(input: ReportInput, index: number): ReportSection {
  const parts = new SectionParts();
  switch (input.kind) {
    case 'backtest': backtestSection(parts, input, index); break;
    case 'simulate': simulateSection(parts, input, index); break;
    case 'event-study': eventStudySection(parts, input, index); break;
    case 'out-of-sample': outOfSampleSection(parts, input, index); break;
    case 'calibration': calibrationSection(parts, input, index); break;
    case 'now': nowSection(parts, input, index); break;
  }
  const synthetic = input.doc.notice !== undefined || ('data' in input.doc && input.doc.data.synthetic);
  return { file: input.file, synthetic, parts: parts.parts };
}

/** What a page needs besides its sections: the ratecut version it names and the browser bundles it inlines. */
export interface ReportPageAssets {
  readonly ratecutVersion: string;
  /** Vega, Vega-Lite and vega-embed, in load order (see `readVegaBundles`). */
  readonly bundles: readonly VegaBundle[];
}

/**
 * The whole report as one HTML document: the sections in the order given, chart containers
 * numbered `chart-1`, `chart-2`, ... across the page, the Vega-Lite specifications as inline
 * JSON with inline data, the Vega, Vega-Lite and vega-embed browser bundles, and a boot script
 * that renders every chart and then sets `window.__ratecutRendered` to the number of charts.
 * Needs no network; the same sections and assets give the same bytes (no dates, no random ids).
 */
export function reportPage(sections: readonly ReportSection[], assets: ReportPageAssets): string {
  const charts: { id: string; spec: VegaLiteSpec }[] = [];
  const parts = sections.flatMap((section) => section.parts.map((part) => {
    if ('html' in part) return part.html;
    const id = `chart-${charts.length + 1}`;
    charts.push({ id, spec: part.chart });
    return `<figure><div class="chart" id="${id}"></div><figcaption>${esc(part.caption)}</figcaption></figure>`;
  }));
  const anyNotice = sections.some((s) => s.synthetic);
  const specsJson = JSON.stringify(charts).replace(/</g, '\\u003c');
  const version = (name: VegaBundle['name']): string => assets.bundles.find((b) => b.name === name)?.version ?? 'unknown';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>ratecut report${anyNotice ? ' (SYNTHETIC)' : ''}: ${esc(sections.map((s) => s.file).join(', '))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>ratecut report</h1>`,
    `<p>ratecut ${esc(assets.ratecutVersion)}; ${sections.length} result file${sections.length === 1 ? '' : 's'}: ${sections.map((s, i) => `<a href="#file-${i + 1}">${esc(s.file)}</a>`).join(', ')}. Charts are drawn in the page by Vega ${esc(version('vega'))}, Vega-Lite ${esc(version('vega-lite'))} and vega-embed ${esc(version('vega-embed'))}, inlined below; no network is needed.</p>`,
    ...parts,
    `<script type="application/json" id="ratecut-specs">${specsJson}</script>`,
    ...assets.bundles.map((b) => `<script>${b.script}</script>`),
    `<script>${BOOT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
