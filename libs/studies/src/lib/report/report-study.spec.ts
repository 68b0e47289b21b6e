import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '@ratecut/sim-core';
import { runStudy, studyResult } from '../study/run-study';
import { backtestDocument, simulateDocument } from '../../testing/report-documents';
import { compareDocument, cyclesDocument } from '../../testing/cycles-report-document';
import { planReportStudy, reportHtmlOf, type ReportSource, type ReportStudy } from './report-study';
import { readPageCharts } from './page-packing';
import { packageFolder } from './vega-assets';

const plan = (sources: readonly ReportSource[], cwd?: string): ReportStudy => {
  const planned = planReportStudy(sources, { ratecutVersion: '9.9.9', ...(cwd === undefined ? {} : { cwd }) });
  if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
  return planned.value;
};
const sources = (): ReportSource[] => [{ file: 'bt.json', doc: backtestDocument() }, { file: 'sim.json', doc: simulateDocument() }];
const specsOf = (html: string) => readPageCharts(html);

describe('planReportStudy', () => {
  it('plans one block per document, in order, with a pure executor exported by its own module', () => {
    const study = plan(sources());
    expect(study.kind).toBe('report');
    expect(study.blocks.map((b) => [b.section, b.input.file, b.input.kind])).toEqual([[1, 'bt.json', 'backtest'], [2, 'sim.json', 'simulate']]);
    expect(study.plan.files).toEqual(['bt.json', 'sim.json']);
    expect(study.plan.kinds).toEqual(['backtest', 'simulate']);
    const version = (name: string) => (JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')) as { version: string }).version;
    expect(study.plan.vega).toEqual(['vega', 'vega-lite'].map((name) => ({ name, version: version(name) })));
    expect((require(study.execute.module) as Record<string, unknown>)[study.execute.exportName]).toBe(study.execute.run);
    const first = study.execute.run(null, study.blocks[0], new Map());
    expect(study.execute.run(null, study.blocks[0], new Map())).toEqual(first);
    expect(first.parts.filter((p) => 'chart' in p)).toHaveLength(4); // growth, excess heatmap, window runs, drawdown
  });

  it('returns every problem of every source as an issue, reads nothing else, and throws none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-report-plan-'));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ schema: 'something/2' }));
    const planned = planReportStudy([{ file: 'other.json' }, { file: 'missing.json' }, { file: 'mem.json', doc: { schema: 'ratecut.simulate/1' } }, { file: 'ok.json', doc: backtestDocument() }], { ratecutVersion: '1', cwd: dir });
    expect(planned.ok).toBe(false);
    const codes = planned.ok ? [] : planned.issues.map((i) => `${i.file} ${i.code}`);
    expect(codes.slice(0, 3)).toEqual(['other.json not-a-result', 'missing.json missing-file', 'mem.json bad-result']);
    expect(codes.slice(3).every((c) => c === 'mem.json bad-result')).toBe(true);
    const none = planReportStudy([], { ratecutVersion: '1' });
    expect(none.ok ? [] : none.issues.map((i) => i.code)).toEqual(['bad-option']);
  });
});

describe('the report page', () => {
  jest.setTimeout(60_000);

  it('is the same bytes from runStudy and run in this thread, on every run', async () => {
    const html = reportHtmlOf(plan(sources()));
    expect(await studyResult(runStudy(plan(sources())))).toBe(html);
    expect(reportHtmlOf(plan(sources()))).toBe(html);
  });

  it('reads an in-memory document exactly like its written file (NaN as null)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-report-plan-'));
    const sim = simulateDocument();
    sim.probabilities.smallBeatsLarge = NaN;
    writeFileSync(join(dir, 'sim.json'), JSON.stringify(sim, null, 2));
    const fromFile = reportHtmlOf(plan([{ file: 'sim.json' }], dir));
    expect(reportHtmlOf(plan([{ file: 'sim.json', doc: sim }]))).toBe(fromFile);
    expect(fromFile).toContain('The Russell 2000 beats the S&amp;P 500 in <b>n/a</b> of 1,000 simulated paths');
  });

  it('numbers the charts across sections, inlines specs and bundles, and loads nothing from the network', () => {
    const html = reportHtmlOf(plan(sources()));
    const specs = specsOf(html);
    // Every chart part of every section, numbered across the page (4 in the backtest section).
    const study = plan(sources());
    const counts = study.blocks.map((b) => study.execute.run(null, b, new Map()).parts.filter((p) => 'chart' in p).length);
    expect(counts[0]).toBe(4);
    const ids = Array.from({ length: counts[0] + counts[1] }, (_, i) => `chart-${i + 1}`);
    expect(specs.map((s) => s.id)).toEqual(ids);
    expect([...html.matchAll(/<div class="chart" id="(chart-\d+)">/g)].map((m) => m[1])).toEqual(ids);
    // Compiled to Vega in Node (report-page.spec.ts checks the page builder itself).
    for (const s of specs) expect(s.spec['$schema']).toMatch(/\/schema\/vega\/v\d+\.json$/);
    expect(html.indexOf('id="file-1"')).toBeLessThan(html.indexOf('id="file-2"'));
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import/);
    expect(html.match(/<script>/g)).toHaveLength(1); // the boot script; the Vega runtime and the charts are packed data blocks
    expect(html).toContain('<p class="meta">ratecut 9.9.9 · 2 result files: <a href="#file-1">bt.json</a>, <a href="#file-2">sim.json</a> · ');
    expect(html).not.toContain('(SYNTHETIC)');
    expect(html).not.toContain('made from generated data');
  });

  it('draws the backtest: headline, conventions escaped, excess returns per cycle as rows, the benchmark twin left out', () => {
    const html = reportHtmlOf(plan(sources()));
    expect(html).toContain('<p class="question">Did the strategies beat the benchmark after first cuts?</p>');
    expect(html).toContain('<dt>costs</dt><dd>none &amp; &quot;free&quot;</dd>');
    expect(html).toContain('<dd>rut-gspc: small rut, large gspc; price return &lt;test&gt;</dd>');
    expect(html).toContain('<tr><th>cycle</th><th>window</th><th>buy-hold-small</th><th>cut-trigger</th></tr>');
    expect(html).toContain('<tr><th>mean over 2 counted</th>');
    expect(html).toContain('<tr style="color:#888"><th>2001-05, recession (joins 2001-01)</th>');
  });

  it('draws the simulation: headline, probabilities in words, analog warnings, percentiles of each leg', () => {
    const html = reportHtmlOf(plan(sources()));
    expect(html).toContain('<p class="question">What could the next 4 months bring in the Insurance cuts scenario?</p>');
    expect(html).toContain('<dt>method</dt><dd>stationary block bootstrap, mean block 16.5 rows (given); Politis and Romano (1994)</dd>');
    expect(html).toContain('<dt>P(Russell 2000 ≥ +20\u00a0%)</dt><dd>45.7\u00a0%</dd><dt>P(Russell 2000 ≥ S&amp;P 500)</dt><dd>61.0\u00a0%</dd>');
    expect(html).not.toMatch(/P\((small|large|spread):/);
    expect(html).toContain('<p class="warn">warning: only 2 analog cycles</p>');
    expect(html).toContain('<tr><th>Russell 2000</th><td>+0.0%</td><td>+10.0%</td><td>+20.0%</td><td>+30.0%</td><td>+40.0%</td><td>+20.0%</td><td>15.0%</td>');
  });

  it('marks synthetic data in the title and the section, and notes a chart without data instead of drawing it', () => {
    const bt = backtestDocument({ synthetic: true });
    for (const s of [bt.benchmark, ...bt.strategies]) s.cycles = s.cycles.map((c) => ({ ...c, start: '1990-01-01', end: '1990-06-01', anchor: '1990-02-01' }));
    const html = reportHtmlOf(plan([{ file: 'a<b>.json', doc: bt }, { file: 'sim.json', doc: simulateDocument() }]));
    expect(html).toContain('<title>ratecut report (SYNTHETIC): a&lt;b&gt;.json, sim.json</title>');
    expect(html).toContain('<p class="synthetic">SYNTHETIC SAMPLE: test data</p>');
    // Said once more above the answers at the top, naming the synthetic file.
    expect(html.indexOf('<p class="synthetic">SYNTHETIC SAMPLE: a&lt;b&gt;.json was made from generated data, not market history.</p>')).toBeLessThan(html.indexOf('class="glance"'));
    expect(html).toMatch(/<p class="note">Each panel is one cycle window.*: no data to draw\.<\/p>/);
    // The window-run grid is a note: one chart fewer than with the cycles inside the data.
    const full = specsOf(reportHtmlOf(plan([{ file: 'a<b>.json', doc: backtestDocument({ synthetic: true }) }, { file: 'sim.json', doc: simulateDocument() }]))).length;
    expect(specsOf(html)).toHaveLength(full - 1);
  });

  it('reads cycles and compare results, from files and in memory, and puts each headline at the top in the order given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-report-kinds-'));
    writeFileSync(join(dir, 'cycles.json'), JSON.stringify(cyclesDocument()));
    writeFileSync(join(dir, 'compare.json'), JSON.stringify(compareDocument()));
    const fromFiles = plan([{ file: 'cycles.json' }, { file: 'bt.json', doc: backtestDocument() }, { file: 'compare.json' }], dir);
    expect(fromFiles.plan.kinds).toEqual(['cycles', 'backtest', 'compare']);
    const html = reportHtmlOf(fromFiles);
    expect(html).toBe(reportHtmlOf(plan([{ file: 'cycles.json', doc: cyclesDocument() }, { file: 'bt.json', doc: backtestDocument() }, { file: 'compare.json', doc: compareDocument() }])));
    const cycles = html.indexOf('the <b>Russell 2000 beat the S&amp;P 500 over 12 months in 3 of 5</b>');
    const compare = html.indexOf('<b>a.json:cut-trigger beat b.json:buy-hold-small in 3 of 5 cycles</b>');
    expect(cycles).toBeGreaterThan(0);
    expect(compare).toBeGreaterThan(cycles);
    expect(html.indexOf('<h2 id="file-1">Fed easing cycles')).toBeGreaterThan(compare);
    expect(html).toContain('<h2 id="file-3">Comparison of 2 result files');
    // Two cycles charts (one per pair), the backtest's, and the compare A − B bars.
    const marks = specsOf(html).map((c) => JSON.stringify(c.spec));
    expect(marks.filter((m) => m.includes('won 3 of 5, mean +4.4 pp'))).toHaveLength(1);
    expect(marks.filter((m) => m.includes('beat b.json:buy-hold-small in 3 of 5 cycles'))).toHaveLength(1);
  });
});
