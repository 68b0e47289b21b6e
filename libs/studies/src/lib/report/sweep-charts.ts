import { SWEEP_METRIC_COLUMNS, type DeflatedSharpeJson, type SweepTable } from '@ratecut/contracts';
import { deflatedSharpe } from '../compare/deflated-sharpe-trials';
import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';
import { GAIN_GREEN, HIGHLIGHT_RED, LOSS_RED } from './palette';

/** The figure a sweep heatmap colours its cells by: a column of the table, in words and in the unit drawn. */
export interface SweepMetric {
  /** The table's column: `mean_cycle_excess` when the table counted cycles, else `sharpe`. */
  readonly column: 'mean_cycle_excess' | 'sharpe';
  /** In words, e.g. `mean excess over buy-hold-large across the 14 counted cycles, percentage points`. */
  readonly title: string;
  /** Factor from the table's value to the drawn one (100 for a return drawn in percentage points). */
  readonly scale: number;
}

/** One cell of a sweep heatmap: a value of each drawn parameter, and the best row of the table there. */
export interface SweepCell {
  readonly x: number;
  /** The second parameter's value; null when only one parameter is drawn. */
  readonly y: number | null;
  /** The metric of the best row in the cell (largest, the first in row order on ties), as in the table; null when every row has none. */
  readonly value: number | null;
  /** Index of that row in the table's rows (the cell's first row when none has a value). */
  readonly row: number;
}

/** A sweep table laid out for its heatmap (see {@link sweepGrid}). */
export interface SweepGrid {
  readonly metric: SweepMetric;
  /** The parameter across (the one with the most values). */
  readonly x: string;
  /** The parameter up (the one with the next most values); null with one parameter that varies. */
  readonly y: string | null;
  /** The other parameters: each cell holds the best row over their values. */
  readonly others: readonly string[];
  /** The distinct values of `x` and `y`, ascending. */
  readonly xValues: readonly number[];
  readonly yValues: readonly number[];
  /** One cell per combination of `x` and `y` values present in the table, in order of first appearance. */
  readonly cells: readonly SweepCell[];
  /** Index in `cells` of the cell with the largest value (the first on ties); null when no cell has one. */
  readonly best: number | null;
}

/** A parameter's column name in words (`k_months` → `k months`). */
export const parameterWords = (name: string): string => name.replace(/_/g, ' ');

/**
 * The metric a sweep heatmap draws: the mean excess total return over the benchmark across the
 * counted cycles (`mean_cycle_excess`, percentage points) when the table counted cycles and a row
 * has it, else the full-history Sharpe ratio over cash (`sharpe`).
 */
export function sweepMetric(table: SweepTable): SweepMetric {
  const at = table.columns.indexOf('mean_cycle_excess');
  const counted = table.header.counted.length;
  if (counted > 0 && at >= 0 && table.rows.some((r) => r[at] !== null)) {
    return { column: 'mean_cycle_excess', title: `mean excess total return over ${table.header.benchmark} across the ${counted} counted cycle${counted === 1 ? '' : 's'}, percentage points`, scale: 100 };
  }
  return { column: 'sharpe', title: 'Sharpe ratio over cash, full history', scale: 1 };
}

/**
 * Lays a sweep table out for its heatmap: the two parameters with the most distinct values (the
 * first in column order on ties) across and up (one parameter: across only), every other
 * parameter collapsed so that a cell holds the row with the largest metric over their values,
 * and the best cell (the table's largest metric). Pure.
 */
export function sweepGrid(table: SweepTable, metric: SweepMetric = sweepMetric(table)): SweepGrid {
  const params = table.header.parameters;
  const distinct = params.map((_, p) => [...new Set(table.rows.map((r) => r[p] as number))].sort((a, b) => a - b));
  const order = params.map((_, p) => p).sort((a, b) => distinct[b].length - distinct[a].length || a - b);
  const xp = order[0];
  const yp = order.length > 1 && distinct[order[1]].length > 1 ? order[1] : null;
  const mAt = table.columns.indexOf(metric.column);
  const cells: SweepCell[] = [];
  const byKey = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const x = r[xp] as number, y = yp === null ? null : (r[yp] as number);
    const key = `${x}|${y}`;
    const v = r[mAt];
    const at = byKey.get(key);
    if (at === undefined) { byKey.set(key, cells.length); cells.push({ x, y, value: v, row: i }); return; }
    const c = cells[at];
    if (v !== null && (c.value === null || v > c.value)) cells[at] = { x, y, value: v, row: i };
  });
  let best: number | null = null;
  cells.forEach((c, i) => { if (c.value !== null && (best === null || c.value > (cells[best].value as number))) best = i; });
  return {
    metric, x: params[xp], y: yp === null ? null : params[yp],
    others: params.filter((_, p) => p !== xp && p !== yp),
    xValues: distinct[xp], yValues: yp === null ? [] : distinct[yp], cells, best,
  };
}

/** A row's parameters in words, e.g. `k months = 12, threshold = 0.01`. */
export function rowParameters(table: SweepTable, row: number): string {
  return table.header.parameters.map((p, i) => `${parameterWords(p)} = ${table.rows[row][i]}`).join(', ');
}

/**
 * The deflated Sharpe ratio (Bailey and López de Prado 2014) of the row with the best Sharpe
 * ratio over cash, every row with a Sharpe ratio a trial, computed as `ratecut compare` and the
 * sweep's own header compute it (normal moments, the table holding no returns series; T = the
 * data's rows − 1). Null with fewer than two rows that have a Sharpe ratio.
 */
export function sweepDeflatedSharpe(table: SweepTable): DeflatedSharpeJson | null {
  const at = table.header.parameters.length + SWEEP_METRIC_COLUMNS.indexOf('sharpe');
  const trials = table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r[at] !== null);
  if (trials.length < 2) return null;
  return deflatedSharpe('sweep', 'over cash', trials.map(({ i }) => rowParameters(table, i)), trials.map(({ r }) => r[at] as number), table.header.periodsPerYear, table.header.rows - 1, null);
}

/** The colour scale of a metric: red below the middle, green above (0 for both metrics), white at it. */
function colourScale(values: readonly number[]): Record<string, unknown> {
  const lo = Math.min(...values), hi = Math.max(...values);
  if (lo < 0 && hi > 0) return { type: 'linear', domain: [lo, 0, hi], range: [LOSS_RED, '#f7f7f7', GAIN_GREEN] };
  if (hi <= 0) return { type: 'linear', domain: [lo, lo === hi ? lo + 1 : hi], range: [LOSS_RED, '#f7f7f7'] };
  return { type: 'linear', domain: [lo === hi ? lo - 1 : lo, hi], range: ['#f7f7f7', GAIN_GREEN] };
}

/** Digits the drawn values are rounded to: hundredths of a percentage point, thousandths of a Sharpe ratio. */
const DIGITS = 3;

/**
 * The sweep heatmap: one cell per pair of values of the two parameters with the most values
 * (see {@link sweepGrid}), coloured by the metric (red below 0, green above), the best cell
 * outlined in {@link HIGHLIGHT_RED}; with one parameter that varies, a line of the metric over it
 * with the best point in red. The tooltip gives every parameter of the cell's row, its metric,
 * its hit rate and its Sharpe ratio. Fits 1,040 px with its legend. Null when no row has the metric.
 */
export function sweepSpec(table: SweepTable): VegaLiteSpec | null {
  const grid = sweepGrid(table);
  if (grid.best === null) return null;
  const m = grid.metric;
  const sharpeAt = table.columns.indexOf('sharpe'), hitAt = table.columns.indexOf('cycle_hit_rate');
  const rows = grid.cells.map((c, i) => {
    const r = table.rows[c.row];
    return {
      x: c.x, ...(c.y === null ? {} : { y: c.y }),
      value: c.value === null ? null : round(c.value * m.scale, DIGITS),
      parameters: rowParameters(table, c.row),
      sharpe: round(r[sharpeAt], 3),
      hit: hitAt < 0 || r[hitAt] === null ? null : round((r[hitAt] as number) * 100, 1),
      best: i === grid.best ? 'best' : 'other',
    };
  });
  const drawn = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const valueTitle = m.column === 'sharpe' ? 'Sharpe ratio over cash' : `mean excess over ${table.header.benchmark}, pp`;
  const tooltip = [
    { field: 'parameters', title: grid.others.length > 0 ? `best row (over ${grid.others.map(parameterWords).join(', ')})` : 'parameters' },
    { field: 'value', title: valueTitle },
    ...(m.column === 'sharpe' || hitAt < 0 ? [] : [{ field: 'hit', title: `beat ${table.header.benchmark} in, % of counted cycles` }]),
    ...(m.column === 'sharpe' ? [] : [{ field: 'sharpe', title: 'Sharpe ratio over cash' }]),
  ];
  if (grid.y === null) {
    return {
      $schema: SCHEMA,
      width: 720, height: 260,
      data: { values: rows },
      layer: [
        { mark: { type: 'line', color: '#555', point: { filled: true, color: '#555' } }, encoding: { x: { field: 'x', type: 'quantitative', title: parameterWords(grid.x) }, y: { field: 'value', type: 'quantitative', title: m.title }, tooltip } },
        { transform: [{ filter: "datum.best === 'best'" }], mark: { type: 'point', filled: true, size: 140, color: HIGHLIGHT_RED }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, tooltip } },
        { mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { y: { datum: 0 } } },
      ],
    };
  }
  // Cells at most 24 px, the plot at most 820 px wide (room for the y axis and the legend in 1,040 px).
  const step = Math.max(4, Math.min(24, Math.floor(820 / grid.xValues.length)));
  const yStep = Math.max(4, Math.min(20, Math.floor(440 / grid.yValues.length)));
  const axis = (n: number, values: readonly number[]) => ({ labelOverlap: 'greedy', labelAngle: 0, ...(n > 30 ? { values: values.filter((_, i) => i % Math.ceil(n / 15) === 0) } : {}) });
  const x = { field: 'x', type: 'ordinal', sort: [...grid.xValues], title: parameterWords(grid.x), axis: axis(grid.xValues.length, grid.xValues) };
  const y = { field: 'y', type: 'ordinal', sort: [...grid.yValues].reverse(), title: parameterWords(grid.y), axis: axis(grid.yValues.length, grid.yValues) };
  return {
    $schema: SCHEMA,
    width: { step }, height: { step: yStep },
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'rect' },
        encoding: { x, y, color: { field: 'value', type: 'quantitative', title: m.column === 'sharpe' ? 'Sharpe' : 'pp', scale: colourScale(drawn) }, tooltip },
      },
      {
        transform: [{ filter: "datum.best === 'best'" }],
        mark: { type: 'rect', filled: false, stroke: HIGHLIGHT_RED, strokeWidth: 3 },
        encoding: { x, y, tooltip },
      },
    ],
  };
}
