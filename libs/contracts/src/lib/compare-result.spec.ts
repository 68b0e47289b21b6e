import { COMPARE_SCHEMA, compareResultSchema, type CompareResultJson } from './compare-result';

/** A small but complete comparison of two backtests, as the writer builds it. */
function document(): CompareResultJson {
  const interval = { estimate: 0.1, lower: -0.2, upper: 0.4 };
  return {
    schema: COMPARE_SCHEMA, ratecutVersion: '0.1.0', seed: 1, resamples: 2000,
    files: [
      { letter: 'A', file: 'a.json', kind: 'backtest', schema: 'ratecut.backtest/2', synthetic: false, description: 'rut-gspc' },
      { letter: 'B', file: 'b.json', kind: 'backtest', schema: 'ratecut.backtest/2', synthetic: false, description: 'rut-gspc' },
    ],
    comparable: true, differences: [], notes: [],
    metrics: [{ label: 'a.json:x', totalReturn: 1.5, cagr: 0.05, volatility: 0.2, sharpe: 0.4, maxDrawdown: -0.5, calmar: 0.1, cycleHitRate: null }],
    cycles: { labels: ['a.json:x', 'b.json:y'], rows: [{ cycleId: '2020-03', recession: true, complete: true, values: [0.1, null], difference: null }], aBeatB: { a: 'a.json:x', b: 'b.json:y', wins: 0, count: 0, share: null } },
    paired: {
      a: 'a.json:x', b: 'b.json:y', first: '2000-01-03', last: '2020-12-31', observations: 5000, meanBlock: 12.5, resamples: 2000, seed: 1,
      confidence: 0.95, periodsPerYear: 252, sharpe: interval, annualReturn: interval, method: 'paired stationary bootstrap',
    },
    deflatedSharpe: [{
      source: 's', statistic: 'over cash', nullHypothesis: 'h', trials: 3, best: 'k=2', bestSharpe: 0.5, trialSharpeSd: 0.1, expectedMaxSharpe: 0.3,
      observations: 1043, skewness: 0, kurtosis: 3, moments: 'normal', probability: 0.9,
    }],
    simulations: null,
  };
}

describe('the ratecut.compare/1 schema', () => {
  it('is written as ratecut.compare/1', () => {
    expect(COMPARE_SCHEMA).toBe('ratecut.compare/1');
  });

  it('reads what the writer writes, key order included, through a JSON round trip', () => {
    const doc = { notice: 'SYNTHETIC SAMPLE: computed on the bundled synthetic data', ...document() };
    const parsed = compareResultSchema.parse(JSON.parse(JSON.stringify(doc)));
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(doc));
  });

  it('refuses an unknown file kind or deflated-Sharpe statistic and a missing section', () => {
    const doc = document() as unknown as Record<string, unknown> & { files: { kind: string }[]; deflatedSharpe: { statistic: string }[] };
    doc.files[1].kind = 'report';
    doc.deflatedSharpe[0].statistic = 'over benchmark';
    delete doc['paired'];
    const r = compareResultSchema.safeParse(doc);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['deflatedSharpe.0.statistic', 'files.1.kind', 'paired']);
  });
});
