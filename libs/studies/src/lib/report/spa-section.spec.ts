import type { SpaResultJson } from '@ratecut/contracts';
import { SectionParts } from './section-parts';
import { pValueText as pText } from './section-parts';
import { spaHeadline, spaSection, spaSharpe } from './spa-section';
import { SPA_BARS_UP_TO, spaSpec } from './validation-charts';

/** A made-up `ratecut.spa/1` document (not market data). */
function spaDoc(strategies: SpaResultJson['strategies'], over: Partial<SpaResultJson> = {}): SpaResultJson {
  return {
    schema: 'ratecut.spa/1', ratecutVersion: '0.0.0', commandLine: 'ratecut validate spa bt.json', source: 'bt.json', benchmark: 'buy-hold-large',
    observations: 2520, firstDate: '2000-01-03', lastDate: '2009-12-31', periodsPerYear: 252,
    conventions: { excess: 'daily excess', bootstrap: 'stationary', realityCheck: 'White', spa: 'Hansen', pValues: '(1 + #) / (B + 1)' },
    settings: { seed: 1, resamples: 2000, meanBlock: 7.5, meanBlockSource: 'estimated' },
    strategies, best: 'cut-trigger',
    realityCheck: { statistic: 1.2, pValue: 0.2346 }, spa: { statistic: 1.8, pLower: 0.11, pConsistent: 0.1234, pUpper: 0.3 },
    deflatedSharpe: {
      source: 'bt.json', statistic: 'excess over benchmark', nullHypothesis: 'no skill', trials: 3, best: 'cut-trigger', bestSharpe: 0.41, trialSharpeSd: 0.2,
      expectedMaxSharpe: 0.3, observations: 2519, skewness: 0, kurtosis: 3, moments: 'from the returns', probability: 0.6789,
    },
    ...over,
  };
}

const THREE: SpaResultJson['strategies'] = [
  { label: 'static-mix', meanExcess: 0.0001, annualExcess: 0.0252, tStatistic: 0.9, tested: true },
  { label: 'cut-trigger', meanExcess: 0.0002, annualExcess: 0.0504, tStatistic: 1.8, tested: true },
  { label: 'buy-hold-small', meanExcess: -0.0001, annualExcess: -0.0252, tStatistic: -0.4, tested: true },
  { label: 'benchmark twin', meanExcess: 0, annualExcess: 0, tStatistic: null, tested: false },
];

describe('the SPA section', () => {
  it('answers in one sentence with the document\'s p-values and the deflated Sharpe probability', () => {
    const doc = spaDoc(THREE);
    const text = spaHeadline(doc);
    expect(text).toBe('The best of 3 strategies, <b>cut-trigger</b>, earned +5.0% a year over buy-hold-large. Reality Check p = 0.235, SPA p = 0.123, '
      + 'deflated Sharpe P = 0.68 (not above 0.95): <b>not significant at 5 %</b>: the edge could be the luck of trying them all.');
    const significant = spaHeadline(spaDoc(THREE, { spa: { statistic: 3, pLower: 0.001, pConsistent: 0.0004, pUpper: 0.01 } }));
    expect(significant).toContain('SPA p = &lt;0.001');
    expect(significant).toContain('<b>significant at 5 %</b>: the edge is unlikely to be the luck of trying them all.');
    expect(spaHeadline(spaDoc(THREE, { best: null }))).toMatch(/nothing to test/);
    expect(pText(0.05)).toBe('0.050');
  });

  it('gives each strategy an excess Sharpe ratio t × √(periods a year / n)', () => {
    expect(spaSharpe(1.8, 2520, 252)).toBeCloseTo(1.8 * Math.sqrt(0.1), 12);
    expect(spaSharpe(null, 2520, 252)).toBeNull();
    const page = new SectionParts();
    spaSection(page, { kind: 'spa', file: 'spa.json', schema: 'ratecut.spa/1', doc: spaDoc(THREE) }, 1);
    const html = page.parts.map((p) => ('html' in p ? p.html : '')).join('');
    expect(page.headlineHtml).toBe(spaHeadline(spaDoc(THREE)));
    expect(html).toContain(`<tr><th>cut-trigger (best)</th><td class="pos">+5.04 pp</td><td>1.80</td><td>${(1.8 * Math.sqrt(0.1)).toFixed(2)}</td>`);
    expect(html).toContain('<details><summary>Conventions</summary>');
    expect(html.indexOf('class="headline"')).toBeLessThan(html.indexOf('<table>'));
  });

  it('draws the tested strategies, largest statistic first, the best in red; a sweep as dots', () => {
    const spec = spaSpec(spaDoc(THREE)) as { data: { values: { strategy: string; excess: number; best: string }[] } };
    expect(spec.data.values.map((r) => [r.strategy, r.excess, r.best])).toEqual([['cut-trigger', 5.04, 'best'], ['static-mix', 2.52, 'other'], ['buy-hold-small', -2.52, 'other']]);
    expect(JSON.stringify(spec)).toContain('#c0392b');
    const many = Array.from({ length: SPA_BARS_UP_TO + 5 }, (_, i) => ({ label: `k=${i}`, meanExcess: i / 1e5, annualExcess: (i / 1e5) * 252, tStatistic: i / 10, tested: true }));
    const dots = spaSpec(spaDoc(many, { best: `k=${SPA_BARS_UP_TO + 4}` })) as { layer: { mark: { type: string } }[]; data: { values: { best: string; strategy: string }[] } };
    expect(dots.layer[0].mark.type).toBe('point');
    expect(dots.data.values.filter((r) => r.best === 'best').map((r) => r.strategy)).toEqual([`k=${SPA_BARS_UP_TO + 4}`]);
    expect(spaSpec(spaDoc([THREE[3]], { best: null }))).toBeNull();
  });
});
