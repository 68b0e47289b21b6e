import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';
import type { CycleSpreadRow, HorizonRecord, PairCycleSpreads } from './cycle-spreads';
import { CONTEXT_GREY, GAIN_GREEN, LOSS_RED } from './palette';
import { signedPp } from './section-parts';

/** Total width the faceted chart is laid out for (row labels, panels and gaps), within the page's 1,040 px. */
export const SPREAD_CHART_WIDTH = 1000;
/** Width of the cycle labels on the y axis. */
const LABEL_WIDTH = 220;
/** Gap between panels. */
const PANEL_GAP = 12;

/** A cycle's row label: its id, "recession" when it is a recession cycle, and the episode it joins when it is not counted. */
export function spreadRowLabel(row: CycleSpreadRow): string {
  return `${row.cycleId}${row.recession ? ' recession' : ''}${row.joins === null ? '' : ` (joins ${row.joins})`}`;
}

/** A horizon panel's title: the horizon, then "won k of n, mean ±x pp" (small over large, counted cycles; two lines, split at `|`). */
export function panelTitle(h: HorizonRecord): string {
  return h.count === 0 ? `${h.words}|no counted cycle` : `${h.words}|won ${h.wins} of ${h.count}, mean ${signedPp(h.mean)}`;
}

/**
 * Per-cycle bars of small − large after the first cut, one panel per horizon (3, 6, 12 and 24
 * months), cycles as rows in date order and one x scale for all panels: green where small beat
 * large, red where it trailed; recession cycles outlined in black and named on their row; a cycle
 * that joins an earlier episode (not counted) drawn faint; a horizon past the data or across a
 * gap written as "n/a". Each panel's title gives how many counted cycles small won, of how many, and the mean
 * (the x axis has no title: the section's heading and the caption name the legs).
 * Tooltips give both legs' returns. Null when the pair's data cover no cycle.
 */
export function cycleSpreadSpec(spreads: PairCycleSpreads): VegaLiteSpec | null {
  if (spreads.rows.length === 0 || spreads.horizons.length === 0) return null;
  const titles = spreads.horizons.map((h) => panelTitle(h));
  const values = spreads.rows.flatMap((r) => spreads.horizons.map((_, h) => ({
    c: spreadRowLabel(r), h: titles[h], b: r.base,
    x: round(r.spread[h], 5), s: round(r.small[h], 5), l: round(r.large[h], 5),
    k: r.counted ? 'yes' : `no (joins ${r.joins ?? 'an earlier episode'})`,
    r: r.recession ? 'yes' : 'no',
    m: r.missing[h] ?? '',
  })));
  const n = spreads.horizons.length;
  const panel = Math.floor((SPREAD_CHART_WIDTH - LABEL_WIDTH - PANEL_GAP * (n - 1)) / n);
  const tooltip = [
    { field: 'c', type: 'nominal', title: 'cycle' },
    { field: 'b', type: 'nominal', title: 'base close' },
    { field: 'x', type: 'quantitative', title: `${spreads.legs.small} − ${spreads.legs.large}`, format: '+.1%' },
    { field: 's', type: 'quantitative', title: spreads.legs.small, format: '+.1%' },
    { field: 'l', type: 'quantitative', title: spreads.legs.large, format: '+.1%' },
    { field: 'r', type: 'nominal', title: 'recession cycle' },
    { field: 'k', type: 'nominal', title: 'counted' },
  ];
  const y = { field: 'c', type: 'nominal', sort: spreads.rows.map(spreadRowLabel), title: null, axis: { labelLimit: LABEL_WIDTH - 10, labelFontSize: 11 } };
  return {
    $schema: SCHEMA,
    data: { values },
    spacing: PANEL_GAP,
    facet: {
      column: {
        field: 'h', type: 'nominal', sort: titles, title: null,
        header: { labelExpr: "split(datum.value, '|')", labelFontSize: 12, labelFontWeight: 'bold', labelLimit: panel + PANEL_GAP },
      },
    },
    spec: {
      width: panel,
      height: { step: 16 },
      layer: [
        {
          transform: [{ filter: 'isValid(datum.x)' }],
          mark: { type: 'bar', strokeWidth: 1.5 },
          encoding: {
            y,
            x: { field: 'x', type: 'quantitative', title: null, axis: { format: '+.0%', tickCount: 5 } },
            color: { condition: { test: 'datum.x > 0', value: GAIN_GREEN }, value: LOSS_RED },
            stroke: { condition: { test: "datum.r == 'yes'", value: '#111111' }, value: null },
            opacity: { condition: { test: "datum.k == 'yes'", value: 0.9 }, value: 0.3 },
            tooltip,
          },
        },
        {
          transform: [{ filter: '!isValid(datum.x)' }],
          mark: { type: 'text', align: 'left', dx: 2, fontSize: 10, color: CONTEXT_GREY },
          encoding: { y, x: { datum: 0 }, text: { value: 'n/a' }, tooltip: [{ field: 'c', type: 'nominal', title: 'cycle' }, { field: 'm', type: 'nominal', title: 'no return' }] },
        },
        { mark: { type: 'rule', color: '#666666' }, encoding: { x: { datum: 0 } } },
      ],
    },
    resolve: { scale: { x: 'shared' } },
  };
}
