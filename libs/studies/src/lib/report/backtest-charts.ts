import { drawdownSeriesInto, parseIsoDay } from '@ratecut/sim-core';
import { equityLines, lineColours } from './backtest-lines';
import { DAYS_PER_MONTH, lowerBound, round, SCHEMA, upperBound, type VegaLiteSpec } from './chart-spec';
import { cycleLabel, cycleWindows } from './cycle-excess';
import { MS_PER_DAY } from './growth-chart';
import type { BacktestReportDoc } from './report-input';
import { weekGroups, weeklyRows } from './row-sampling';

/** Columns of the per-cycle grid (panels per row). */
export const CYCLE_GRID_COLUMNS = 5;

/** One leg line of one cycle panel: months from the first cut and the window run's value (1 = the window's first close). */
export interface CycleLegLine {
  readonly c: string;
  readonly s: string;
  readonly kind: 'line';
  readonly m: (number | null)[];
  readonly v: (number | null)[];
}

/** The end of one window run in one cycle panel: its value at the window's last row (1 + total return) and its excess. */
export interface CycleRunEnd {
  readonly c: string;
  readonly s: string;
  readonly kind: 'end';
  readonly m: (number | null)[];
  readonly v: (number | null)[];
  /** The window run's total return and its excess over the benchmark's (null for the benchmark). */
  readonly r: number | null;
  readonly x: number | null;
}

/**
 * The rows of one cycle window drawn in the grid: the window's first row, the row of the window
 * runs' first purchase (`lag` rows later), and the last row of each calendar week of the window
 * (so its last row; with weekly or monthly data, every row).
 */
export function cycleRows(dates: readonly string[], first: number, last: number, lag: number): number[] {
  const purchase = Math.min(first + lag, last);
  return [...new Set([first, purchase, ...weeklyRows(dates, first, last)])].sort((a, b) => a - b);
}

/**
 * The data of the per-cycle grid. For each cycle window of the result and each buy-and-hold leg
 * of the run (small caps, large caps), the leg's window run as the table counts it: 1 (cash)
 * from the window's first row until its purchase `config.executionLag` rows later, then the
 * leg's full-history equity divided by its value at that purchase row (a buy-and-hold run holds
 * the index from its purchase on, whatever row it starts from; only the costs of that purchase
 * and the cash interest before it are left out). And for every run drawn (the legs, the
 * benchmark and each strategy), its window run's end value `1 + totalReturn` from the result
 * (`cycles[j].totalReturn`, `benchmarkTotalReturn` for the benchmark) at the window's last row,
 * with its excess: the numbers of the excess table. x = calendar months from the anchor.
 */
export function cycleGridData(doc: BacktestReportDoc): { titles: string[]; colours: { domain: string[]; range: string[] }; values: (CycleLegLine | CycleRunEnd)[] } {
  const dates = doc.equity.dates;
  const lines = equityLines(doc);
  const lag = Math.max(0, doc.config.executionLag);
  const titles: string[] = [];
  const values: (CycleLegLine | CycleRunEnd)[] = [];
  for (const w of cycleWindows(doc)) {
    const i0 = lowerBound(dates, w.start);
    const i1 = upperBound(dates, w.end) - 1;
    if (i0 > i1 || i0 >= dates.length || i1 < 0) continue;
    const title = cycleLabel(w);
    titles.push(title);
    const anchorDay = parseIsoDay(w.anchor);
    const month = (i: number): number | null => round((parseIsoDay(dates[i]) - anchorDay) / DAYS_PER_MONTH, 2);
    const rows = cycleRows(dates, i0, i1, lag);
    const p = Math.min(i0 + lag, i1);
    for (const line of lines) {
      if (line.role === 'strategy') continue;
      const col = doc.equity.series[line.key];
      const b = col[p];
      if (!(b > 0)) continue;
      values.push({ c: title, s: line.name, kind: 'line', m: rows.map(month), v: rows.map((i) => (i < p ? 1 : round(col[i] / b, 4))) });
    }
    for (const line of lines) {
      const run = line.result.cycles.find((x) => x.cycleId === w.cycleId);
      const total = run === undefined ? null : line.benchmark ? run.benchmarkTotalReturn : run.totalReturn;
      if (run === undefined || total === null) continue;
      values.push({ c: title, s: line.name, kind: 'end', m: [month(i1)], v: [round(1 + total, 4)], r: round(total, 5), x: line.benchmark ? null : round(run.excessTotalReturn, 5) });
    }
  }
  return { titles, colours: lineColours(lines), values };
}

/**
 * The per-cycle grid: one small panel per cycle window (one shared log y scale), small and large
 * caps held as bold lines in their colours (the window runs, as in {@link cycleGridData}), and a
 * dot at the window's end for every run (legs, benchmark and strategies: `1 + total return` of
 * its window run, so the gap between a strategy's dot and the benchmark's is its excess in the
 * table). Rules at the first cut (month 0) and at 1. Null when no window meets the equity dates.
 */
export function cycleEquitySpec(doc: BacktestReportDoc): VegaLiteSpec | null {
  const { titles, colours, values } = cycleGridData(doc);
  if (titles.length === 0 || values.length === 0) return null;
  const perCycle = { aggregate: [{ op: 'count', as: 'n' }], groupby: ['c'] };
  const colour = { field: 's', type: 'nominal', title: null, scale: colours, legend: { orient: 'top', columns: 4, labelLimit: 260, symbolType: 'circle' } };
  const x = { field: 'm', type: 'quantitative', title: 'months from the first cut', axis: { tickCount: 4 } };
  let lo = Infinity, hi = -Infinity;
  for (const r of values) for (const v of r.v) if (v !== null && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  // One log scale for every panel: equal ratios look equal, and one extreme cycle does not flatten the rest.
  const y = { field: 'v', type: 'quantitative', title: 'value (log)', scale: { type: 'log', domain: [round(lo * 0.95, 3), round(hi * 1.05, 3)], nice: false }, axis: { tickCount: 4, format: '.2~f' } };
  return {
    $schema: SCHEMA,
    data: { values },
    transform: [{ flatten: ['m', 'v'] }],
    facet: { field: 'c', type: 'nominal', sort: titles, title: null, header: { labelFontWeight: 'bold', labelFontSize: 11, labelPadding: 2 } },
    columns: CYCLE_GRID_COLUMNS,
    spacing: { row: 8, column: 8 },
    spec: {
      width: 165,
      height: 110,
      layer: [
        { transform: [perCycle], mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { transform: [perCycle], mark: { type: 'rule', color: '#bbb' }, encoding: { y: { datum: 1, type: 'quantitative' } } },
        {
          transform: [{ filter: "datum.kind === 'line'" }],
          mark: { type: 'line', strokeWidth: 2.2, clip: true },
          encoding: {
            x, y, color: colour,
            tooltip: [
              { field: 's', type: 'nominal', title: 'held' },
              { field: 'c', type: 'nominal', title: 'cycle' },
              { field: 'm', type: 'quantitative', title: 'months from the first cut', format: '.1f' },
              { field: 'v', type: 'quantitative', title: 'value', format: '.3f' },
            ],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'end'" }],
          mark: { type: 'point', filled: true, size: 45, opacity: 0.9, stroke: '#fff', strokeWidth: 0.6 },
          encoding: {
            x, y, color: colour,
            tooltip: [
              { field: 's', type: 'nominal', title: 'run' },
              { field: 'c', type: 'nominal', title: 'cycle' },
              { field: 'r', type: 'quantitative', title: 'window total return', format: '+.1%' },
              { field: 'x', type: 'quantitative', title: 'excess over the benchmark', format: '+.1%' },
            ],
          },
        },
      ],
    },
  };
}

/**
 * Full-history drawdown of each run drawn, `equity / running peak - 1` on every row (sim-core
 * `drawdownSeriesInto`), one panel per run in its colour. Daily rows are shown as one point per
 * calendar week, the deepest row of the week at its own date, so no trough is lost; weekly or
 * monthly rows are all kept (see `weekGroups`). Null without equity rows.
 */
export function drawdownSpec(doc: BacktestReportDoc): VegaLiteSpec | null {
  const dates = doc.equity.dates;
  const n = dates.length;
  if (n === 0) return null;
  const lines = equityLines(doc);
  const groups = weekGroups(dates);
  const eq = new Float64Array(n), dd = new Float64Array(n);
  const values = lines.map((line) => {
    const col = doc.equity.series[line.key];
    for (let i = 0; i < n; i += 1) eq[i] = col[i] ?? NaN;
    drawdownSeriesInto(dd, eq);
    const t: number[] = [], v: (number | null)[] = [];
    for (const g of groups) {
      let worst = -1;
      for (let j = g.first; j <= g.last; j += 1) if (!Number.isNaN(dd[j]) && (worst < 0 || dd[j] < dd[worst])) worst = j;
      const at = worst < 0 ? g.last : worst;
      t.push(parseIsoDay(dates[at]));
      v.push(worst < 0 ? null : round(dd[worst], 4));
    }
    return { s: line.name, t, v };
  });
  const names = lines.map((l) => l.name);
  return {
    $schema: SCHEMA,
    data: { values },
    transform: [
      { flatten: ['t', 'v'] },
      { calculate: `datum.t * ${MS_PER_DAY}`, as: 'd' },
    ],
    facet: { row: { field: 's', type: 'nominal', sort: names, title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold', labelPadding: 2 } } },
    spec: {
      width: 900,
      height: 50,
      mark: { type: 'area', line: { strokeWidth: 0.8 }, opacity: 0.6 },
      encoding: {
        x: { field: 'd', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { format: '%Y' } },
        y: { field: 'v', type: 'quantitative', title: null, stack: null, axis: { format: '.0%', tickCount: 3 } },
        color: { field: 's', type: 'nominal', legend: null, scale: lineColours(lines) },
        tooltip: [
          { field: 's', type: 'nominal', title: 'run' },
          { field: 'd', type: 'temporal', title: 'date', format: '%Y-%m-%d', formatType: 'utc' },
          { field: 'v', type: 'quantitative', title: 'drawdown', format: '.1%' },
        ],
      },
    },
    spacing: 6,
  };
}
