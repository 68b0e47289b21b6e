import { simulateResultSchema, type SimulateResultJson } from '@ratecut/contracts';
import { formatIssue, type LoadResult } from '@ratecut/sim-core';
import { sampleSimulateRequest } from '../../testing/sample-simulate-request';
import { runStudy, studyResult } from '../study/run-study';
import { splitRange } from '../study/split-range';
import { simulatePathBlock } from './path-job';
import { PATHS_PER_BLOCK } from './path-outcomes-study';
import { isUncoveredAnalogsIssue, planSimulateStudy, type SimulateStudy } from './plan-simulate-study';

function planned(result: LoadResult<SimulateStudy>): SimulateStudy {
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

const run = (study: SimulateStudy, workers = 1): Promise<SimulateResultJson> => studyResult(runStudy(study, { workers }));

describe('planSimulateStudy on the bundled sample', () => {
  jest.setTimeout(120_000);
  let study: SimulateStudy;
  let doc: SimulateResultJson;
  beforeAll(async () => {
    study = planned(planSimulateStudy(sampleSimulateRequest({ paths: 3001 })));
    doc = await run(study);
  });

  it('cuts the paths into blocks fixed by the path count, and 1, 2 or 3 worker threads give the same bytes (strategies included)', async () => {
    const large = planned(planSimulateStudy(sampleSimulateRequest({ paths: 25_000 })));
    // The blocks are part of the plan: there is no worker count to depend on.
    expect(large.blocks).toEqual([{ first: 0, count: 10_000 }, { first: 10_000, count: 10_000 }, { first: 20_000, count: 5_000 }]);
    expect(large.blocks).toEqual(splitRange(25_000, PATHS_PER_BLOCK));
    expect(large.execute.module).toMatch(/simulate[/\\]path-job\.[tj]s$/);
    const one = JSON.stringify(await run(large, 1));
    const two = JSON.stringify(await run(large, 2));
    const three = JSON.stringify(await run(large, 3));
    expect(two).toBe(one);
    expect(three).toBe(one);
    expect(one).toMatch(/"name":"trend-filter"/);
  });

  it('builds a result that the contracts schema reads back unchanged, key order included', () => {
    const text = JSON.stringify(doc);
    const parsed = simulateResultSchema.parse(JSON.parse(text));
    expect(JSON.stringify(parsed)).toBe(text);
    expect(Object.keys(doc)).toEqual([
      'notice', 'schema', 'ratecutVersion', 'commandLine', 'scenario', 'data', 'generator', 'seed', 'paths', 'method', 'horizon', 'cutPath',
      'analogs', 'conventions', 'legs', 'probabilities', 'drawdowns', 'drawdownSampling', 'histograms', 'fan', 'strategies',
    ]);
    expect(doc.schema).toBe('ratecut.simulate/1');
    expect(doc.data.synthetic).toBe(true);
    expect(doc.data.inputs.map((i) => i.file)).toEqual([
      'ratecut:data/sample/catalog.json', 'ratecut:data/sample/rut.synthetic.csv', 'ratecut:data/sample/gspc.synthetic.csv',
      'ratecut:data/sample/dff.synthetic.csv', 'ratecut:data/sample/fed-target.synthetic.csv',
      'ratecut:data/nber-business-cycles.json', 'ratecut:data/easing-cycles.json',
    ]);
    for (const i of doc.data.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.horizon).toEqual({ months: 3, steps: 63, unit: 'trading days' });
    expect(doc.method).toMatchObject({ kind: 'stationary', meanBlock: 5, blockRule: 'given' });
    expect(doc.cutPath).toEqual({ totalEasingBp: 50, monthlyChangePct: [-0.25, -0.25, 0] });
    expect(doc.fan.small).toHaveLength(64);
    expect(doc.fan.small[0]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(doc.strategies.results.map((r) => r.name)).toEqual(['buy-hold-small', 'buy-hold-large', 'static-mix', 'cut-trigger', 'relative-momentum', 'trend-filter', 'rate-regime']);
    for (const r of doc.strategies.results) expect(r.horizonReturn.count).toBe(20);
    // The warm-up: the sample's last 202 trading days, ending at its last day (the paths' start).
    expect(doc.strategies.warmUp).toMatchObject({ rows: 202, needed: 202, unit: 'trading days', last: doc.data.last, warning: null });
    expect(doc.strategies.note).toMatch(/real 202 trading days of the data up to its start/);
  });

  it('summarises the path outcomes as an independent computation over the same paths does', () => {
    const all = simulatePathBlock(study.context, { first: 0, count: 3001 }, new Map());
    const small = Array.from(all.smallReturn), large = Array.from(all.largeReturn);
    const mean = small.reduce((a, b) => a + b, 0) / small.length;
    expect(doc.legs.small.count).toBe(3001);
    expect(doc.legs.small.mean).toBeCloseTo(mean, 12);
    // Type-7 median of an odd count: the middle order statistic.
    expect(doc.legs.small.percentiles.p50).toBe([...small].sort((a, b) => a - b)[1500]);
    expect(doc.probabilities.smallBeatsLarge).toBe(small.filter((s, i) => s > large[i]).length / 3001);
    expect(doc.probabilities.targets).toEqual([{ target: 'small:+5%', leg: 'small', level: 0.05, probability: small.filter((s) => s >= 0.05).length / 3001 }]);
    const spreadMean = small.reduce((a, s, i) => a + (s - large[i]), 0) / 3001;
    expect(doc.legs.spread.mean).toBeCloseTo(spreadMean, 12);
    expect(doc.drawdowns.small.percentiles.p99).toBeLessThanOrEqual(0);
    expect(doc.histograms.small.counts.reduce((a, b) => a + b, 0)).toBe(3001);
    // The spread fan's last row: percentiles of small minus large over the fan's first paths,
    // sorted and interpolated here (type 7); the fan works from single-precision log wealth.
    const n = doc.fan.paths;
    const diffs = small.slice(0, n).map((s, i) => s - large[i]).sort((a, b) => a - b);
    const type7 = (p: number): number => { const h = (p / 100) * (n - 1), lo = Math.floor(h); return diffs[lo] + (h - lo) * ((diffs[Math.min(lo + 1, n - 1)] ?? 0) - diffs[lo]); };
    const last = doc.fan.spread?.[doc.fan.spread.length - 1] ?? [];
    expect(last).toHaveLength(doc.fan.percentiles.length);
    doc.fan.percentiles.forEach((p, q) => expect(Math.abs((last[q] as number) - type7(p))).toBeLessThan(1e-5));
    expect(doc.fan.spread?.[0]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('runs the parametric and other bootstrap methods, with drawdowns sampled at each step', async () => {
    for (const kind of ['student-t', 'rate-sensitivity', 'iid', 'circular'] as const) {
      const method = kind === 'circular' ? { kind, meanBlock: 'auto' as const } : { kind };
      const r = await run(planned(planSimulateStudy(sampleSimulateRequest({ paths: 500, method }, { strategyPaths: 0 }))));
      expect(r.method.kind).toBe(kind);
      const monthly = kind === 'student-t' || kind === 'rate-sensitivity';
      expect(r.drawdownSampling).toMatchObject({ frequency: monthly ? 'monthly' : 'daily', steps: monthly ? 3 : 63 });
      expect(r.conventions.drawdown).toContain(monthly ? 'sampled at month-ends (3 monthly steps)' : 'sampled at daily closes (63 trading-day steps)');
      expect(r.strategies.paths).toBe(0);
      if (r.method.kind === 'rate-sensitivity') expect(r.method.regression.spread.n).toBeGreaterThan(300);
      if (r.method.kind === 'student-t') expect(r.method.fit.observations).toBe(r.analogs.monthlyObservations);
      if (r.method.kind === 'circular') expect(r.method.blockRule).toMatch(/^automatic: /);
    }
  });

  it('changes with the seed', async () => {
    const other = await run(planned(planSimulateStudy(sampleSimulateRequest({ paths: 3001, seed: 8 }))));
    expect(other.legs.small.mean).not.toBe(doc.legs.small.mean);
  });
});

describe('planSimulateStudy refuses user mistakes as issues', () => {
  it('names unknown cycle ids at their JSON path, listing the detected cycles', () => {
    const r = planSimulateStudy(sampleSimulateRequest({ history: { kind: 'cycles', ids: ['1997-09', '1999-01', '2000-02'] } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.file, i.jsonPath])).toEqual([
      ['bad-scenario', 'sample-cuts.json', 'history.ids[1]'],
      ['bad-scenario', 'sample-cuts.json', 'history.ids[2]'],
    ]);
    expect(r.issues[0].message).toMatch(/^history\.ids\[1\]: unknown cycle id 1999-01; detected cycles: 1991-08, 1992-08, 1997-09, /);
    expect(r.issues.some(isUncoveredAnalogsIssue)).toBe(false);
  });

  it('says when no analog cycle is covered by the data', () => {
    const r = planSimulateStudy(sampleSimulateRequest({ history: { kind: 'cycles', ids: ['1991-08'] } }));
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual(['sample-cuts.json: error bad-scenario: history: scenario sample-cuts: no analog cycle is covered by the rut-gspc data']);
    expect(!r.ok && r.issues.every(isUncoveredAnalogsIssue)).toBe(true);
  });

  it('prices the run before reading any data, naming the sizes, the limit and where they come from', () => {
    const request = sampleSimulateRequest({ paths: 10_000_000, horizon: { months: 120 } });
    const r = planSimulateStudy({ ...request, catalog: { ...request.catalog, series: [] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(['too-large']);
    expect(r.issues[0].message).toMatch(/^10,000,000 paths × 2,520 trading days \(and 20 strategy paths\) would take about .* the limit is 300 s: lower paths in sample-cuts\.json, horizon\.months in sample-cuts\.json or --strategy-paths$/);
  });

  it('refuses an unknown pair at pair', () => {
    const request = sampleSimulateRequest();
    const r = planSimulateStudy({ ...request, scenario: { ...request.scenario, pair: 'nope' as 'rut-gspc' } });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.jsonPath])).toEqual([['bad-parameter', 'pair']]);
  });
});
