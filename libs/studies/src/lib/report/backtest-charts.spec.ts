import { backtestDocument, TEST_CYCLES, testHoldReturn } from '../../testing/report-documents';
import { CYCLE_GRID_COLUMNS, cycleEquitySpec, cycleGridData, drawdownSpec, type CycleLegLine, type CycleRunEnd } from './backtest-charts';
import { equityLines } from './backtest-lines';
import { cycleExcess } from './cycle-excess';
import { EASING_NAME, growthSpec, RECESSION_EASING_NAME } from './growth-chart';
import { LEG_COLOURS } from './palette';
import type { BacktestReportDoc } from './report-input';

/** Rounding as the charts do it (NaN to null, -0 to 0), for expected values computed here. */
const round = (x: number, digits: number): number | null => {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r;
};
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const dayNumber = (d: string): number => ms(d) / 86_400_000;
/** The Monday of an ISO date's week, from its weekday (independent of the report's week numbering). */
const mondayOf = (d: string): string => new Date(ms(d) - ((new Date(ms(d)).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
/** Rows of `from..to` that end their calendar week (or the range). */
const weekEnds = (dates: readonly string[], from: number, to: number): number[] => {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) if (i === to || mondayOf(dates[i + 1]) !== mondayOf(dates[i])) out.push(i);
  return out;
};
/** Window rows found by a linear scan, independently of the charts' binary search. */
const windowRows = (dates: readonly string[], c: { start: string; end: string }): [number, number] =>
  [dates.findIndex((d) => d >= c.start), dates.reduce((k, d, i) => (d <= c.end ? i : k), -1)];

describe('equityLines', () => {
  it('draws small caps, large caps (the benchmark here), then the other strategies, leaving out the benchmark\'s duplicate', () => {
    expect(equityLines(backtestDocument()).map(({ key, name, role, benchmark }) => ({ key, name, role, benchmark }))).toEqual([
      { key: 'buy-hold-small', name: 'Russell 2000 (buy-hold-small)', role: 'small', benchmark: false },
      { key: 'benchmark:buy-hold-large', name: 'S&P 500 (buy-hold-large, benchmark)', role: 'large', benchmark: true },
      { key: 'cut-trigger', name: 'cut-trigger', role: 'strategy', benchmark: false },
    ]);
  });

  it('draws a benchmark that is not a leg as a strategy line, and a buy-and-hold strategy as the large leg', () => {
    const doc = backtestDocument();
    const trigger = doc.strategies.find((s) => s.label === 'cut-trigger');
    if (trigger === undefined) throw new Error('fixture');
    doc.benchmark = { ...trigger, label: 'benchmark:cut-trigger', sameAsBenchmark: true };
    doc.strategies = doc.strategies.map((s) => ({ ...s, sameAsBenchmark: s.label === 'cut-trigger' }));
    doc.equity.series['benchmark:cut-trigger'] = doc.equity.series['cut-trigger'];
    expect(equityLines(doc).map((l) => `${l.role}:${l.key}`)).toEqual(['small:buy-hold-small', 'large:buy-hold-large', 'strategy:benchmark:cut-trigger']);
  });
});

describe('cycleGridData and cycleEquitySpec', () => {
  const check = (doc: BacktestReportDoc, rowsOf: (i0: number, i1: number) => number[]): void => {
    const { dates, series } = doc.equity;
    const { titles, values } = cycleGridData(doc);
    expect(titles).toEqual(['2001-01, recession', '2001-05, recession', '2001-09, cut short']);
    const excess = cycleExcess(doc);
    for (const [ci, c] of TEST_CYCLES.entries()) {
      const [i0, i1] = windowRows(dates, c);
      const p = i0 + 1; // TEST_BACKTEST_CONFIG.executionLag
      const kept = [...new Set([i0, p, ...rowsOf(i0, i1)])].sort((a, b) => a - b);
      const anchor = ms(c.anchor);
      const mine = values.filter((v) => v.c === titles[ci]);
      const lines = mine.filter((v): v is CycleLegLine => v.kind === 'line');
      expect(lines.map((l) => l.s)).toEqual(['Russell 2000 (buy-hold-small)', 'S&P 500 (buy-hold-large, benchmark)']);
      for (const [li, key] of ['buy-hold-small', 'benchmark:buy-hold-large'].entries()) {
        expect(lines[li].v).toEqual(kept.map((i) => (i < p ? 1 : round(series[key][i] / series[key][p], 4))));
        expect(lines[li].m).toEqual(kept.map((i) => round((ms(dates[i]) - anchor) / 86_400_000 / (365.25 / 12), 2)));
      }
      const ends = mine.filter((v): v is CycleRunEnd => v.kind === 'end');
      expect(ends.map((e) => e.s)).toEqual(['Russell 2000 (buy-hold-small)', 'S&P 500 (buy-hold-large, benchmark)', 'cut-trigger']);
      // The legs' dots sit where their lines end (the fixture's window runs have no costs) ...
      expect(ends[0].v[0]).toBeCloseTo(1 + testHoldReturn(dates, series['buy-hold-small'], c, 1), 4);
      expect(ends[0].v[0]).toBeCloseTo(lines[0].v[lines[0].v.length - 1] ?? NaN, 4);
      expect(ends[1].v[0]).toBeCloseTo(lines[1].v[lines[1].v.length - 1] ?? NaN, 4);
      // ... and a strategy's dot minus the benchmark's is its excess in the table.
      const j = excess.strategies.indexOf('cut-trigger');
      expect((ends[2].v[0] ?? NaN) - (ends[1].v[0] ?? NaN)).toBeCloseTo(excess.rows[ci].excess[j] ?? NaN, 3);
      expect(ends[2].x).toBeCloseTo(excess.rows[ci].excess[j] ?? NaN, 5);
      expect(ends[1].x).toBeNull();
      expect(ends.every((e) => e.m[0] === lines[0].m[lines[0].m.length - 1])).toBe(true);
    }
  };

  it('draws daily data as the last row of each calendar week, plus the window\'s first row and the purchase row', () => {
    const doc = backtestDocument();
    check(doc, (i0, i1) => weekEnds(doc.equity.dates, i0, i1));
    // Daily rows are thinned: fewer points than rows in the first window.
    const [i0, i1] = windowRows(doc.equity.dates, TEST_CYCLES[0]);
    expect((cycleGridData(doc).values[0] as CycleLegLine).v.length).toBeLessThan(i1 - i0 + 1);
  });

  it('draws every row of monthly data', () => {
    const doc = backtestDocument({ frequency: 'monthly' });
    check(doc, (i0, i1) => Array.from({ length: i1 - i0 + 1 }, (_, k) => i0 + k));
  });

  it('shares one y scale across the panels, colours the legs with the palette and fits 1,040 px', () => {
    const spec = cycleEquitySpec(backtestDocument());
    expect(spec?.['resolve']).toBeUndefined();
    const inner = spec?.['spec'] as { width: number; layer: { encoding?: { color?: { scale: { domain: string[]; range: string[] } }; tooltip?: unknown } }[] };
    expect(CYCLE_GRID_COLUMNS * (inner.width + 8) + 70).toBeLessThanOrEqual(1040);
    const colour = inner.layer[2].encoding?.color?.scale;
    expect(colour?.range.slice(0, 2)).toEqual([LEG_COLOURS.small, LEG_COLOURS.large]);
    expect(inner.layer.slice(2).every((l) => l.encoding?.tooltip !== undefined)).toBe(true);
    // One log y domain that holds every value of every panel.
    const y = (inner.layer[2].encoding as { y: { scale: { type: string; domain: [number, number] } } }).y.scale;
    const all = cycleGridData(backtestDocument()).values.flatMap((r) => r.v).filter((v): v is number => v !== null);
    expect(y.type).toBe('log');
    expect(y.domain[0]).toBeLessThanOrEqual(Math.min(...all));
    expect(y.domain[1]).toBeGreaterThanOrEqual(Math.max(...all));
  });

  it('is null when no cycle window meets the equity dates', () => {
    const doc = backtestDocument();
    for (const s of [doc.benchmark, ...doc.strategies]) s.cycles = s.cycles.map((c) => ({ ...c, start: '1990-01-01', end: '1990-06-01', anchor: '1990-02-01' }));
    expect(cycleEquitySpec(doc)).toBeNull();
  });
});

type Line = { s: string; t: number[]; v: (number | null)[] };

describe('drawdownSpec', () => {
  const drawdowns = (col: readonly number[]): number[] => {
    let peak = -Infinity;
    return col.map((x) => { peak = Math.max(peak, x); return x / peak - 1; });
  };

  it('shows daily data as the deepest row of each calendar week, at that row\'s date', () => {
    const doc = backtestDocument();
    const values = (drawdownSpec(doc)?.['data'] as { values: Line[] }).values;
    expect(values.map((x) => x.s)).toEqual(['Russell 2000 (buy-hold-small)', 'S&P 500 (buy-hold-large, benchmark)', 'cut-trigger']);
    const dates = doc.equity.dates;
    for (const [k, key] of ['buy-hold-small', 'benchmark:buy-hold-large', 'cut-trigger'].entries()) {
      const dd = drawdowns(doc.equity.series[key]);
      const ends = weekEnds(dates, 0, dates.length - 1);
      const t: number[] = [], v: (number | null)[] = [];
      let from = 0;
      for (const e of ends) {
        let w = from;
        for (let i = from; i <= e; i += 1) if (dd[i] < dd[w]) w = i;
        t.push(dayNumber(dates[w])); v.push(round(dd[w], 4));
        from = e + 1;
      }
      expect(values[k].v).toEqual(v);
      expect(values[k].t).toEqual(t);
    }
    expect(values[1].v.some((x) => x !== null && x < -0.05)).toBe(true);
  });

  it('keeps every row of monthly data', () => {
    const doc = backtestDocument({ frequency: 'monthly' });
    const values = (drawdownSpec(doc)?.['data'] as { values: Line[] }).values;
    const dd = drawdowns(doc.equity.series['cut-trigger']);
    expect(values[2].v).toEqual(dd.map((x) => round(x, 4)));
    expect(values[2].t).toEqual(doc.equity.dates.map(dayNumber));
  });

  it('is null without equity rows', () => {
    const doc = backtestDocument();
    doc.equity = { dates: [], series: {} };
    expect(drawdownSpec(doc)).toBeNull();
  });
});

describe('growthSpec', () => {
  it('draws growth of 1 weekly on a log scale, legs over strategies, with the easing cycles shaded', () => {
    const doc = backtestDocument();
    const spec = growthSpec(doc);
    const layers = spec?.['layer'] as { data: { values: unknown[] }; layer?: { mark: { strokeWidth: number }; transform: { filter: string }[] }[]; encoding: { y?: { scale: { type: string } } } }[];
    const shading = layers[0].data.values as { id: string; a: number; b: number; r: string }[];
    expect(shading).toEqual([
      { id: '2001-01', a: dayNumber('2001-02-01'), b: dayNumber('2001-03-20'), r: RECESSION_EASING_NAME },
      { id: '2001-05', a: dayNumber('2001-05-15'), b: dayNumber('2001-05-15'), r: RECESSION_EASING_NAME },
      { id: '2001-09', a: dayNumber('2001-10-01'), b: dayNumber('2001-10-01'), r: EASING_NAME },
    ]);
    const lines = layers[1].data.values as (Line & { w: string })[];
    const dates = doc.equity.dates;
    const rows = weekEnds(dates, 0, dates.length - 1);
    expect(lines.map((l) => `${l.w}:${l.s}`)).toEqual(['leg:Russell 2000 (buy-hold-small)', 'leg:S&P 500 (buy-hold-large, benchmark)', 'strategy:cut-trigger']);
    const col = doc.equity.series['cut-trigger'];
    expect(lines[2].t).toEqual(rows.map((i) => dayNumber(dates[i])));
    lines[2].v.forEach((v, k) => expect(v).toBeCloseTo(col[rows[k]] / col[0], 4));
    expect(layers[1].encoding.y?.scale.type).toBe('log');
    // Strategies drawn first, thin; the legs over them, thick.
    expect(layers[1].layer?.map((l) => [l.transform[0].filter, l.mark.strokeWidth])).toEqual([["datum.w === 'strategy'", 1.1], ["datum.w === 'leg'", 2.6]]);
  });
});
