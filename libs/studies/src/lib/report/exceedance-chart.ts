import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';
import { exceedanceCurve, type ExceedanceLeg } from './exceedance';
import { LEG_COLOURS } from './palette';
import type { SimulateReportDoc } from './report-input';
import { outcomeName, probabilityWords, simulateLegNames, thresholdWords } from './simulate-words';

const LEGS: readonly ExceedanceLeg[] = ['small', 'large', 'spread'];

/**
 * Exceedance chart of a simulation: for small, large and small minus large, the share of paths
 * whose horizon return is at least x (x = the threshold), one line each in the leg's colour,
 * through the points the result counts exactly (its histograms' inner bin edges, see
 * `exceedanceCurve`); each `--target` as a labelled point at its exact probability.
 */
export function exceedanceSpec(doc: SimulateReportDoc): VegaLiteSpec | null {
  const names = simulateLegNames(doc);
  const legNames = LEGS.map((leg) => outcomeName(names, leg));
  const curves = LEGS.map((leg, k) => ({ name: legNames[k], points: exceedanceCurve(doc.histograms[leg]) })).filter((c) => c.points.length > 0);
  if (curves.length === 0) return null;
  const lines = curves.map((c) => ({ s: c.name, x: c.points.map((p) => round(p.level, 5)), p: c.points.map((p) => round(p.probability, 5)) }));
  const targets = doc.probabilities.targets
    .filter((t) => t.probability !== null)
    .map((t) => ({ s: outcomeName(names, t.leg), x: round(t.level, 6), p: round(t.probability, 5), label: `${thresholdWords(names, t.leg, t.level)}: ${probabilityWords(t.probability)}` }));
  const colour = { field: 's', type: 'nominal', title: null, scale: { domain: legNames, range: [LEG_COLOURS.small, LEG_COLOURS.large, LEG_COLOURS.spread] }, legend: { orient: 'top-right' } };
  const x = { field: 'x', type: 'quantitative', title: `return over ${doc.horizon.months} months at least (for ${legNames[2]}: percentage points)`, axis: { format: '+.0%' } };
  const y = { field: 'p', type: 'quantitative', title: 'share of paths', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const tooltip = [{ field: 's', type: 'nominal', title: 'outcome' }, { field: 'x', type: 'quantitative', title: 'at least', format: '+.1%' }, { field: 'p', type: 'quantitative', title: 'share of paths', format: '.1%' }];
  const layer: Record<string, unknown>[] = [
    { data: { values: [{ x: 0 }] }, mark: { type: 'rule', color: '#999', strokeWidth: 1 }, encoding: { x: { field: 'x', type: 'quantitative' } } },
    {
      data: { values: lines },
      transform: [{ flatten: ['x', 'p'] }],
      mark: { type: 'line', strokeWidth: 2, point: { size: 12, filled: true } },
      encoding: { x, y, color: colour, tooltip },
    },
  ];
  if (targets.length > 0) {
    layer.push(
      { data: { values: targets }, mark: { type: 'point', shape: 'diamond', size: 110, filled: true, stroke: '#222', strokeWidth: 1 }, encoding: { x, y, color: colour, tooltip: [{ field: 'label', type: 'nominal', title: 'target' }] } },
      { data: { values: targets }, mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 11, fontWeight: 'bold' }, encoding: { x, y, text: { field: 'label' }, tooltip: [{ field: 'label', type: 'nominal', title: 'target' }] } },
    );
  }
  return { $schema: SCHEMA, width: 860, height: 260, layer };
}
