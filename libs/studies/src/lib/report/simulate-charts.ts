import type { SimulateReportDoc } from './report-input';
import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';

const LEG_COLOR: Record<string, string> = { small: '#d95f02', large: '#1b6fb3', spread: '#6a3d9a' };

/** Percentile pairs (p, 100 - p) of the fan, outermost first, as band labels. */
function fanBands(percentiles: readonly number[]): { lo: number; hi: number; label: string }[] {
  const out: { lo: number; hi: number; label: string }[] = [];
  percentiles.forEach((p, lo) => {
    const hi = percentiles.indexOf(100 - p);
    if (p < 50 && hi >= 0) out.push({ lo, hi, label: `p${p}–p${100 - p}` });
  });
  return out;
}

/**
 * Fan chart of a simulation: for small and large, the bands between symmetric percentiles of
 * the cumulative return at each step (from the result's `fan`, the first `fan.paths` paths) and
 * the median as a line.
 */
export function fanSpec(doc: SimulateReportDoc): VegaLiteSpec {
  const fan = doc.fan;
  const bands = fanBands(fan.percentiles);
  const median = fan.percentiles.indexOf(50);
  const steps = fan.small.map((_, i) => i);
  const panel = (leg: 'small' | 'large') => {
    const rows = fan[leg];
    const col = (q: number) => rows.map((r) => round(r[q], 5));
    const layer: Record<string, unknown>[] = [{
      data: { values: bands.map((b) => ({ b: b.label, st: steps, lo: col(b.lo), hi: col(b.hi) })) },
      transform: [{ flatten: ['st', 'lo', 'hi'] }],
      mark: { type: 'area', color: LEG_COLOR[leg] },
      encoding: {
        x: { field: 'st', type: 'quantitative', title: `step (${fan.stepUnit})` },
        y: { field: 'lo', type: 'quantitative', title: 'cumulative return', axis: { format: '+.0%' } },
        y2: { field: 'hi' },
        opacity: { field: 'b', type: 'ordinal', title: 'percentile band', sort: bands.map((b) => b.label), scale: { range: bands.map((_, i) => round(0.15 + (0.3 * (i + 1)) / bands.length, 3)) } },
      },
    }];
    if (median >= 0) {
      layer.push({
        data: { values: [{ st: steps, v: col(median) }] },
        transform: [{ flatten: ['st', 'v'] }],
        mark: { type: 'line', color: LEG_COLOR[leg], strokeWidth: 1.5 },
        encoding: { x: { field: 'st', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } },
      });
    }
    return { title: `${leg} (${doc.data.pair[leg]})`, width: 420, height: 240, layer };
  };
  return {
    $schema: SCHEMA,
    title: { text: `Fan chart: percentiles of the cumulative return at each step (first ${fan.paths} paths; line = median)`, fontSize: 12 },
    hconcat: [panel('small'), panel('large')],
    resolve: { scale: { y: 'shared' } },
  };
}

const pct = (p: number | null): string => (p === null ? 'n/a' : `${(p * 100).toFixed(1)}%`);

/**
 * Histograms of the horizon returns (small and large, and small minus large when a target is
 * set on it), each `--target` drawn as a vertical rule labelled with its probability.
 */
export function histogramSpec(doc: SimulateReportDoc): VegaLiteSpec {
  const targets = doc.probabilities.targets;
  const legs: ('small' | 'large' | 'spread')[] = targets.some((t) => t.leg === 'spread') ? ['small', 'large', 'spread'] : ['small', 'large'];
  const panel = (leg: 'small' | 'large' | 'spread') => {
    const h = doc.histograms[leg];
    const top = Math.max(1, ...h.counts);
    const legTargets = targets.filter((t) => t.leg === leg).map((t, i) => ({ x: t.level, label: `${t.target}: P = ${pct(t.probability)}`, y: round(top * (1.06 - 0.08 * i), 2) }));
    const layer: Record<string, unknown>[] = [{
      data: { values: [{ x0: h.edges.slice(0, -1).map((e) => round(e, 6)), x1: h.edges.slice(1).map((e) => round(e, 6)), n: h.counts }] },
      transform: [{ flatten: ['x0', 'x1', 'n'] }],
      mark: { type: 'bar', color: LEG_COLOR[leg], opacity: 0.75, binSpacing: 0 },
      encoding: {
        x: { field: 'x0', type: 'quantitative', title: `${leg === 'spread' ? 'small minus large' : leg} return over ${doc.horizon.months} months`, axis: { format: '+.0%' } },
        x2: { field: 'x1' },
        y: { field: 'n', type: 'quantitative', title: 'paths (end bins include the tails)', scale: { zero: true } },
        y2: { datum: 0 },
      },
    }];
    if (legTargets.length > 0) {
      layer.push(
        { data: { values: legTargets }, mark: { type: 'rule', color: '#222', strokeWidth: 1.5, strokeDash: [4, 2] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
        { data: { values: legTargets }, mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, fontWeight: 'bold' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } } },
      );
    }
    return { title: `${leg === 'spread' ? 'small minus large' : `${leg} (${doc.data.pair[leg]})`}`, width: 420, height: 220, layer };
  };
  return {
    $schema: SCHEMA,
    title: { text: `Horizon returns of all ${doc.paths} paths (${doc.horizon.months} months, ${doc.horizon.steps} ${doc.horizon.unit}); P(small beats large) = ${pct(doc.probabilities.smallBeatsLarge)}`, fontSize: 12 },
    hconcat: legs.map(panel),
  };
}
