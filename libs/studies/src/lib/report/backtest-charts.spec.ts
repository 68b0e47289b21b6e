import { backtestDocument, TEST_CYCLES } from '../../testing/report-documents';
import { cycleEquitySpec, cycleTitle, drawdownSpec, equityLines, SAMPLE_EVERY } from './backtest-charts';

/** Rounding as the charts do it (NaN to null, -0 to 0), for expected values computed here. */
const round = (x: number, digits: number): number | null => {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r;
};

type Row = { c: string; s: string; m: (number | null)[]; v: (number | null)[] };

describe('equityLines', () => {
  it('draws small, then the benchmark as large, then the other strategies, leaving out one identical to the benchmark', () => {
    expect(equityLines(backtestDocument())).toEqual([
      { key: 'buy-hold-small', name: 'small: buy-hold-small' },
      { key: 'buy-hold-large', name: 'large: buy-hold-large' },
      { key: 'cut-trigger', name: 'cut-trigger' },
    ]);
  });
});

describe('cycleEquitySpec', () => {
  const doc = backtestDocument();
  const spec = cycleEquitySpec(doc);
  const rows = (spec?.['data'] as { values: Row[] }).values;

  it('titles each cycle (R = recession, * = window past the data) and facets in cycle order', () => {
    expect(TEST_CYCLES.map(cycleTitle)).toEqual(['2001-01 R', '2001-09 *']);
    expect((spec?.['facet'] as { sort: string[] }).sort).toEqual(['2001-01 R', '2001-09 *']);
    expect(rows.map((r) => `${r.c}/${r.s}`)).toEqual([
      '2001-01 R/small: buy-hold-small', '2001-01 R/large: buy-hold-large', '2001-01 R/cut-trigger',
      '2001-09 */small: buy-hold-small', '2001-09 */large: buy-hold-large', '2001-09 */cut-trigger',
    ]);
  });

  it('rebases each line to 1 at the last row before the anchor and keeps every 5th row of the window and its last row', () => {
    const { dates, series } = doc.equity;
    for (const [ci, c] of TEST_CYCLES.entries()) {
      // Found by a linear scan, independently of the charts' binary search.
      let base = -1;
      dates.forEach((d, i) => { if (d < c.anchor) base = i; });
      const inWindow = dates.map((d, i) => (d >= c.start && d <= c.end ? i : -1)).filter((i) => i >= 0);
      const kept = [base, ...inWindow.filter((_, k) => k % SAMPLE_EVERY === 0 || k === inWindow.length - 1)].filter((i, k, a) => a.indexOf(i) === k).sort((a, b) => a - b);
      const anchorMs = Date.parse(`${c.anchor}T00:00:00Z`);
      for (const [li, key] of ['buy-hold-small', 'buy-hold-large', 'cut-trigger'].entries()) {
        const row = rows[ci * 3 + li];
        expect(row.v).toEqual(kept.map((i) => round(series[key][i] / series[key][base], 4)));
        expect(row.m).toEqual(kept.map((i) => round((Date.parse(`${dates[i]}T00:00:00Z`) - anchorMs) / 86_400_000 / (365.25 / 12), 2)));
        expect(row.v[kept.indexOf(base)]).toBe(1);
      }
    }
  });

  it('is null when no cycle window meets the equity dates', () => {
    const doc2 = backtestDocument();
    for (const s of [doc2.benchmark, ...doc2.strategies]) s.cycles = s.cycles.map((c) => ({ ...c, start: '1990-01-01', end: '1990-06-01', anchor: '1990-02-01' }));
    expect(cycleEquitySpec(doc2)).toBeNull();
  });
});

describe('drawdownSpec', () => {
  it('is the deepest drawdown from the running peak in each block of 5 rows, dated at the block start', () => {
    const doc = backtestDocument();
    const spec = drawdownSpec(doc);
    const values = (spec?.['data'] as { values: { s: string; d: string[]; v: (number | null)[] }[] }).values;
    expect(values.map((x) => x.s)).toEqual(['small: buy-hold-small', 'large: buy-hold-large', 'cut-trigger']);
    for (const [k, key] of ['buy-hold-small', 'buy-hold-large', 'cut-trigger'].entries()) {
      const col = doc.equity.series[key];
      let peak = -Infinity;
      const dd = col.map((x) => { peak = Math.max(peak, x); return x / peak - 1; });
      const expected: (number | null)[] = [];
      const dates: string[] = [];
      for (let i = 0; i < col.length; i += 5) {
        expected.push(round(Math.min(...dd.slice(i, i + 5)), 4));
        dates.push(doc.equity.dates[i]);
      }
      expect(values[k].v).toEqual(expected);
      expect(values[k].d).toEqual(dates);
    }
    expect(values[1].v.some((v) => v !== null && v < -0.05)).toBe(true);
  });

  it('is null without equity rows', () => {
    const doc = backtestDocument();
    doc.equity = { dates: [], series: {} };
    expect(drawdownSpec(doc)).toBeNull();
  });
});
