import { FAN_PERCENTILES, knownDraws, simulateDocument, simulateDocumentFromDraws } from '../../testing/report-documents';
import { exceedanceSpec } from './exceedance-chart';
import { LEG_COLOURS } from './palette';
import { fanSpec, histogramSpec, spreadFanSpec, spreadHistogramSpec } from './simulate-charts';

/** Rounding as the charts do it (NaN to null, -0 to 0), for expected values computed here. */
const round = (x: number, digits: number): number | null => {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r;
};
const NBSP = '\u00a0';

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; color?: string }; encoding: Record<string, { scale?: { domain?: number[] } }> };
type Panel = { title: string; width: number; layer: Layer[] };

describe('fanSpec', () => {
  it('draws symmetric percentile bands, outermost first, and the median per leg in its colour, x in months, targets as rules', () => {
    const doc = simulateDocument();
    const spec = fanSpec(doc) as { hconcat: Panel[] };
    expect(spec.hconcat.map((p) => p.title)).toEqual(['Russell 2000', 'S&P 500']);
    for (const [k, leg] of (['small', 'large'] as const).entries()) {
      const [outer, inner, median] = spec.hconcat[k].layer;
      const col = (p: number) => doc.fan[leg].map((row) => round(row[FAN_PERCENTILES.indexOf(p as never)] as number, 5));
      // 4 monthly steps over 4 months: one month per step.
      expect(outer.data.values).toEqual([{ band: '5th to 95th percentile', m: [0, 1, 2, 3, 4], lo: col(5), hi: col(95) }]);
      expect(inner.data.values).toEqual([{ band: '25th to 75th percentile', m: [0, 1, 2, 3, 4], lo: col(25), hi: col(75) }]);
      expect(median.data.values).toEqual([{ m: [0, 1, 2, 3, 4], v: col(50) }]);
      for (const l of [outer, inner, median]) expect(l.mark.color).toBe(LEG_COLOURS[leg]);
      expect(outer.encoding['x'].scale?.domain).toEqual([0, 4]);
    }
    // The small leg's target (+20 %, P = 0.4567) as a horizontal rule with its label; none on large.
    const rule = spec.hconcat[0].layer[3];
    expect(rule.mark.type).toBe('rule');
    expect(rule.data.values).toEqual([{ level: 0.2, label: `Russell 2000 ≥ +20${NBSP}%: 46${NBSP}%`, px: 4 }]);
    expect(rule.encoding['y']).toBeDefined();
    expect(spec.hconcat[1].layer).toHaveLength(3);
  });

  it('puts trading-day steps on a months axis, about weekly (every fifth step and the last)', () => {
    const doc = simulateDocument();
    const steps = 252;
    doc.horizon = { months: 12, steps, unit: 'trading days' };
    const rows = Array.from({ length: steps + 1 }, (_, s) => FAN_PERCENTILES.map((p) => 0.001 * s + (p - 50) / 1000));
    doc.fan = { ...doc.fan, stepUnit: 'trading days', small: rows, large: rows };
    const spec = fanSpec(doc) as { hconcat: Panel[] };
    const drawn: number[] = [];
    for (let s = 0; s <= steps; s += 5) drawn.push(s);
    drawn.push(steps); // 250 is the last multiple of 5
    const band = spec.hconcat[0].layer[0].data.values[0] as { m: number[]; lo: number[] };
    expect(band.m).toEqual(drawn.map((s) => round((s * 12) / steps, 3)));
    expect(band.m[band.m.length - 1]).toBe(12);
    expect(band.lo).toEqual(drawn.map((s) => round(0.001 * s - 0.045, 5)));
  });
});

describe('spreadFanSpec', () => {
  it('draws the percentiles of small minus large in the spread colour, with the even line at 0 and the spread targets', () => {
    const doc = simulateDocument();
    expect(spreadFanSpec(doc)).toBeNull(); // a file written before the result held a spread fan
    const rows = [0, 1, 2, 3, 4].map((s) => FAN_PERCENTILES.map((p) => (s === 0 ? 0 : 0.01 * s + ((p - 50) / 100) * 0.05 * Math.sqrt(s))));
    doc.fan = { ...doc.fan, spread: rows };
    doc.probabilities.targets = [...doc.probabilities.targets, { target: 'spread:+9%', leg: 'spread', level: 0.09, probability: 0.25 }];
    const spec = spreadFanSpec(doc) as unknown as Panel;
    const [outer, inner, median, rule] = spec.layer;
    const col = (p: number) => rows.map((row) => round(row[FAN_PERCENTILES.indexOf(p as never)] as number, 5));
    expect(outer.data.values).toEqual([{ band: '5th to 95th percentile', m: [0, 1, 2, 3, 4], lo: col(5), hi: col(95) }]);
    expect(inner.data.values).toEqual([{ band: '25th to 75th percentile', m: [0, 1, 2, 3, 4], lo: col(25), hi: col(75) }]);
    expect(median.data.values).toEqual([{ m: [0, 1, 2, 3, 4], v: col(50) }]);
    for (const l of [outer, inner, median]) expect(l.mark.color).toBe(LEG_COLOURS.spread);
    // The document's own spread target sits at 0, so no separate even line is drawn.
    expect((rule.data.values as { level: number }[]).map((v) => v.level)).toEqual([0, 0.09]);
    doc.probabilities.targets = doc.probabilities.targets.filter((t) => t.leg !== 'spread');
    const noTargets = spreadFanSpec(doc) as unknown as Panel;
    expect(noTargets.layer[3].data.values).toEqual([{ level: 0, label: `even: Russell 2000 ahead above this line`, px: 4 }]);
    expect(spec.width).toBeLessThanOrEqual(1040 - 80);
  });
});

/** Share of `xs` at or above `t`, counted directly. */
const shareAtLeast = (xs: Float64Array, t: number): number => xs.reduce((n, x) => n + (x >= t ? 1 : 0), 0) / xs.length;

describe('histogramSpec', () => {
  const draws = knownDraws();
  const doc = simulateDocumentFromDraws(draws, 40);

  it('stacks small over large on one x range, without the end bins, as percent of paths per percentage point', () => {
    const spec = histogramSpec(doc) as { vconcat: Panel[]; resolve: unknown };
    expect(spec.vconcat.map((p) => p.title)).toEqual(['Russell 2000', 'S&P 500']);
    const s = doc.histograms.small.edges as number[], l = doc.histograms.large.edges as number[];
    const domain = [round(Math.min(s[1], l[1]), 5), round(Math.max(s[39], l[39]), 5)];
    for (const [k, leg] of (['small', 'large'] as const).entries()) {
      const bars = spec.vconcat[k].layer[0];
      expect(bars.mark.color).toBe(LEG_COLOURS[leg]);
      expect(bars.encoding['x'].scale?.domain).toEqual(domain);
      const v = bars.data.values[0] as { x0: number[]; x1: number[]; n: number[]; d: number[] };
      const h = doc.histograms[leg];
      const e = h.edges as number[];
      expect(v.n).toEqual(h.counts.slice(1, -1));
      expect(v.x0).toEqual(e.slice(1, -2).map((x) => round(x, 5)));
      // The drawn area (density × width in pp) is the share of paths inside the inner bins, counted from the draws.
      const xs = draws[leg];
      const inside = xs.reduce((n, x) => n + (x >= e[1] && x < e[39] ? 1 : 0), 0) / xs.length;
      const area = v.d.reduce((a, d, i) => a + d * (v.x1[i] - v.x0[i]) * 100, 0);
      expect(area).toBeCloseTo(inside, 3);
    }
    // The large leg's target (+10 %) is on the large panel, the small leg's on the small one.
    expect(spec.vconcat[0].layer[1].data.values.map((r) => r['level'])).toEqual([0.2]);
    expect(spec.vconcat[1].layer[1].data.values.map((r) => r['level'])).toEqual([0.1]);
  });

  it('draws small minus large in the spread colour with a rule at 0 labelled with P(small beats large)', () => {
    const spec = spreadHistogramSpec(doc) as unknown as Panel;
    expect(spec.title).toBe('Russell 2000 − S&P 500');
    expect(spec.layer[0].mark.color).toBe(LEG_COLOURS.spread);
    const beats = Math.round(100 * draws.small.reduce((n, x, i) => n + (x > draws.large[i] ? 1 : 0), 0) / draws.small.length);
    expect(spec.layer[1].data.values.map((r) => r['label'])).toEqual([
      `Russell 2000 beats S&P 500: ${beats}${NBSP}%`,
      `Russell 2000 ≥ S&P 500 + 5${NBSP}pp: ${Math.round(100 * shareAtLeast(draws.small.map((x, i) => x - draws.large[i]), 0.05))}${NBSP}%`,
    ]);
  });
});

describe('exceedanceSpec', () => {
  it('draws, per leg and for the spread, the share of the known draws at or above each inner histogram edge', () => {
    const draws = knownDraws();
    const doc = simulateDocumentFromDraws(draws, 40);
    const spec = exceedanceSpec(doc) as { layer: Layer[] };
    const lines = spec.layer[1].data.values as { s: string; x: number[]; p: number[] }[];
    expect(lines.map((l) => l.s)).toEqual(['Russell 2000', 'S&P 500', 'Russell 2000 − S&P 500']);
    const spread = draws.small.map((x, i) => x - draws.large[i]);
    for (const [k, xs] of [draws.small, draws.large, spread].entries()) {
      const edges = (doc.histograms[(['small', 'large', 'spread'] as const)[k]].edges as number[]).slice(1, -1);
      expect(lines[k].x).toEqual(edges.map((e) => round(e, 5)));
      lines[k].p.forEach((p, i) => expect(Math.abs(p - shareAtLeast(xs, edges[i]))).toBeLessThanOrEqual(1 / xs.length + 1e-5));
      // Decreasing from near 1 to near 0.
      expect(lines[k].p[0]).toBeGreaterThan(0.98);
      expect(lines[k].p[lines[k].p.length - 1]).toBeLessThan(0.02);
    }
    const targets = spec.layer[2].data.values;
    expect(targets.map((t) => [t['x'], t['p']])).toEqual([
      [0.2, round(shareAtLeast(draws.small, 0.2), 5)],
      [0.1, round(shareAtLeast(draws.large, 0.1), 5)],
      [0.05, round(shareAtLeast(spread, 0.05), 5)],
    ]);
  });
});
