import { cyclesResultSchema } from '@ratecut/contracts';
import { cyclesDocument, TEST_CYCLE_ROWS, TEST_PAIR_RETURNS } from '../../testing/cycles-report-document';
import { compileChart } from './compile-charts';
import { CYCLE_BOOTSTRAP, headlineHorizon, horizonWords, pairCycleSpreads } from './cycle-spreads';
import { cycleSpreadSpec, panelTitle, SPREAD_CHART_WIDTH, spreadRowLabel } from './cycles-charts';
import { signedPp } from './section-parts';
import { cyclesHeadline, cyclesSection, cycleSpreadTable } from './cycles-section';
import { GAIN_GREEN, LOSS_RED } from './palette';
import { SectionParts } from './section-parts';

/** Small − large of the counted, covered test cycles at horizon `k`, by a plain loop over the fixture's own tables. */
function countedSpreads(k: number): number[] {
  const out: number[] = [];
  for (const c of TEST_CYCLE_ROWS) {
    const r = TEST_PAIR_RETURNS[c.id];
    if (!c.counted || r === null) continue;
    const s = r.small[k], l = r.large[k];
    if (s !== null && l !== null) out.push(s - l);
  }
  return out;
}

/** The parts of the faceted spread chart the tests read. */
interface FacetedBars {
  data: { values: { c: string; h: string; x: number | null; r: string; k: string }[] };
  facet: { column: { sort: string[] } };
  spacing: number;
  spec: { width: number; encoding?: unknown; layer: { encoding: { color: unknown; tooltip: unknown[]; y: { sort: string[] } } }[] };
}

describe('the cycles section', () => {
  it('the fixture is a valid ratecut.cycles/1 document', () => {
    expect(cyclesResultSchema.safeParse(cyclesDocument()).success).toBe(true);
  });

  it('counts wins and means over the counted cycles the pair covers, as an independent loop and the document summary do', () => {
    const doc = cyclesDocument();
    const s = pairCycleSpreads(doc, 0);
    expect(s.rows.map((r) => r.cycleId)).toEqual(['2001-01', '2001-09', '2003-06', '2007-09', '2019-08', '2024-09']);
    expect(s.uncovered).toBe(1);
    expect(s.rows.find((r) => r.cycleId === '2001-09')).toMatchObject({ counted: false, joins: '2001-01', recession: true });
    s.horizons.forEach((h, k) => {
      const xs = countedSpreads(k);
      expect(h.count).toBe(xs.length);
      expect(h.wins).toBe(xs.filter((x) => x > 0).length);
      expect(h.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 12);
      const summary = doc.pairs[0].summary.find((r) => r.horizon === h.label && r.group === 'all');
      expect(h.count).toBe(summary?.count);
      expect(h.wins / h.count).toBeCloseTo(summary?.shareSmallBeat ?? NaN, 12);
      expect(h.mean).toBeCloseTo(summary?.meanDifference ?? NaN, 12);
      expect(h.median).toBeCloseTo(summary?.medianDifference ?? NaN, 12);
      const rec = doc.pairs[0].summary.find((r) => r.horizon === h.label && r.group === 'recession');
      expect(h.recession.count).toBe(rec?.count);
      expect(h.recession.mean).toBeCloseTo(rec?.meanDifference ?? NaN, 12);
      // The interval holds the mean and lies within the smallest and largest spread.
      expect(h.meanLower).toBeLessThanOrEqual(h.mean);
      expect(h.meanUpper).toBeGreaterThanOrEqual(h.mean);
      expect(h.meanLower).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
      expect(h.meanUpper).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
    });
    // 12 months: 0.18, 0.15, 0.10, −0.14, −0.07 → 3 of 5, mean +4.4 pp; 24 months: 2024-09 is past the data.
    expect([s.horizons[2].wins, s.horizons[2].count]).toEqual([3, 5]);
    expect(s.horizons[2].mean).toBeCloseTo(0.044, 12);
    expect(s.horizons[3].count).toBe(4);
    expect(headlineHorizon(s)).toBe(2);
  });

  it('gives the same interval on every run (a fixed seed), and an interval of some width', () => {
    const a = pairCycleSpreads(cyclesDocument(), 0), b = pairCycleSpreads(cyclesDocument(), 0);
    expect(b.horizons).toEqual(a.horizons);
    expect(CYCLE_BOOTSTRAP).toEqual({ seed: 1, resamples: 10_000, confidence: 0.9 });
    expect(a.horizons[0].meanLower).not.toBe(a.horizons[0].meanUpper);
  });

  it('answers the seed question in one or two sentences with the counted cycles, the interval, recession cycles and the return basis', () => {
    const doc = cyclesDocument();
    const h = pairCycleSpreads(doc, 0).horizons[2];
    const text = cyclesHeadline(doc);
    expect(text).toBe(`After the 5 easing episodes from 2001-01 to 2024-09, the <b>Russell 2000 beat the S&amp;P 500 over 12 months in 3 of 5</b> `
      + `(mean +4.4 pp, 90 % interval ${signedPp(h.meanLower)} to ${signedPp(h.meanUpper)}; median +10.0 pp); in the 2 recession cycles among them, 2 of 2 (mean +14.0 pp). `
      + 'One count per episode (a resumption within 24 months of its first cut joins it); price return: index levels without dividends.');
    expect(cyclesHeadline({ ...doc, counting: 'first-cuts' })).toMatch(/Every first cut counted/);
    expect(cyclesHeadline({ ...doc, pairs: [] })).toMatch(/No pair of series could be measured/);
  });

  it('draws one bar per covered cycle and horizon, green or red by sign, recession outlined, the count in each panel title, within the page', () => {
    const s = pairCycleSpreads(cyclesDocument(), 0);
    const chart = cycleSpreadSpec(s);
    const spec = chart as unknown as FacetedBars;
    const values = spec.data.values;
    expect(values).toHaveLength(6 * 4);
    expect(spec.facet.column.sort).toEqual(['3 months|won 2 of 5, mean +2.6 pp', '6 months|won 2 of 5, mean +2.0 pp', '12 months|won 3 of 5, mean +4.4 pp', '24 months|won 3 of 4, mean +9.0 pp']);
    expect(values.find((v) => v.c === '2024-09' && v.h.startsWith('24'))?.x).toBeNull();
    expect(values.find((v) => v.c === '2001-01 recession' && v.h.startsWith('12'))).toMatchObject({ x: 0.18, r: 'yes', k: 'yes' });
    expect(values.find((v) => v.c === '2001-09 recession (joins 2001-01)')?.k).toBe('no (joins 2001-01)');
    const bars = spec.spec.layer[0];
    expect(bars.encoding.color).toEqual({ condition: { test: 'datum.x > 0', value: GAIN_GREEN }, value: LOSS_RED });
    expect(bars.encoding.tooltip.length).toBeGreaterThan(3);
    expect(spec.spec.encoding).toBeUndefined();
    expect(bars.encoding.y.sort).toEqual(s.rows.map(spreadRowLabel));
    expect(220 + 4 * spec.spec.width + 3 * spec.spacing).toBeLessThanOrEqual(SPREAD_CHART_WIDTH);
    expect(chart === null ? ['no chart'] : compileChart(chart).warnings).toEqual([]);
    expect(cycleSpreadSpec({ ...s, rows: [] })).toBeNull();
    expect(panelTitle({ ...s.horizons[0], count: 0 })).toBe('3 months|no counted cycle');
    expect(horizonWords('1m')).toBe('1 month');
  });

  it('tables the cycles as rows, greys the resumption and ends with the counted cycles\' mean, interval, median and wins', () => {
    const s = pairCycleSpreads(cyclesDocument(), 0);
    const html = cycleSpreadTable(s);
    expect(html.match(/<tbody>.*<\/tbody>/)?.[0].match(/<tr/g)).toHaveLength(6);
    expect(html).toContain('<tr style="color:#888"><th>2001-09 recession (joins 2001-01)</th>');
    expect(html).toContain('<td class="pos">+18.0 pp</td>');
    expect(html).toMatch(/Russell 2000 won<\/th><td><\/td><td class="agg">2 of 5<\/td><td class="agg">2 of 5<\/td><td class="agg">3 of 5<\/td><td class="agg">3 of 4<\/td>/);
  });

  it('makes a section per document: headline, one chart and table per pair, skipped pairs and the bootstrap in the details', () => {
    const page = new SectionParts();
    cyclesSection(page, { kind: 'cycles', file: 'cycles.json', schema: 'ratecut.cycles/1', doc: cyclesDocument() }, 1);
    expect(page.headlineHtml).toBe(cyclesHeadline(cyclesDocument()));
    const html = page.parts.map((p) => ('html' in p ? p.html : '')).join('\n');
    expect(page.parts.filter((p) => 'chart' in p)).toHaveLength(2);
    expect(html).toContain('<h2 id="file-1">Fed easing cycles: small vs large caps after the first cut</h2>');
    expect(html).toContain('IWM vs SPY (test): IWM minus SPY after each first cut');
    expect(html).toContain('Not measured: ff-size (not in the catalog)');
    expect(html).toContain('10,000 resamples of the cycles with replacement, seed 1, 90 % two-sided');
    expect(html).not.toContain('class="synthetic"');
    const synthetic = new SectionParts();
    cyclesSection(synthetic, { kind: 'cycles', file: 'c.json', schema: 'ratecut.cycles/1', doc: { ...cyclesDocument(), data: { catalog: 'c', origin: 'sample', synthetic: true } } }, 2);
    expect(synthetic.parts.some((p) => 'html' in p && p.html.includes('<p class="synthetic">SYNTHETIC SAMPLE'))).toBe(true);
  });
});
