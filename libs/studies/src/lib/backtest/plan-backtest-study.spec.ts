import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backtestResultSchema, BACKTEST_DEFAULT_CYCLE_RULE, PAIR_IDS, type BacktestResultJson } from '@ratecut/contracts';
import { loadCatalog, PAIRS, type Catalog } from '@ratecut/data-loader';
import { DEFAULT_CYCLE_COUNTING, DEFAULT_EASING_CYCLE_RULE, formatIssue } from '@ratecut/sim-core';
import { writeFixture } from '../../testing/fixture-market';
import { runStudy, studyResult } from '../study/run-study';
import { COMMAND_LINE, type ConfigSource } from './config-source';
import { planBacktestStudy, type BacktestRequest } from './plan-backtest-study';

const factsDir = join(__dirname, '..', '..', '..', '..', '..', 'data');
let catalog: Catalog;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-studies-bt-'));
  writeFixture(dir);
  const loaded = loadCatalog(join(dir, 'catalog.json'));
  if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
  catalog = loaded.value;
});

const flags: ConfigSource = { file: null, fromFlags: [] };
const request = (config: unknown, source: ConfigSource = flags): BacktestRequest => ({
  config, source, catalog, origin: 'flag', notice: null, factsDir, commandLine: 'ratecut backtest', ratecutVersion: '0.1.0',
});
const run = async (config: unknown): Promise<BacktestResultJson> => {
  const planned = planBacktestStudy(request(config));
  if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
  return studyResult(runStudy(planned.value));
};
const issuesOf = (config: unknown, source: ConfigSource = flags): string[] => {
  const planned = planBacktestStudy(request(config, source));
  return planned.ok ? [] : planned.issues.map(formatIssue);
};
const STRATEGIES = [{ name: 'cut-trigger' }, { name: 'relative-momentum', params: { k: 2 } }, { name: 'static-mix' }];

describe('the backtest study on the fixture market', () => {
  jest.setTimeout(60_000);

  it('keeps the configuration defaults equal to sim-core\'s and the pairs equal to the data loader\'s', () => {
    expect(BACKTEST_DEFAULT_CYCLE_RULE).toEqual(DEFAULT_EASING_CYCLE_RULE);
    expect(backtestResultSchema.shape.config.parse({ strategies: [{ name: 'x' }] }).count).toBe(DEFAULT_CYCLE_COUNTING);
    expect([...PAIR_IDS]).toEqual(PAIRS.map((p) => p.id));
  });

  it('writes a valid ratecut.backtest/2 result with conventions, fingerprints and per-cycle results', async () => {
    const r = await run({ strategies: STRATEGIES, window: { beforeMonths: 3, afterMonths: 12 } });
    expect(backtestResultSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(r.data.inputs.map((i) => i.file)).toEqual(['catalog.json', 'small.csv', 'large.csv', 'dff.csv', 'target.csv', 'ratecut:data/nber-business-cycles.json']);
    expect(r.data.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    expect(r.cycles.map((c) => c.id)).toEqual(['2019-08', '2020-03']);
    expect(r.conventions.execution).toMatch(/trade at the close of row t \+ 1/);
    expect(r.benchmark.label).toBe('benchmark:buy-hold-large');
    expect(Object.keys(r.equity.series)).toEqual(['benchmark:buy-hold-large', 'cut-trigger', 'relative-momentum', 'static-mix']);
    const cut = r.strategies[0];
    expect(cut.cycles).toHaveLength(2);
    // The cut-trigger holds small caps from the first cut: its first window trade follows the 2019-08-01 cut by one row.
    expect(cut.full.trades.some((t) => t[1] === '2019-08-01' && t[2] === 'small' && t[0] === '2019-08-02')).toBe(true);
    expect(r.strategies[1].params).toEqual({ k: 2, threshold: 0.01 });
    // Independent check of the per-cycle excess: strategy total return minus the benchmark's over the window.
    for (const c of cut.cycles) expect(c.excessTotalReturn).toBeCloseTo((c.totalReturn as number) - (c.benchmarkTotalReturn as number), 14);
    const eq = r.equity.series['cut-trigger'];
    expect(cut.full.metrics.totalReturn).toBeCloseTo(eq[eq.length - 1] / eq[0] - 1, 12);
  });

  it('counts cycles by episode by default and by first cut on request, marking overlaps', async () => {
    const byEpisode = await run({ strategies: [{ name: 'buy-hold-small' }] });
    const byCut = await run({ strategies: [{ name: 'buy-hold-small' }], count: 'first-cuts' });
    // 2020-03 resumes 2019-08 seven months later, inside its 24-month window: one episode.
    expect(byEpisode.cycles.map((c) => [c.id, c.overlapsPrevious, c.episode, c.counted])).toEqual([
      ['2019-08', null, '2019-08', true], ['2020-03', '2019-08', '2019-08', false],
    ]);
    const [first, second] = byCut.strategies[0].cycles.map((c) => c.excessTotalReturn as number);
    expect(byEpisode.strategies[0].aggregates[0]).toMatchObject({ group: 'all', cycles: 1 });
    expect(byEpisode.strategies[0].aggregates[0].meanExcess).toBeCloseTo(first, 12);
    expect(byCut.strategies[0].aggregates[0]).toMatchObject({ group: 'all', cycles: 2 });
    expect(byCut.strategies[0].aggregates[0].meanExcess).toBeCloseTo((first + second) / 2, 12);
    expect(byEpisode.conventions.counting).toMatch(/^counted by episode/);
  });

  it('writes null, not 0, for the benchmark compared with itself and a strategy defined exactly as it', async () => {
    const r = await run({ strategies: [{ name: 'buy-hold-large' }, { name: 'cut-trigger' }] });
    for (const s of [r.benchmark, r.strategies[0]]) {
      expect(s.sameAsBenchmark).toBe(true);
      expect([s.full.metrics.hitRate, s.full.metrics.excessReturn, s.full.metrics.informationRatio, s.aggregates[0].hitRate, s.aggregates[0].worstCycle]).toEqual([null, null, null, null, null]);
      expect(s.cycles.every((c) => c.excessTotalReturn === null)).toBe(true);
    }
    expect(r.strategies[1].sameAsBenchmark).toBe(false);
    expect(typeof r.strategies[1].full.metrics.hitRate).toBe('number');
  });

  it('counts every trade and rebalance for every lag, the first purchase at lag 0 included', async () => {
    for (const lag of [0, 1, 3]) {
      const r = await run({ strategies: STRATEGIES, executionLag: lag });
      for (const s of [r.benchmark, ...r.strategies]) {
        const m = s.full.metrics;
        expect([lag, s.label, m.tradeCount, m.rebalanceCount]).toEqual([lag, s.label, s.full.trades.length, new Set(s.full.trades.map((t) => t[0])).size]);
        expect(m.turnover).toBeGreaterThan(0);
      }
    }
  });

  it('warns when a warm-up or the execution lag does not fit a cycle window, after the data warnings', async () => {
    const r = await run({ strategies: [{ name: 'trend-filter', params: { slow: '2y', fast: '10m' } }] });
    const tf = r.strategies[0];
    expect(tf.warmupRows).toBe(504); // 2 years of 252 trading days
    expect(tf.description).toMatch(/10m\/2y, 210\/504 rows/);
    expect(tf.cycles.filter((c) => c.warmupShortRows > 0).map((c) => c.cycleId)).toContain('2019-08');
    expect(r.warnings).toEqual([expect.stringMatching(/^trend-filter: its warm-up of 504 rows .* needs more history than the data hold before/)]);
    const lagged = await run({ strategies: [{ name: 'cut-trigger' }], window: { beforeMonths: 1, afterMonths: 2 }, executionLag: 80 });
    expect(lagged.warnings.at(-1)).toMatch(/^executionLag 80 rows is as long as the cycle windows 2019-08 \(\d+ rows\), 2020-03/);
  });

  it('covers only the cycles whose window the data hold: a warning for some, an error for none', async () => {
    const none = planBacktestStudy(request({ strategies: [{ name: 'cut-trigger' }], cycles: ['2019-08'], window: { beforeMonths: 24, afterMonths: 6 } }));
    expect(none.ok ? [] : none.issues.map((i) => i.message)).toEqual([
      '--cycles: cycle 2019-08 not covered by the rut-gspc run (2018-01-01 to 2021-12-31, window 24 months before to 6 after): nothing to replay; covered cycles: 2020-03',
    ]);
    const some = planBacktestStudy(request({ strategies: [{ name: 'cut-trigger' }], cycles: ['2019-08', '2020-03'], window: { beforeMonths: 24, afterMonths: 6 } }));
    expect(some.ok && some.warnings.map((w) => w.message)).toEqual(['--cycles: cycle 2019-08 not covered by the rut-gspc run (2018-01-01 to 2021-12-31); no result for it']);
    if (!some.ok) return;
    const r = await studyResult(runStudy(some.value));
    expect(r.cycles.map((c) => c.covered)).toEqual([false, true]);
    expect(r.warnings).toEqual([expect.stringMatching(/warning gap: --cycles: cycle 2019-08 not covered/)]);
  });

  it('returns every user mistake as an issue at its JSON path, in the file or on the command line', () => {
    const file: ConfigSource = { file: 'cfg.json', at: (keys) => ({ line: 2, column: keys.length }), fromFlags: [['cycles']] };
    const config = {
      cycles: ['1999-01'], executionLag: 100000,
      strategies: [{ name: 'yolo' }, { name: 'trend-filter', params: { slow: '200x', lookback: 3 } }, { name: 'static-mix', label: 'benchmark:buy-hold-large', params: { small: 2 } }, { name: 'cut-trigger', label: 'trend-filter' }],
    };
    expect(issuesOf(config, file)).toEqual([
      `${COMMAND_LINE}: error bad-parameter: cycles[0]: unknown cycle id 1999-01; detected cycles: 2019-08, 2020-03`,
      "cfg.json:2:3: error bad-parameter: strategies[0].name: unknown strategy 'yolo'; built-ins: buy-hold-small, buy-hold-large, static-mix, cut-trigger, relative-momentum, trend-filter, rate-regime",
      'cfg.json:2:4: error bad-parameter: strategies[1].params.lookback: strategy trend-filter: unknown parameter lookback; expected indicator, fast, slow, signal',
      'cfg.json:2:4: error bad-parameter: strategies[2].params.small: parameter small=2: expected a weight between 0 and 1',
      "cfg.json:2:3: error bad-parameter: strategies[3].label: two strategies are labelled 'trend-filter'; give each a distinct \"label\"",
      "cfg.json:2:3: error bad-parameter: strategies[2].label: strategy label 'benchmark:buy-hold-large' is the benchmark's label (its equity column would replace the benchmark's); choose another \"label\"",
      expect.stringMatching(/^cfg\.json:2:1: error bad-parameter: executionLag: executionLag 100000 rows: the rut-gspc data have \d+ rows, so no decision could ever be traded/),
    ]);
    expect(issuesOf({ strategies: [{ name: 'trend-filter', params: { slow: '200x' } }] })).toEqual([
      `${COMMAND_LINE}: error bad-parameter: strategies[0].params.slow: parameter slow=200x: expected a period such as 200d (trading days), 10m (months) or 2y; a plain number means trading days`,
    ]);
    expect(issuesOf({ pair: 'nasdaq', costBps: -1, strategies: [] }, { file: 'bad.json', fromFlags: [] })).toEqual([
      expect.stringMatching(/^bad\.json: error bad-config: pair: /),
      'bad.json: error bad-config: costBps: costBps must be >= 0 bp',
      expect.stringMatching(/^bad\.json: error bad-config: strategies: /),
    ]);
  });
});
