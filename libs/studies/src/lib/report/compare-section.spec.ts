import { compareResultSchema } from '@ratecut/contracts';
import { compareDocument, compareManyDocument, TEST_COMPARE_ROWS } from '../../testing/cycles-report-document';
import { compileChart } from './compile-charts';
import { compareCycleDotsSpec, compareDifferenceSpec } from './compare-charts';
import { compareHeadline, compareSection, cycleDifference, statisticWords } from './compare-section';
import { signedPp } from './section-parts';
import { GAIN_GREEN, LEG_COLOURS, LOSS_RED } from './palette';
import { SectionParts } from './section-parts';

/** The parts of a layered compare chart the tests read. */
interface LayeredChart {
  title?: { text: string };
  data: { values: { c: string; x: number; r: string }[] };
  layer: { encoding: { color: { scale?: { range: string[] } }; stroke?: { condition: { test: string } } } }[];
}

describe('the compare section', () => {
  it('the fixtures are valid ratecut.compare/1 documents', () => {
    expect(compareResultSchema.safeParse(compareDocument()).success).toBe(true);
    expect(compareResultSchema.safeParse(compareManyDocument()).success).toBe(true);
  });

  it('answers "is A better than B?" with the wins, the mean per-cycle difference and its interval, and the paired intervals', () => {
    const doc = compareDocument();
    const diffs = TEST_COMPARE_ROWS.map((r) => r.a - r.b);
    const d = cycleDifference(doc);
    expect(d?.count).toBe(5);
    expect(d?.mean).toBeCloseTo(diffs.reduce((a, b) => a + b, 0) / diffs.length, 12);
    expect(d?.meanLower).toBeLessThanOrEqual(d?.mean ?? NaN);
    expect(d?.meanUpper).toBeGreaterThanOrEqual(d?.mean ?? NaN);
    const h = compareHeadline(doc);
    expect(h.question).toBe('Is a.json:cut-trigger better than b.json:buy-hold-small?');
    // 2001-01, 2007-09 and 2019-08 are wins; 2003-06 a loss; 2024-09 a tie (not a win).
    expect(h.answerHtml).toBe(`<b>a.json:cut-trigger beat b.json:buy-hold-small in 3 of 5 cycles</b> (mean difference +5.2 pp per cycle, 90 % interval ${signedPp(d?.meanLower)} to ${signedPp(d?.meanUpper)}). `
      + 'Over the full history, 1998-01-02 to 2026-01-30: Sharpe ratio difference +0.11 (95 % interval −0.02 to +0.24), annual return difference +1.4 pp (95 % interval −1.6 pp to +4.2 pp); <b>both intervals include 0</b>: no clear difference.');
    const clear = compareHeadline({ ...doc, paired: doc.paired === null ? null : { ...doc.paired, sharpe: { estimate: 0.2, lower: 0.05, upper: 0.3 } } });
    expect(clear.answerHtml).toContain('<b>an interval excludes 0</b>');
    expect(compareHeadline({ ...doc, comparable: false }).answerHtml).toMatch(/^<b>Not comparable<\/b>/);
  });

  it('with more strategies, states the deflated Sharpe ratio in words; simulation statistics get plain-word names', () => {
    const h = compareHeadline(compareManyDocument());
    expect(h.question).toBe('Is the best strategy more than the luck of trying many?');
    expect(h.answerHtml).toBe('Of 3 trials (3 strategies of bt.json), the best, bt.json:rate-regime, has a Sharpe ratio excess over benchmark of 0.26 against the 0.15 the best of 3 with no skill would show; '
      + 'deflated Sharpe ratio P = 0.76, <b>not above 0.95</b>: it could be the luck of trying them all.');
    expect(statisticWords('P(small:+20%)')).toBe('chance small ≥ +20 %');
    expect(statisticWords('P(spread:0%)')).toBe('chance small − large ≥ 0 %');
    expect(statisticWords('P(large:-5%)')).toBe('chance large ≥ −5 %');
    expect(statisticWords('P(small beats large)')).toBe('chance small beats large');
    expect(statisticWords('small - large p5')).toBe('small − large 5th percentile');
    const simsOnly = compareHeadline({ ...compareManyDocument(), cycles: null, deflatedSharpe: [] });
    expect(simsOnly.answerHtml).toBe('Chance small beats large: s1.json:insurance-cuts 55.0%, s2.json:recession-easing 48.0%.');
  });

  it('draws A − B per cycle in gain and loss colours with recession cycles outlined and "A beat B in k of n" in the title', () => {
    const chart = compareDifferenceSpec(compareDocument());
    const spec = chart as unknown as LayeredChart;
    expect(spec.title?.text).toBe('a.json:cut-trigger beat b.json:buy-hold-small in 3 of 5 cycles');
    const values = spec.data.values;
    expect(values.map((v) => v.c)).toEqual(['2001-01 recession', '2003-06', '2007-09 recession', '2019-08', '2024-09 (cut short)']);
    values.forEach((v, i) => expect(v.x).toBeCloseTo(TEST_COMPARE_ROWS[i].a - TEST_COMPARE_ROWS[i].b, 5));
    expect(spec.layer[0].encoding.color).toEqual({ condition: { test: 'datum.x > 0', value: GAIN_GREEN }, value: LOSS_RED });
    expect(spec.layer[0].encoding.stroke?.condition.test).toBe("datum.r == 'yes'");
    expect(chart === null ? ['no chart'] : compileChart(chart).warnings).toEqual([]);
    expect(compareDifferenceSpec(compareManyDocument())).toBeNull();
  });

  it('draws every strategy\'s return per cycle when there are more than two, small caps in their colour', () => {
    const chart = compareCycleDotsSpec(compareManyDocument());
    const spec = chart as unknown as LayeredChart;
    expect(spec.data.values).toHaveLength(15);
    expect(spec.layer[0].encoding.color.scale?.range[0]).toBe(LEG_COLOURS.small);
    expect(chart === null ? ['no chart'] : compileChart(chart).warnings).toEqual([]);
    expect(compareCycleDotsSpec(compareDocument())).toBeNull();
  });

  it('makes a section: headline, chart, per-cycle table, paired test, metrics and the details', () => {
    const page = new SectionParts();
    compareSection(page, { kind: 'compare', file: 'compare.json', schema: 'ratecut.compare/1', doc: compareDocument() }, 3);
    const html = page.parts.map((p) => ('html' in p ? p.html : '')).join('\n');
    expect(page.headlineHtml).toBe(compareHeadline(compareDocument()).answerHtml);
    expect(page.parts.filter((p) => 'chart' in p)).toHaveLength(1);
    expect(html).toContain('<h2 id="file-3">Comparison of 2 result files (A = a.json, B = b.json)</h2>');
    expect(html).toContain('<td class="neg">−4.0 pp</td>');
    expect(html).toContain('Stationary bootstrap (Politis and Romano 1994), mean block 4.5 days');
    expect(html).toContain('<th>a.json:cut-trigger</th><td>+200%</td>');
    const many = new SectionParts();
    compareSection(many, { kind: 'compare', file: 'c.json', schema: 'ratecut.compare/1', doc: compareManyDocument() }, 1);
    const manyHtml = many.parts.map((p) => ('html' in p ? p.html : '')).join('\n');
    expect(manyHtml).toContain('Deflated Sharpe ratio (Bailey and López de Prado 2014)');
    expect(manyHtml).toContain('<th>chance small ≥ +20 %</th><td>30.0%</td><td>20.0%</td><td>+10.0 pp</td>');
    expect(manyHtml).not.toContain('P(small:');
  });
});
