import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';
import type { CycleExcess, CycleExcessRow } from './cycle-excess';
import { GAIN_GREEN, LOSS_RED } from './palette';

/** The neutral middle of the diverging excess scale (no excess). */
export const NO_EXCESS_WHITE = '#f7f7f7';

/** A heatmap row's label: the cycle in words, and the episode it joins when it is not counted. */
export function heatmapRowLabel(row: CycleExcessRow): string {
  return row.joins === null ? row.label : `${row.label} (joins ${row.joins})`;
}

/** Share of the cells whose absolute excess lies inside the colour scale (the rest are drawn in full colour). */
export const COLOUR_QUANTILE = 0.9;

/**
 * The half-width of the heatmap's colour scale, which is centred on 0: the
 * {@link COLOUR_QUANTILE} quantile of the cells' absolute excess (nearest rank), rounded up to a
 * whole percentage point and at least 1 pp, so one extreme cycle does not wash out the others;
 * cells beyond it are drawn in the full colour (the scale is clamped).
 */
export function excessColourLimit(excess: CycleExcess): number {
  const xs: number[] = [];
  for (const r of excess.rows) for (const x of r.excess) if (x !== null && Number.isFinite(x)) xs.push(Math.abs(x));
  if (xs.length === 0) return 0.01;
  xs.sort((a, b) => a - b);
  const q = xs[Math.min(xs.length - 1, Math.ceil(COLOUR_QUANTILE * xs.length) - 1)];
  return Math.max(0.01, Math.ceil(q * 100 - 1e-9) / 100);
}

/**
 * Heatmap of the per-cycle excess total returns: one row per cycle window (in date order), one
 * column per compared strategy, colour = excess over the benchmark on a diverging scale centred
 * on 0 (losses red, gains green, symmetric), the value written in each cell. Cells without a
 * comparison show "n/a". Null when there is no cycle or no compared strategy.
 */
export function cycleExcessHeatmapSpec(excess: CycleExcess): VegaLiteSpec | null {
  if (excess.rows.length === 0 || excess.strategies.length === 0) return null;
  const values = excess.rows.flatMap((r) => r.excess.map((x, j) => ({
    c: heatmapRowLabel(r), s: excess.strategies[j], x: round(x, 5), k: r.counted ? 'yes' : `no (joins ${r.joins ?? 'an earlier cycle'})`,
  })));
  const limit = excessColourLimit(excess);
  const rowOrder = excess.rows.map(heatmapRowLabel);
  const x = { field: 's', type: 'nominal', sort: [...excess.strategies], title: null, axis: { orient: 'top', labelAngle: 0, labelLimit: 110 } };
  const y = { field: 'c', type: 'nominal', sort: rowOrder, title: null, axis: { labelLimit: 240 } };
  const tooltip = [
    { field: 'c', type: 'nominal', title: 'cycle' },
    { field: 's', type: 'nominal', title: 'strategy' },
    { field: 'x', type: 'quantitative', title: 'excess over the benchmark', format: '+.1%' },
    { field: 'k', type: 'nominal', title: 'in the mean and hit rate' },
  ];
  return {
    $schema: SCHEMA,
    data: { values },
    width: Math.min(760, 110 * excess.strategies.length),
    height: { step: 20 },
    encoding: { x, y },
    layer: [
      { mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 }, encoding: { color: { value: '#eeeeee' }, tooltip } },
      {
        transform: [{ filter: 'isValid(datum.x)' }],
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'x', type: 'quantitative', title: 'excess',
            scale: { domain: [-limit, 0, limit], range: [LOSS_RED, NO_EXCESS_WHITE, GAIN_GREEN], clamp: true },
            legend: { format: '+.0%', orient: 'right', gradientLength: 160, title: 'excess' },
          },
          tooltip,
        },
      },
      {
        transform: [{ calculate: `isValid(datum.x) ? format(datum.x, '+.1%') : 'n/a'`, as: 'label' }],
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: `isValid(datum.x) && abs(datum.x) > ${round(0.6 * limit, 4)}`, value: '#fff' }, value: '#222' },
          tooltip,
        },
      },
    ],
  };
}
