import { parseIsoDay } from '@ratecut/sim-core';
import { equityLines, lineColours } from './backtest-lines';
import { SCHEMA, type VegaLiteSpec } from './chart-spec';
import { EASING_SHADE, RECESSION_SHADE } from './palette';
import type { BacktestReportDoc } from './report-input';
import { weeklyRows } from './row-sampling';

/** `x` to `digits` significant digits (compact inline data for values that span decades); null when not finite. */
export function significant(x: number, digits: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : null;
}

/** Milliseconds in a day: day numbers × this = the timestamps Vega reads as UTC dates. */
export const MS_PER_DAY = 86_400_000;

/** Shading names of the growth chart: an easing cycle, and one that came with a recession. */
export const EASING_NAME = 'easing cycle (first to last cut)';
export const RECESSION_EASING_NAME = 'easing cycle with a recession';

/**
 * The easing cycles of the result (`doc.cycles`) whose first cut falls inside the equity dates,
 * as day-number spans from the first to the last cut.
 */
export function easingSpans(doc: BacktestReportDoc): { id: string; from: number; to: number; recession: boolean }[] {
  const dates = doc.equity.dates;
  if (dates.length === 0) return [];
  const first = dates[0], last = dates[dates.length - 1];
  return doc.cycles
    .filter((c) => c.firstCut >= first && c.firstCut <= last)
    .map((c) => ({ id: c.id, from: parseIsoDay(c.firstCut), to: parseIsoDay(c.lastCut), recession: c.recession }));
}

/**
 * Growth of 1 over the full history on a log scale: every run drawn (small and large caps held
 * thick in their colours, strategies thin in strategy colours), each column divided by its first
 * value; daily rows shown as the last row of each calendar week, weekly or monthly rows all kept
 * (`weeklyRows`). Behind the lines, each easing cycle is shaded from its first to its last cut
 * with a rule at the first cut (a one-cut cycle is a rule), recession cycles in grey. Null
 * without equity rows.
 */
export function growthSpec(doc: BacktestReportDoc): VegaLiteSpec | null {
  const dates = doc.equity.dates;
  if (dates.length < 2) return null;
  const lines = equityLines(doc);
  const rows = weeklyRows(dates);
  const t = rows.map((i) => parseIsoDay(dates[i]));
  const values = lines.map((l) => {
    const col = doc.equity.series[l.key];
    const b = col[0];
    return { s: l.name, w: l.role === 'strategy' ? 'strategy' : 'leg', t, v: rows.map((i) => (b > 0 ? significant(col[i] / b, 5) : null)) };
  });
  const colours = lineColours(lines);
  let lo = Infinity, hi = -Infinity;
  for (const l of values) for (const v of l.v) if (v !== null && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const spans = easingSpans(doc).map((s) => ({ id: s.id, a: s.from, b: s.to, r: s.recession ? RECESSION_EASING_NAME : EASING_NAME }));
  const x = { field: 'd', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { format: '%Y', labelOverlap: true } };
  const shading = {
    data: { values: spans },
    transform: [{ calculate: `datum.a * ${MS_PER_DAY}`, as: 'd' }, { calculate: `datum.b * ${MS_PER_DAY}`, as: 'd2' }],
    layer: [
      { mark: { type: 'rect', opacity: 0.45 }, encoding: { x2: { field: 'd2' } } },
      { mark: { type: 'rule', strokeWidth: 1, opacity: 0.9 } },
    ],
    encoding: {
      x,
      color: {
        field: 'r', type: 'nominal', title: null,
        scale: { domain: [EASING_NAME, RECESSION_EASING_NAME], range: [EASING_SHADE, RECESSION_SHADE] },
        legend: { orient: 'top', direction: 'horizontal' },
      },
      tooltip: [{ field: 'id', type: 'nominal', title: 'easing cycle' }, { field: 'r', type: 'nominal', title: 'kind' }],
    },
  };
  return {
    $schema: SCHEMA,
    width: 880,
    height: 320,
    layer: [
      ...(spans.length > 0 ? [shading] : []),
      {
        data: { values },
        transform: [
          { flatten: ['t', 'v'] },
          { calculate: `datum.t * ${MS_PER_DAY}`, as: 'd' },
        ],
        encoding: {
          x,
          y: { field: 'v', type: 'quantitative', title: 'growth of 1 (log scale)', scale: lo <= hi ? { type: 'log', domain: [significant(lo * 0.9, 3), significant(hi * 1.1, 3)], nice: false } : { type: 'log' } },
          color: { field: 's', type: 'nominal', title: null, scale: colours, legend: { orient: 'bottom', columns: 4, labelLimit: 280 } },
          tooltip: [
            { field: 's', type: 'nominal', title: 'run' },
            { field: 'd', type: 'temporal', title: 'date', format: '%Y-%m-%d', formatType: 'utc' },
            { field: 'v', type: 'quantitative', title: 'growth of 1', format: '.3~f' },
          ],
        },
        // Strategies first, the two legs drawn over them, thicker.
        layer: [
          { transform: [{ filter: "datum.w === 'strategy'" }], mark: { type: 'line', strokeWidth: 1.1 } },
          { transform: [{ filter: "datum.w === 'leg'" }], mark: { type: 'line', strokeWidth: 2.6 } },
        ],
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
