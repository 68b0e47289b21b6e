import { FAN_PERCENTILES, simulateDocument } from '../../testing/report-documents';
import { fanSpec, histogramSpec } from './simulate-charts';

/** Rounding as the charts do it (NaN to null, -0 to 0), for expected values computed here. */
const round = (x: number, digits: number): number | null => {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r;
};


describe('fanSpec', () => {
  it('draws symmetric percentile bands, outermost first, and the median, per leg', () => {
    const doc = simulateDocument();
    const spec = fanSpec(doc) as { hconcat: { title: string; layer: { data: { values: Record<string, unknown>[] } }[] }[] };
    expect(spec.hconcat.map((p) => p.title)).toEqual(['small (rut)', 'large (gspc)']);
    for (const [k, leg] of (['small', 'large'] as const).entries()) {
      const [bands, median] = spec.hconcat[k].layer;
      const col = (p: number) => doc.fan[leg].map((row) => round(row[FAN_PERCENTILES.indexOf(p as never)] as number, 5));
      expect(bands.data.values).toEqual([
        { b: 'p5–p95', st: [0, 1, 2, 3, 4], lo: col(5), hi: col(95) },
        { b: 'p25–p75', st: [0, 1, 2, 3, 4], lo: col(25), hi: col(75) },
      ]);
      expect(median.data.values).toEqual([{ st: [0, 1, 2, 3, 4], v: col(50) }]);
    }
  });
});

describe('histogramSpec', () => {
  it('draws small, large and (with a spread target) small minus large, each target as a rule labelled with its probability', () => {
    const doc = simulateDocument();
    const spec = histogramSpec(doc) as { title: { text: string }; hconcat: { title: string; layer: { data: { values: Record<string, unknown>[] } }[] }[] };
    expect(spec.hconcat.map((p) => p.title)).toEqual(['small (rut)', 'large (gspc)', 'small minus large']);
    expect(spec.title.text).toBe('Horizon returns of all 1000 paths (4 months, 4 months); P(small beats large) = 61.0%');
    expect(spec.hconcat[0].layer[0].data.values).toEqual([{ x0: [-0.2, 0, 0.2, 0.4], x1: [0, 0.2, 0.4, 0.6], n: [100, 300, 400, 200] }]);
    expect(spec.hconcat[0].layer[1].data.values).toEqual([{ x: 0.2, label: 'small:+20%: P = 45.7%', y: 424 }]);
    expect(spec.hconcat[1].layer).toHaveLength(1);
    expect(spec.hconcat[2].layer[1].data.values).toEqual([{ x: 0, label: 'spread:0%: P = 61.0%', y: round(380 * 1.06, 2) }]);
  });

  it('leaves out the spread panel when no target is set on it', () => {
    const doc = simulateDocument();
    doc.probabilities.targets = doc.probabilities.targets.filter((t) => t.leg !== 'spread');
    expect((histogramSpec(doc)['hconcat'] as unknown[]).length).toBe(2);
  });
});
