import { formatSweepTable, parseSweepTable, sweepColumns, type SweepHeader, type SweepTable } from '@ratecut/contracts';
import { deflatedSharpeRatio } from '@ratecut/sim-core';
import { parameterWords, sweepDeflatedSharpe, sweepGrid, sweepMetric, sweepSpec } from './sweep-charts';
import { sweepHeadline } from './sweep-section';

/** A made-up sweep table (not market data): `params` are the parameter columns' names, `rows` their values; metrics from `f`. */
function table(params: string[], values: number[][], f: (v: number[], i: number) => { sharpe: number | null; excess: number | null; hit?: number | null }, counted = ['2001-01', '2007-09']): SweepTable {
  const header: SweepHeader = {
    schema: 'ratecut.sweep/2', strategy: 'relative-momentum', parameters: params, pair: 'rut-gspc', returnBasis: 'price return', first: '2000-01-03', last: '2009-12-31',
    rows: 2516, periodsPerYear: 252, executionLag: 1, costBps: 5, slippageBps: 5, cash: 'fedfunds', synthetic: true, schedule: { kind: 'on-signal' },
    benchmark: 'buy-hold-large', window: { beforeMonths: 3, afterMonths: 24, anchor: 'first-cut' }, cycles: counted, counted, deflatedSharpe: null,
  };
  const rows = values.map((v, i) => {
    const m = f(v, i);
    return [...v, 0.5, 0.04, 0.2, m.sharpe, -0.3, 10, m.excess, m.hit === undefined ? 0.5 : m.hit, ...counted.map(() => m.excess)];
  });
  return { comments: ['SYNTHETIC SAMPLE: made-up rows', 'ratecut backtest --sweep k=1..4'], header, columns: sweepColumns(header), rows };
}

/** Every combination of the value lists, the first varying slowest. */
const grid = (...lists: number[][]): number[][] => lists.reduce<number[][]>((acc, l) => acc.flatMap((a) => l.map((v) => [...a, v])), [[]]);

type Cell = { x: number; y?: number; value: number | null; best: string; parameters: string };
const cellsOf = (spec: Record<string, unknown> | null): Cell[] => (spec?.['data'] as { values: Cell[] }).values;

describe('sweepGrid and sweepSpec', () => {
  // k: 4 values, threshold: 3 values; the excess has its maximum at k=3, threshold=0.01.
  const excess = (k: number, th: number): number => 0.05 - 0.01 * (k - 3) ** 2 - 2 * (th - 0.01) ** 2 * 100 + 0.001 * k;
  const t = table(['k_months', 'threshold'], grid([1, 2, 3, 4], [0, 0.01, 0.02]), ([k, th]) => ({ sharpe: 0.3 + 0.01 * k - th, excess: excess(k, th) }));

  it('colours by the mean excess over the benchmark across the counted cycles, in percentage points, when the table counted cycles', () => {
    expect(sweepMetric(t)).toEqual({ column: 'mean_cycle_excess', title: 'mean excess total return over buy-hold-large across the 2 counted cycles, percentage points', scale: 100 });
    const noCycles = table(['k_months'], [[1], [2]], ([k]) => ({ sharpe: k / 10, excess: null }), []);
    expect(sweepMetric(noCycles).column).toBe('sharpe');
  });

  it('puts the parameter with the most values across, and each cell is its row\'s metric; the best is marked where the maximum is', () => {
    const g = sweepGrid(t);
    expect([g.x, g.y, g.others]).toEqual(['k_months', 'threshold', []]);
    const cells = cellsOf(sweepSpec(t));
    expect(cells).toHaveLength(12);
    // The table computed here, apart from the chart code.
    for (const [k, th] of grid([1, 2, 3, 4], [0, 0.01, 0.02])) {
      const c = cells.find((x) => x.x === k && x.y === th);
      expect(c?.value).toBeCloseTo(excess(k, th) * 100, 3);
    }
    const best = cells.filter((c) => c.best === 'best');
    expect(best).toHaveLength(1);
    expect([best[0].x, best[0].y]).toEqual([3, 0.01]);
    const max = Math.max(...cells.map((c) => c.value as number));
    expect(best[0].value).toBe(max);
    expect(best[0].parameters).toBe('k months = 3, threshold = 0.01');
  });

  it('with a third parameter, a cell holds the best row over its values; the axes are the two with the most values', () => {
    // a: 2 values, b: 5 values, c: 3 values → across b, up c, a collapsed.
    const f = (a: number, b: number, c: number): number => a * 0.02 - Math.abs(b - 2) * 0.01 + c * 0.003 - (a === 1 && b === 4 ? 0.5 : 0);
    const t3 = table(['a', 'b', 'c'], grid([0, 1], [0, 1, 2, 3, 4], [0, 1, 2]), ([a, b, c]) => ({ sharpe: a + b + c, excess: f(a, b, c) }));
    const g = sweepGrid(t3);
    expect([g.x, g.y, g.others]).toEqual(['b', 'c', ['a']]);
    const cells = cellsOf(sweepSpec(t3));
    expect(cells).toHaveLength(15);
    for (const [b, c] of grid([0, 1, 2, 3, 4], [0, 1, 2])) {
      const expected = Math.max(f(0, b, c), f(1, b, c));
      expect(cells.find((x) => x.x === b && x.y === c)?.value).toBeCloseTo(expected * 100, 3);
    }
    expect(cells.find((x) => x.best === 'best')).toMatchObject({ x: 2, y: 2, parameters: 'a = 1, b = 2, c = 2' });
  });

  it('draws one parameter as a line with the best point, and a table without a value as no chart', () => {
    const one = table(['k_months'], [[1], [2], [3]], ([k]) => ({ sharpe: 0.1 * k, excess: [0.01, 0.03, -0.02][k - 1] }));
    const spec = sweepSpec(one);
    expect(sweepGrid(one).y).toBeNull();
    expect(cellsOf(spec).map((c) => [c.x, c.value, c.best])).toEqual([[1, 1, 'other'], [2, 3, 'best'], [3, -2, 'other']]);
    expect(JSON.stringify(spec)).toContain('"type":"line"');
    const empty = table(['k_months'], [[1], [2]], () => ({ sharpe: null, excess: null }));
    expect(sweepSpec(empty)).toBeNull();
  });

  it('fits 1,040 px: a 24 × 50 sweep keeps its cells within 820 px and labels every few values', () => {
    const big = table(['k_months', 'threshold'], grid(Array.from({ length: 24 }, (_, i) => i + 1), Array.from({ length: 50 }, (_, i) => i / 1000)), ([k, th]) => ({ sharpe: k * th, excess: k * th - 0.01 }));
    const spec = sweepSpec(big) as { width: { step: number }; layer: { encoding: { x: { axis: { values?: number[] } } } }[] };
    expect(sweepGrid(big).x).toBe('threshold');
    expect(spec.width.step * 50).toBeLessThanOrEqual(820);
    expect(spec.layer[0].encoding.x.axis.values?.length).toBeLessThanOrEqual(17);
  });
});

describe('sweepDeflatedSharpe and the headline', () => {
  const t = table(['k_months', 'threshold'], grid([1, 2, 3], [0, 0.01]), ([k, th], i) => ({ sharpe: [0.2, 0.35, 0.5, 0.41, 0.3, 0.25][i], excess: 0.01 * k - th, hit: k / 4 }));

  it('is the deflated Sharpe ratio of the best Sharpe ratio, computed apart with sim-core (normal moments, T = rows − 1)', () => {
    const sr = [0.2, 0.35, 0.5, 0.41, 0.3, 0.25].map((s) => s / Math.sqrt(252));
    const m = sr.reduce((a, b) => a + b, 0) / sr.length;
    const variance = sr.reduce((a, b) => a + (b - m) ** 2, 0) / (sr.length - 1);
    const expected = deflatedSharpeRatio({ sharpe: 0.5 / Math.sqrt(252), trialVariance: variance, trials: 6, observations: 2515, skewness: 0, kurtosis: 3 });
    const d = sweepDeflatedSharpe(t);
    expect(d?.trials).toBe(6);
    expect(d?.best).toBe('k months = 2, threshold = 0');
    expect(d?.probability).toBeCloseTo(expected.probability, 12);
  });

  it('states the combinations tried, the best by mean excess with its hit count, and the deflated Sharpe ratio', () => {
    const text = sweepHeadline(t);
    const d = sweepDeflatedSharpe(t);
    expect(text).toContain('Of 6 combinations of k months × threshold tried on relative-momentum');
    // Best mean excess: k = 3, threshold = 0 (+3.0 %), hit rate 0.75 of 2 cycles → 1.5, rounds to 2.
    expect(text).toContain('<b>k months = 3, threshold = 0</b> had the largest mean excess over buy-hold-large across the 2 counted cycles: +3.0 pp (beat it in 2 of 2)');
    expect(text).toContain(`deflated Sharpe ratio P = ${d?.probability?.toFixed(2)} over 6 trials`);
    expect(text).toMatch(/not above 0\.95|above 0\.95, more than/);
    expect(parameterWords('k_months')).toBe('k months');
  });

  it('reads back from its file text the same (the cells do not depend on the file round trip)', () => {
    const read = parseSweepTable(formatSweepTable(t));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(sweepSpec(read.table)).toEqual(sweepSpec(t));
  });
});
