import type { VegaLiteSpec } from './chart-spec';
import type { ReportSection } from './report-html';
import { esc } from './section-parts';
import type { VegaBundle } from './vega-assets';

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
