import { drawdownSeriesInto, parseIsoDay } from '@ratecut/sim-core';
import type { BacktestReportDoc, SimulateReportDoc } from './report-input';

/** A Vega-Lite specification as plain JSON (built here, rendered by the inlined Vega runtime). */
export type VegaLiteSpec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Rows kept from daily series: every 5th row (about weekly), plus the window's last row. */
export const SAMPLE_EVERY = 5;
const DAYS_PER_MONTH = 365.25 / 12;

/** Rounds to `digits` decimals; NaN and infinities become null (JSON has no NaN). */
function round(x: number | null | undefined, digits: number): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/** First index with `dates[i] >= d` (ISO dates compare as strings). */
function lowerBound(dates: readonly string[], d: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] < d) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** First index with `dates[i] > d`. */
function upperBound(dates: readonly string[], d: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] <= d) lo = mid + 1; else hi = mid;
  }
  return lo;
}

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
