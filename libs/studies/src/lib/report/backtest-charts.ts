import { drawdownSeriesInto, parseIsoDay } from '@ratecut/sim-core';
import type { BacktestReportDoc } from './report-input';
import { DAYS_PER_MONTH, lowerBound, round, SCHEMA, upperBound, type VegaLiteSpec } from './chart-spec';

/** Rows kept from daily series: every 5th row (about weekly), plus the window's last row. */
export const SAMPLE_EVERY = 5;

/** One line of the backtest charts: a column of `equity.series` and its legend name. */
export interface EquityLine {
  readonly key: string;
  readonly name: string;
}

/**
 * The lines drawn for a backtest: small = `buy-hold-small` when the run has it, the benchmark
 * (named "large" when it is `buy-hold-large`), then every other strategy, leaving out a strategy
 * whose equity column is identical to the benchmark's (the benchmark drawn twice).
 */
export function equityLines(doc: BacktestReportDoc): EquityLine[] {
  const series = doc.equity.series;
  const bench = doc.benchmark;
  const benchValues = series[bench.label];
  const same = (a: readonly (number | null)[] | undefined, b: readonly (number | null)[] | undefined): boolean =>
    a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
  const small = doc.strategies.find((s) => s.name === 'buy-hold-small' && series[s.label] !== undefined);
  const lines: EquityLine[] = [];
  if (small) lines.push({ key: small.label, name: `small: ${small.label}` });
  if (benchValues !== undefined) lines.push({ key: bench.label, name: bench.name === 'buy-hold-large' ? `large: ${bench.label}` : bench.label });
  for (const s of doc.strategies) {
    if (s === small || series[s.label] === undefined || same(series[s.label], benchValues)) continue;
    lines.push({ key: s.label, name: s.label });
  }
  return lines;
}

/** The cycle windows of a backtest run (the benchmark's, which every strategy shares). */
function cycleWindows(doc: BacktestReportDoc) {
  return doc.benchmark.cycles.length > 0 ? doc.benchmark.cycles : doc.strategies[0]?.cycles ?? [];
}

/** Facet title of a cycle: its id, "R" for a recession cycle, "*" when the window runs past the data. */
export function cycleTitle(c: { cycleId: string; recession: boolean; complete: boolean }): string {
  return `${c.cycleId}${c.recession ? ' R' : ''}${c.complete ? '' : ' *'}`;
}

/**
 * Equity curves per easing cycle, rebased to 1 at the anchor: the base close is the last row of
 * the full-history equity strictly before the cycle's anchor (the first cut's effective date),
 * as in the cycle table. x = calendar months from the anchor; rows sampled about weekly.
 * A cycle whose base row or window is outside the equity dates is left out.
 */
export function cycleEquitySpec(doc: BacktestReportDoc): VegaLiteSpec | null {
  const dates = doc.equity.dates;
  const lines = equityLines(doc);
  const values: Record<string, unknown>[] = [];
  const titles: string[] = [];
  for (const c of cycleWindows(doc)) {
    const i0 = lowerBound(dates, c.start);
    const i1 = upperBound(dates, c.end) - 1;
    const base = lowerBound(dates, c.anchor) - 1;
    if (base < 0 || i0 > i1 || i1 < 0) continue;
    const anchorDay = parseIsoDay(c.anchor);
    const rows: number[] = [];
    for (let i = Math.min(i0, base); i <= i1; i += 1) {
      if (i === base || i === i1 || (i >= i0 && (i - i0) % SAMPLE_EVERY === 0)) rows.push(i);
    }
    const title = cycleTitle(c);
    titles.push(title);
    const months = rows.map((i) => round((parseIsoDay(dates[i]) - anchorDay) / DAYS_PER_MONTH, 2));
    for (const line of lines) {
      const col = doc.equity.series[line.key];
      const b = col[base];
      if (b === null || !(b > 0)) continue;
      values.push({ c: title, s: line.name, m: months, v: rows.map((i) => { const v = col[i]; return v === null ? null : round(v / b, 4); }) });
    }
  }
  if (values.length === 0) return null;
  const perCycle = { aggregate: [{ op: 'count', as: 'n' }], groupby: ['c'] };
  return {
    $schema: SCHEMA,
    data: { values },
    transform: [{ flatten: ['m', 'v'] }],
    facet: { field: 'c', type: 'nominal', sort: titles, title: null, header: { labelFontWeight: 'bold', labelFontSize: 11 } },
    columns: 4,
    spec: {
      width: 200,
      height: 130,
      layer: [
        { transform: [perCycle], mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { transform: [perCycle], mark: { type: 'rule', color: '#bbb' }, encoding: { y: { datum: 1, type: 'quantitative' } } },
        {
          mark: { type: 'line', strokeWidth: 1.2, clip: true },
          encoding: {
            x: { field: 'm', type: 'quantitative', title: 'months from the first cut' },
            y: { field: 'v', type: 'quantitative', title: 'equity (1 = base close)', scale: { zero: false } },
            color: { field: 's', type: 'nominal', title: null, sort: lines.map((l) => l.name), legend: { orient: 'top', columns: 4, labelLimit: 260 } },
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/**
 * Full-history drawdown of each line, `equity / running peak - 1` on every daily row
 * (sim-core `drawdownSeriesInto`), then shown about weekly: each point is the deepest drawdown
 * of its block of {@link SAMPLE_EVERY} rows, dated at the block's first row, so no trough is lost.
 */
export function drawdownSpec(doc: BacktestReportDoc): VegaLiteSpec | null {
  const dates = doc.equity.dates;
  const n = dates.length;
  if (n === 0) return null;
  const lines = equityLines(doc);
  const blockDates: string[] = [];
  for (let i = 0; i < n; i += SAMPLE_EVERY) blockDates.push(dates[i]);
  const eq = new Float64Array(n), dd = new Float64Array(n);
  const values = lines.map((line) => {
    const col = doc.equity.series[line.key];
    for (let i = 0; i < n; i += 1) eq[i] = col[i] ?? NaN;
    drawdownSeriesInto(dd, eq);
    const v: (number | null)[] = [];
    for (let i = 0; i < n; i += SAMPLE_EVERY) {
      let worst = NaN;
      for (let j = i; j < Math.min(n, i + SAMPLE_EVERY); j += 1) {
        if (!Number.isNaN(dd[j]) && (Number.isNaN(worst) || dd[j] < worst)) worst = dd[j];
      }
      v.push(round(worst, 4));
    }
    return { s: line.name, d: blockDates, v };
  });
  return {
    $schema: SCHEMA,
    data: { values },
    // Parse the dates after flattening (Vega-Lite's automatic parse would see the arrays).
    transform: [{ flatten: ['d', 'v'] }, { calculate: 'toDate(datum.d)', as: 't' }],
    facet: { row: { field: 's', type: 'nominal', sort: lines.map((l) => l.name), title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold', labelPadding: 2 } } },
    spec: {
      width: 900,
      height: 55,
      mark: { type: 'area', line: { strokeWidth: 0.8 }, opacity: 0.6 },
      encoding: {
        x: { field: 't', type: 'temporal', title: null },
        y: { field: 'v', type: 'quantitative', title: null, axis: { format: '.0%', tickCount: 3 } },
        color: { field: 's', type: 'nominal', legend: null, sort: lines.map((l) => l.name) },
      },
    },
    spacing: 6,
  };
}

