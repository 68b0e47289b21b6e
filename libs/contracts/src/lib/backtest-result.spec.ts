import { backtestConfigSchema } from './backtest-config';
import { backtestResultSchema, BACKTEST_SCHEMA, type BacktestResultJson, type MetricsJson, type StrategyResultJson } from './backtest-result';

const metrics: MetricsJson = {
  periods: 251, periodsPerYear: 252, totalReturn: 0.12, cagr: 0.12, annualizedVolatility: 0.18, sharpeRatio: 0.5, sortinoRatio: 0.7,
  maxDrawdown: { depth: -0.1, peak: '2020-02-19', trough: '2020-03-23', recovery: null },
  calmarRatio: 1.2, turnover: 2, rebalanceCount: 3, tradeCount: 5,
  excessReturn: null, hitRate: null, trackingError: null, informationRatio: null, beta: null, alpha: null,
};

function strategy(label: string): StrategyResultJson {
  return {
    label, sameAsBenchmark: label === 'benchmark', name: 'buy-and-hold', description: 'hold small caps', params: { asset: 'small' }, schedule: { kind: 'on-signal' },
    warmupRows: 0,
    full: { first: '2020-01-02', last: '2020-12-31', metrics, trades: [['2020-01-02', '2020-01-02', 'small', 1000, 0, 1, 0.5]], rejected: [] },
    cycles: [{
      cycleId: '2020-03', recession: true, start: '2019-03-03', end: '2021-03-03', anchor: '2020-03-03', complete: false,
      totalReturn: 0.1, benchmarkTotalReturn: 0.08, excessTotalReturn: 0.02, warmupShortRows: 0, metrics,
    }],
    aggregates: [{ group: 'all', cycles: 1, meanExcess: 0.02, medianExcess: 0.02, hitRate: 1, worstCycle: '2020-03', worstExcess: 0.02 }],
  };
}

/** A small but complete backtest result, as the writer builds it. */
function document(): BacktestResultJson {
  return {
    schema: BACKTEST_SCHEMA, ratecutVersion: '0.1.0', commandLine: 'ratecut backtest', config: backtestConfigSchema.parse({ strategies: [{ name: 'buy-and-hold' }] }),
    data: {
      catalog: 'catalog.json', origin: 'env', synthetic: false, inputs: [{ file: 'catalog.json', sha256: 'ab'.repeat(32) }],
      pair: { id: 'rut-gspc', small: 'rut', large: 'gspc', returnBasis: 'price returns' }, first: '2020-01-02', last: '2020-12-31', rows: 252, periodsPerYear: 252,
    },
    conventions: {
      execution: 'decide at t, trade at t + 1', costs: '5 bp', cash: 'fed funds', coverage: 'all days', returns: 'simple returns as decimals',
      window: '3 months before to 24 after', anchor: 'close before the cut', policyRate: 'FOMC target', cycleRule: '25 bp moves',
      recessionRule: 'NBER', excess: 'strategy minus benchmark', trades: 'one asset at one close', counting: 'by episode',
    },
    warnings: [],
    cycles: [{
      id: '2020-03', firstCut: '2020-03-03', lastCut: '2020-03-15', cuts: 2, totalEasingBp: 150, resumption: false, recession: true, covered: true,
      overlapsPrevious: null, episode: '2020-03', counted: true,
    }],
    benchmark: strategy('benchmark'),
    strategies: [strategy('momentum')],
    equity: { dates: ['2020-01-02', '2020-01-03'], series: { benchmark: [1, 1.01], momentum: [1, 1.02] } },
  };
}

describe('the backtest result schema', () => {
  it('parses a complete document and keeps every field the writer writes', () => {
    const doc = document();
    const parsed = backtestResultSchema.safeParse(JSON.parse(JSON.stringify(doc)));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(doc);
  });

  it('ignores keys it does not know (a newer minor version) and keeps the notice of a synthetic run', () => {
    const parsed = backtestResultSchema.safeParse({ notice: 'SYNTHETIC SAMPLE', ...document(), schema: 'ratecut.backtest/2.3', addedLater: [1] });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.notice).toBe('SYNTHETIC SAMPLE');
    expect(parsed.data).not.toHaveProperty('addedLater');
  });

  it('refuses a wrong or missing field and names each by its JSON path', () => {
    const doc = document() as unknown as Record<string, unknown> & { data: Record<string, unknown>; strategies: Record<string, unknown>[] };
    doc.data['rows'] = '252';
    delete doc['equity'];
    (doc.strategies[0]['full'] as { trades: unknown[][] }).trades[0][3] = null;
    const parsed = backtestResultSchema.safeParse(doc);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['data', 'rows'], ['strategies', 0, 'full', 'trades', 0, 3], ['equity']]);
  });

  it('refuses a result without strategies', () => {
    const parsed = backtestResultSchema.safeParse({ ...document(), strategies: [] });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['strategies']]);
  });
});
