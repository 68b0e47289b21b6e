import { compileChart, type VegaSpec } from './compile-charts';
import { PAGE_BOOT } from './page-boot';
import { packedBlock, RUNTIME_BLOCK_ID, SPECS_BLOCK_ID } from './page-packing';
import type { ReportSection } from './report-html';
import { esc } from './section-parts';
import type { VegaBundle } from './vega-assets';

/**
 * The page's style. The body is at most 1,100 px wide; nothing in it may be wider: tables
 * scroll inside `.scroll` (and any other table scrolls on its own), charts shrink to the body's
 * width (Vega's SVG has a viewBox), long words break.
 */
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:20px auto;max-width:1100px;padding:0 16px;color:#222;overflow-wrap:break-word}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-top:2px solid #ccc;padding-top:16px;margin-top:32px}h3{font-size:15px;margin:18px 0 6px}
a{color:#0b5cad}
.meta{color:#666;font-size:12px;margin:0 0 12px}
.glance{background:#f6f8fa;border:1px solid #d8dee4;border-radius:6px;padding:10px 16px;margin:8px 0 16px}
.glance h2{border:0;margin:0 0 6px;padding:0;font-size:16px}
.glance ol{margin:0;padding-left:20px}.glance li{margin:6px 0;font-size:16px;line-height:1.4}
.glance .more{font-size:12px;white-space:nowrap}
.headline{margin:10px 0 14px}.headline .question{color:#555;font-size:14px;margin:0 0 2px}
.headline .answer{font-size:19px;line-height:1.35;font-weight:500;margin:0;max-width:1000px}
details{margin:6px 0}summary{cursor:pointer;color:#444}details[open] summary{margin-bottom:4px}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px;margin:6px 0}dt{font-weight:600;color:#555}dd{margin:0;min-width:0}
.synthetic{background:#b00020;color:#fff;font-weight:700;padding:6px 10px}.warn{color:#a15c00}.note{color:#666}
.mono{font-family:ui-monospace,monospace;font-size:12px;overflow-wrap:anywhere}
figure{margin:8px 0;max-width:100%}figcaption{color:#555;font-size:12px;max-width:900px}
.chart{max-width:100%}.chart svg{display:block;max-width:100%;height:auto}
.scroll{overflow-x:auto;max-width:100%}:not(.scroll)>table{display:block;overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums;margin:6px 0}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:right;white-space:nowrap}thead th{background:#f3f3f3}thead th:first-child,tbody th{text-align:left}
td.pos{background:#e3f4e1}td.neg{background:#fbe3e1}td.zero{background:#f3f3f3}td.na{color:#999}td.agg{font-weight:600}
.ratecut-tooltip{position:fixed;display:none;z-index:10;pointer-events:none;background:#fff;border:1px solid #999;border-radius:4px;padding:4px 8px;font-size:12px;box-shadow:0 2px 6px rgba(0,0,0,.2);max-width:360px}
.ratecut-tooltip dl{margin:0;gap:0 8px}.ratecut-tooltip dt{font-weight:400;color:#666}.ratecut-tooltip dd{font-weight:600;font-variant-numeric:tabular-nums}
`;

/** What a page needs besides its sections: the ratecut version it names and the Vega runtime it inlines. */
export interface ReportPageAssets {
  readonly ratecutVersion: string;
  /** The Vega runtime's browser bundle (see `readVegaRuntime`), the page's only script besides its own. */
  readonly runtime: VegaBundle;
  /** The version of the Vega-Lite that compiled the charts, which the page names. */
  readonly vegaLiteVersion: string;
}

/**
 * The block at the top of the page that answers before anything else: each section's headline
 * (its answer, HTML) in section order, with a link to the section (`#file-<i>`); a section
 * without a headline is listed by its file name.
 */
function glance(sections: readonly ReportSection[]): string {
  const items = sections.map((s, i) => {
    const link = `<a class="more" href="#file-${i + 1}">${esc(s.file)} ↓</a>`;
    return s.headline === undefined ? `<li>${link}</li>` : `<li>${s.headline} ${link}</li>`;
  });
  return `<section class="glance" aria-label="At a glance"><h2>At a glance</h2><ol>${items.join('')}</ol></section>`;
}

/** The Vega runtime packed, kept for the next page of the same runtime (packing it takes about 0.1 s). */
let packedRuntime: { readonly script: string; readonly block: string } | undefined;

/**
 * The whole report as one HTML document: the title, the "At a glance" block of every section's
 * headline, one small line naming the ratecut version and the files, then the sections in the
 * order given with chart containers numbered `chart-1`, `chart-2`, ... across the page. Each
 * chart's Vega-Lite specification is compiled to Vega here, in Node (`compileChart`), with its
 * inline data. Of scripts the page holds only the Vega runtime and a boot script (`PAGE_BOOT`)
 * that draws the charts in page order and then sets `window.__ratecutRendered` to their number;
 * the runtime and the charts (`[{ id, spec }]` as JSON) are packed into two data blocks,
 * `ratecut-vega` and `ratecut-specs` (gzip and base64, `page-packing.ts`; about a third of their
 * size; `readPageCharts` reads the charts back). Needs no network; the same sections and assets
 * give the same bytes (no dates, no random ids, no time stamps).
 *
 * @throws Error when a chart specification does not compile (a programming error in a chart).
 */
export function reportPage(sections: readonly ReportSection[], assets: ReportPageAssets): string {
  const charts: { id: string; spec: VegaSpec }[] = [];
  const parts = sections.flatMap((section) => section.parts.map((part) => {
    if ('html' in part) return part.html;
    const id = `chart-${charts.length + 1}`;
    charts.push({ id, spec: compileChart(part.chart).spec });
    return `<figure><div class="chart" id="${id}"></div><figcaption>${esc(part.caption)}</figcaption></figure>`;
  }));
  const anyNotice = sections.some((s) => s.synthetic);
  const files = sections.map((s, i) => `<a href="#file-${i + 1}">${esc(s.file)}</a>`).join(', ');
  if (packedRuntime?.script !== assets.runtime.script) {
    packedRuntime = { script: assets.runtime.script, block: packedBlock(RUNTIME_BLOCK_ID, assets.runtime.script, ` data-name="${esc(assets.runtime.name)}" data-version="${esc(assets.runtime.version)}"`) };
  }
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
    '<h1>ratecut report</h1>',
    // The answers below are not market history when any file was made from synthetic data: say so before them.
    anyNotice ? `<p class="synthetic">SYNTHETIC SAMPLE: ${sections.filter((s) => s.synthetic).map((s) => esc(s.file)).join(', ')} ${sections.filter((s) => s.synthetic).length === 1 ? 'was' : 'were'} made from generated data, not market history.</p>` : '',
    glance(sections),
    `<p class="meta">ratecut ${esc(assets.ratecutVersion)} · ${sections.length} result file${sections.length === 1 ? '' : 's'}: ${files} · charts compiled by Vega-Lite ${esc(assets.vegaLiteVersion)}, drawn by the inlined Vega ${esc(assets.runtime.version)}; no network needed</p>`,
    ...parts,
    packedBlock(SPECS_BLOCK_ID, JSON.stringify(charts)),
    packedRuntime.block,
    `<script>${PAGE_BOOT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
