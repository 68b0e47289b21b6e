import { knownDraws, simulateDocument, simulateDocumentFromDraws } from '../../testing/report-documents';
import { exceedanceAt, exceedanceCurve, simulatedExceedance } from './exceedance';

/** Share of `xs` at or above `t`, counted directly over the draws. */
const shareAtLeast = (xs: Float64Array, t: number): number => xs.reduce((n, x) => n + (x >= t ? 1 : 0), 0) / xs.length;

describe('exceedanceCurve', () => {
  it('is the share of paths at or above each inner bin edge, as counted over the draws', () => {
    const draws = knownDraws();
    const doc = simulateDocumentFromDraws(draws, 60);
    const curve = exceedanceCurve(doc.histograms.small);
    const edges = doc.histograms.small.edges as number[];
    expect(curve.map((p) => p.level)).toEqual(edges.slice(1, -1));
    for (const p of curve) expect(Math.abs(p.probability - shareAtLeast(draws.small, p.level))).toBeLessThanOrEqual(1 / draws.small.length + 1e-12);
  });

  it('is empty without finite edges or counts', () => {
    expect(exceedanceCurve({ edges: [null, null, null], counts: [0, 0] })).toEqual([]);
    expect(exceedanceCurve({ edges: [0, 1, 2], counts: [0, 0] })).toEqual([]);
  });
});

describe('exceedanceAt', () => {
  const curve = exceedanceCurve({ edges: [-0.2, 0, 0.2, 0.4, 0.6], counts: [100, 300, 400, 200] });

  it('is exact on an edge, linear between edges and a bound beyond the inner edges', () => {
    expect(curve).toEqual([{ level: 0, probability: 0.9 }, { level: 0.2, probability: 0.6 }, { level: 0.4, probability: 0.2 }]);
    expect(exceedanceAt(curve, 0.2)).toEqual({ level: 0.2, probability: 0.6, kind: 'exact' });
    const mid = exceedanceAt(curve, 0.3);
    expect(mid?.kind).toBe('interpolated');
    expect(mid?.probability).toBeCloseTo(0.4, 12);
    expect(exceedanceAt(curve, 0.05)?.probability).toBeCloseTo(0.9 - 0.25 * 0.3, 12);
    expect(exceedanceAt(curve, -0.1)).toEqual({ level: -0.1, probability: 0.9, kind: 'at least' });
    expect(exceedanceAt(curve, 0.5)).toEqual({ level: 0.5, probability: 0.2, kind: 'at most' });
    expect(exceedanceAt([], 0)).toBeNull();
  });

  it('stays within one bin of the share counted over known draws', () => {
    const draws = knownDraws();
    const doc = simulateDocumentFromDraws(draws, 60);
    const c = exceedanceCurve(doc.histograms.large);
    for (const t of [-0.05, 0, 0.03, 0.1, 0.17, 0.3]) {
      const v = exceedanceAt(c, t);
      const k = c.findIndex((p) => p.level > t);
      const binShare = c[k - 1].probability - c[k].probability;
      expect(v?.kind).toBe('interpolated');
      expect(Math.abs((v?.probability ?? NaN) - shareAtLeast(draws.large, t))).toBeLessThanOrEqual(binShare + 1e-12);
      // And inside the exact values at the two edges around it.
      expect(v?.probability).toBeLessThanOrEqual(c[k - 1].probability);
      expect(v?.probability).toBeGreaterThanOrEqual(c[k].probability);
    }
  });
});

describe('simulatedExceedance', () => {
  it('takes a target at that level as it was counted, else reads the histogram', () => {
    const doc = simulateDocument();
    expect(simulatedExceedance(doc, 'small', 0.2)).toEqual({ level: 0.2, probability: 0.4567, kind: 'exact' });
    // Small histogram: edges -0.2, 0, 0.2, 0.4, 0.6 with counts 100, 300, 400, 200.
    expect(simulatedExceedance(doc, 'small', 0)).toEqual({ level: 0, probability: 0.9, kind: 'exact' });
    expect(simulatedExceedance(doc, 'large', 0.3)).toEqual({ level: 0.3, probability: 0.15, kind: 'at most' });
  });
});
