import { knownDraws, simulateDocument, simulateDocumentFromDraws } from '../../testing/report-documents';
import { drawdownTableHtml, probabilityTable, probabilityTableHtml, returnsTableHtml, strategiesTableHtml } from './simulate-tables';

const shareAtLeast = (xs: Float64Array, t: number): number => xs.reduce((n, x) => n + (x >= t ? 1 : 0), 0) / xs.length;

describe('probabilityTable', () => {
  const draws = knownDraws();
  const doc = simulateDocumentFromDraws(draws, 60);
  const table = probabilityTable(doc);
  const spread = draws.small.map((x, i) => x - draws.large[i]);

  it('has the legs at 0, +10, +20, +30 % and the spread at 0, 5, 10 pp (plus the targets’ levels)', () => {
    expect(table.legLevels).toEqual([0, 0.1, 0.2, 0.3]);
    expect(table.spreadLevels).toEqual([0, 0.05, 0.1]);
    expect(table.rows.map((r) => r.leg)).toEqual(['small', 'large', 'spread']);
  });

  it('matches the shares counted over the draws: exactly at a target, within one histogram bin elsewhere', () => {
    const xs = { small: draws.small, large: draws.large, spread };
    for (const row of table.rows) {
      const levels = row.leg === 'spread' ? table.spreadLevels : table.legLevels;
      row.cells.forEach((cell, i) => {
        const direct = shareAtLeast(xs[row.leg], levels[i]);
        const isTarget = doc.probabilities.targets.some((t) => t.leg === row.leg && t.level === levels[i]);
        if (isTarget) {
          expect(cell).toEqual({ level: levels[i], probability: direct, kind: 'exact' });
        } else {
          const h = doc.histograms[row.leg];
          const e = h.edges as number[];
          const k = e.findIndex((x) => x > levels[i]);
          const binShare = h.counts[k - 1] / xs[row.leg].length;
          expect(cell?.kind).toBe('interpolated');
          expect(Math.abs((cell?.probability ?? NaN) - direct)).toBeLessThanOrEqual(binShare);
        }
      });
    }
  });

  it('writes the table in words, marking interpolated values', () => {
    const html = probabilityTableHtml(doc, table);
    expect(html).toContain('<th>Russell 2000</th>');
    expect(html).toContain('Russell 2000 ahead of S&amp;P 500 by at least');
    expect(html).toContain('≈ ');
    expect(html).not.toMatch(/small:|spread:|P\(/);
  });
});

describe('the risk tables', () => {
  it('show VaR and CVaR per leg and the drawdowns in words', () => {
    const doc = simulateDocument();
    const returns = returnsTableHtml(doc);
    expect(returns).toContain('<th>CVaR 99 %</th>');
    // legs.small: dist(0.2) with var95 0.1 and cvar99 0.25.
    expect(returns).toMatch(/<tr><th>Russell 2000<\/th><td>\+0\.0%<\/td><td>\+10\.0%<\/td><td>\+20\.0%<\/td><td>\+30\.0%<\/td><td>\+40\.0%<\/td><td>\+20\.0%<\/td><td>15\.0%<\/td><td>10\.0%<\/td><td>15\.0%<\/td><td>20\.0%<\/td><td>25\.0%<\/td><\/tr>/);
    expect(drawdownTableHtml(doc)).toMatch(/<tr><th>S&amp;P 500<\/th><td>-40\.0%<\/td><td>-30\.0%<\/td>/);
  });

  it('lists the strategies on paths with the best median in bold, and nothing when none ran', () => {
    const doc = simulateDocument();
    expect(strategiesTableHtml(doc)).toBeNull();
    const dist = (m: number) => ({ ...doc.legs.small, mean: m, percentiles: { ...doc.legs.small.percentiles, p50: m } });
    doc.strategies = { paths: 10, note: 'n', results: [
      { name: 'buy-hold-small', horizonReturn: dist(0.1), maxDrawdown: dist(-0.2) },
      { name: 'cut-trigger', horizonReturn: dist(0.15), maxDrawdown: dist(-0.1) },
    ] };
    const html = strategiesTableHtml(doc) ?? '';
    expect(html).toContain('<th>buy and hold Russell 2000</th><td>+10.0%</td>');
    expect(html).toContain('<th>cut-trigger</th><td><b>+15.0%</b></td>');
    expect(html).toContain('<td><b>-10.0%</b></td>');
  });
});
