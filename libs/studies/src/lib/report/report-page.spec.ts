import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VegaLiteSpec } from './chart-spec';
import { compileChart, vegaLiteVersion, type VegaSpec } from './compile-charts';
import { PAGE_BOOT } from './page-boot';
import { packText, readPackedBlock, readPageCharts, unpackText } from './page-packing';
import type { ReportSection } from './report-html';
import { reportPage, type ReportPageAssets } from './report-page';
import { SectionParts } from './section-parts';
import { loadUmdBundle, packageFolder, readVegaRuntime, VEGA_RUNTIME } from './vega-assets';

const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A layered line + points chart whose two layers share one inline dataset holding `marker`. */
const lineChart = (marker: string, width = 400): VegaLiteSpec => {
  const values = [{ x: 1, y: 2, k: marker }, { x: 2, y: 3, k: 'b' }, { x: 3, y: 1, k: 'c </script><!-- d' }];
  const encoding = { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, tooltip: [{ field: 'k', title: 'label' }, { field: 'y', title: 'value' }] };
  return { $schema: VL_SCHEMA, width, height: 120, layer: [{ data: { values }, mark: 'line', encoding }, { data: { values }, mark: 'point', encoding }] } as unknown as VegaLiteSpec;
};

const section = (file: string, marker: string, headline?: string): ReportSection => {
  const parts = new SectionParts();
  parts.html(`<h2 id="file-x">${file}</h2>`);
  if (headline !== undefined) parts.headline('What happened?', headline);
  parts.chart(lineChart(marker), `A chart of ${file}`);
  return { file, synthetic: false, ...(parts.headlineHtml === undefined ? {} : { headline: parts.headlineHtml }), parts: parts.parts };
};

let assets: ReportPageAssets;
beforeAll(() => {
  assets = { ratecutVersion: '9.9.9', runtime: readVegaRuntime(), vegaLiteVersion: vegaLiteVersion() };
});
const sections = (): ReportSection[] => [
  section('first.json', 'MARKER-ONE', 'Small beat large in <b>7 of 12</b> cycles.'),
  section('second.json', 'MARKER-TWO'),
  section('third.json', 'MARKER-THREE', 'P(small ≥ +20 %) = <b>31 %</b>.'),
];
const specsOf = (html: string): readonly { readonly id: string; readonly spec: VegaSpec }[] => readPageCharts(html);
/** The page's text with its packed blocks unpacked: what the browser ends up holding. */
const unpacked = (html: string): string => `${html}${readPackedBlock(html, 'ratecut-specs') ?? ''}${readPackedBlock(html, 'ratecut-vega') ?? ''}`;
const count = (text: string, part: string): number => text.split(part).length - 1;
/** A piece from the middle of a package's browser bundle: present in the page only if the bundle is. */
const sliceOf = (name: string, file: string): string => {
  const text = readFileSync(join(packageFolder(name), file), 'utf8');
  return text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 200);
};

describe('reportPage', () => {
  jest.setTimeout(60_000);

  it('holds the charts as Vega specifications compiled in Node, not Vega-Lite', () => {
    const html = reportPage(sections(), assets);
    const specs = specsOf(html);
    expect(specs.map((s) => s.id)).toEqual(['chart-1', 'chart-2', 'chart-3']);
    expect([...html.matchAll(/<div class="chart" id="(chart-\d+)">/g)].map((m) => m[1])).toEqual(['chart-1', 'chart-2', 'chart-3']);
    for (const { spec } of specs) {
      expect(spec.$schema).toMatch(/^https:\/\/vega\.github\.io\/schema\/vega\/v\d+\.json$/);
      expect(Array.isArray(spec['marks'])).toBe(true);
      expect(Array.isArray(spec['data'])).toBe(true);
      for (const key of ['layer', 'mark', 'encoding', 'hconcat', 'facet']) expect(spec).not.toHaveProperty(key);
    }
    expect(specs[0].spec).toEqual(JSON.parse(JSON.stringify(compileChart(lineChart('MARKER-ONE')).spec)));
  });

  it('inlines the Vega runtime once, packed, and neither Vega-Lite nor vega-embed', () => {
    const html = reportPage(sections(), assets);
    expect(readPackedBlock(html, 'ratecut-vega')).toBe(assets.runtime.script);
    expect(html).toContain(`<script type="application/gzip" id="ratecut-vega" data-name="vega" data-version="${assets.runtime.version}">`);
    const all = unpacked(html);
    expect(count(all, assets.runtime.script)).toBe(1);
    expect(all).not.toContain(sliceOf('vega-lite', 'build/vega-lite.min.js'));
    expect(all).not.toContain('vegaEmbed');
    expect(all).not.toContain('vega-lite/v');
    expect(html.match(/<script>/g)).toHaveLength(1); // the boot script; the runtime and the charts are data blocks
    expect(html.match(/<script type="application\/gzip" id="ratecut-(vega|specs)"/g)).toHaveLength(2);
    expect(html).toContain(`<script>${PAGE_BOOT}</script>`);
    // Packed, the runtime takes less than half its size.
    expect(html.length).toBeLessThan(assets.runtime.script.length / 2);
    // Outside the runtime (whose code names namespaces such as the SVG one), no address but the schema's.
    expect(unpacked(html).replace(assets.runtime.script, '')).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|https?:\/\/(?!vega\.github\.io\/schema\/vega\/)/);
  });

  it('keeps each dataset once, and nothing in the data ends the script early', () => {
    const html = reportPage(sections(), assets);
    for (const marker of ['MARKER-ONE', 'MARKER-TWO', 'MARKER-THREE']) expect(count(unpacked(html), marker)).toBe(1);
    expect(html.slice(html.indexOf('id="ratecut-specs">'), html.indexOf('</script>', html.indexOf('id="ratecut-specs">')))).toMatch(/^id="ratecut-specs">[A-Za-z0-9+/=]+$/);
    expect(JSON.stringify(specsOf(html))).toContain('c </script><!-- d');
  });

  it('answers at the top: every headline in section order, linked to its section, before the first section', () => {
    const html = reportPage(sections(), assets);
    const glance = /<section class="glance" aria-label="At a glance"><h2>At a glance<\/h2><ol>(.*?)<\/ol><\/section>/s.exec(html);
    expect(glance).not.toBeNull();
    expect(glance?.[1]).toBe(
      '<li>Small beat large in <b>7 of 12</b> cycles. <a class="more" href="#file-1">first.json ↓</a></li>' +
        '<li><a class="more" href="#file-2">second.json ↓</a></li>' +
        '<li>P(small ≥ +20 %) = <b>31 %</b>. <a class="more" href="#file-3">third.json ↓</a></li>',
    );
    const body = html.slice(html.indexOf('<body>'));
    expect(body.indexOf('<h1>ratecut report</h1>')).toBeLessThan(body.indexOf('class="glance"'));
    expect(body.indexOf('class="glance"')).toBeLessThan(body.indexOf('<p class="meta">'));
    expect(body.indexOf('<p class="meta">')).toBeLessThan(body.indexOf('<h2 id="file-x">first.json'));
    expect(html).toContain(`<p class="meta">ratecut 9.9.9 · 3 result files: <a href="#file-1">first.json</a>, <a href="#file-2">second.json</a>, <a href="#file-3">third.json</a> · charts compiled by Vega-Lite ${assets.vegaLiteVersion}, drawn by the inlined Vega ${assets.runtime.version}; no network needed</p>`);
  });

  it('is the same bytes for the same input, and different bytes for different data', () => {
    const html = reportPage(sections(), assets);
    expect(reportPage(sections(), assets)).toBe(html);
    const other = sections();
    other[1] = section('second.json', 'MARKER-2');
    expect(reportPage(other, assets)).not.toBe(html);
  });

  it('keeps charts and tables inside the body by its style', () => {
    const html = reportPage(sections(), assets);
    const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
    expect(style).toMatch(/body\{[^}]*max-width:1100px/);
    expect(style).toContain('.chart svg{display:block;max-width:100%;height:auto}');
    expect(style).toContain('.scroll{overflow-x:auto;max-width:100%}');
    expect(style).toMatch(/\.headline \.answer\{[^}]*font-size:19px/);
  });

  it('draws each compiled chart with the Vega runtime: data marks, and the tooltip values of the encoding', async () => {
    interface View { runAsync(): Promise<View>; toSVG(): Promise<string>; scenegraph(): { root: unknown } }
    const vega = loadUmdBundle(join(packageFolder('vega'), VEGA_RUNTIME.file)) as { parse(spec: unknown): unknown; View: new (runtime: unknown, options: { renderer: string }) => View };
    const [{ spec }] = specsOf(reportPage(sections().slice(0, 1), assets));
    const view = new vega.View(vega.parse(spec), { renderer: 'none' });
    const svg = await view.toSVG();
    // The line and the points: data marks (role-mark), each with drawn elements.
    expect(svg).toMatch(/<g class="mark-line role-mark[^"]*"[^>]*><path /);
    expect(count(svg.replace(/.*?<g class="mark-symbol role-mark[^"]*"[^>]*>/s, ''), '<path ')).toBeGreaterThanOrEqual(3);
    // The tooltip encoding reaches the items, which the page's handler shows.
    const tooltips: unknown[] = [];
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as { items?: unknown[]; tooltip?: unknown; marktype?: string };
      if (n.tooltip !== undefined) tooltips.push(n.tooltip);
      for (const item of n.items ?? []) walk(item);
    };
    walk(view.scenegraph().root);
    expect(tooltips).toContainEqual({ label: 'MARKER-ONE', value: 2 });
  });
});

describe('packText', () => {
  it('packs text into base64 gzip that unpacks to the same text, the same bytes every time', () => {
    const text = 'Russell 2000 ≥ +20 % </script> '.repeat(50);
    const packed = packText(text);
    expect(packed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(packed.length).toBeLessThan(text.length / 4);
    expect(packText(text)).toBe(packed);
    expect(unpackText(packed)).toBe(text);
    // gzip (RFC 1952) with no time stamp: magic 1f 8b, deflate, MTIME 0.
    expect([...Buffer.from(packed, 'base64').subarray(0, 8)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
    expect(() => readPageCharts('<html></html>')).toThrow(/not a ratecut report page/);
  });
});

describe('compileChart', () => {
  it('returns Vega-Lite warnings instead of printing them', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const bad = { $schema: VL_SCHEMA, data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } } as unknown as VegaLiteSpec;
      const compiled = compileChart(bad);
      expect(compiled.warnings.length).toBeGreaterThan(0);
      expect(compiled.warnings.join(' ')).toMatch(/shape/);
      expect(compileChart(lineChart('x')).warnings).toEqual([]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
