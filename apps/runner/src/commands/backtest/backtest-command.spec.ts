import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

const ARGS = ['backtest', '--strategy', 'cut-trigger', '--strategy', 'relative-momentum', '--param', 'k=2', '--strategy', 'static-mix', '--window=-3m..12m', '--out', 'run.json'];

describe('ratecut backtest on a fixture', () => {
  jest.setTimeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ratecut-fixture-'));
  writeFixture(dataDir);

  const run = async (cwd: string, extra: string[] = []) => {
    const io = captureIo({}, cwd);
    const code = await main([...ARGS, '--data', dataDir, ...extra], io);
    return { code, io };
  };

  it('matches the golden result file, byte for byte, on every run', async () => {
    const a = mkdtempSync(join(tmpdir(), 'ratecut-bt-a-'));
    const b = mkdtempSync(join(tmpdir(), 'ratecut-bt-b-'));
    expect((await run(a)).code).toBe(0);
    expect((await run(b)).code).toBe(0);
    for (const f of ['run.json', 'run.equity.csv', 'run.trades.csv', 'run.cycles.csv']) {
      expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
    }
    const json = readFileSync(join(a, 'run.json'), 'utf8').split(dataDir).join('<fixture>');
    const golden = join(__dirname, '__golden__', 'backtest-fixture.json');
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(golden)) {
      mkdirSync(join(__dirname, '__golden__'), { recursive: true });
      writeFileSync(golden, json);
    }
    expect(json).toBe(readFileSync(golden, 'utf8'));
  });

  it('refuses to overwrite result files without --force, leaving them untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    writeFileSync(join(dir, 'run.trades.csv'), 'precious\n');
    const { code, io } = await run(dir);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/run\.trades\.csv already exists; pass --force/);
    expect(readFileSync(join(dir, 'run.trades.csv'), 'utf8')).toBe('precious\n');
    expect(existsSync(join(dir, 'run.json'))).toBe(false);
    expect((await run(dir, ['--force'])).code).toBe(0);
  });

  it('validates a config file with zod and names each problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ pair: 'nasdaq', costBps: -1, strategies: [{ name: 'cut-trigger', param: {} }] }));
    const io = captureIo({}, dir);
    // A bad file is exit 1 (exit 2 is for the command line), each problem at its line, column and JSON path.
    expect(await main(['backtest', '--config', 'bad.json', '--data', dataDir], io)).toBe(1);
    const err = io.err();
    expect(err).toMatch(/^bad\.json:1:9: error bad-config: pair: /m);
    expect(err).toMatch(/^bad\.json:1:\d+: error bad-config: costBps: costBps must be >= 0 bp$/m);
    expect(err).toMatch(/^bad\.json:1:\d+: error bad-config: strategies\[0\]: .*param/m);
    writeFileSync(join(dir, 'broken.json'), '{\n  "pair": "rut-gspc",\n  oops\n}');
    const io2 = captureIo({}, dir);
    expect(await main(['backtest', '--config', 'broken.json', '--data', dataDir], io2)).toBe(1);
    expect(io2.err()).toMatch(/broken\.json:3:\d+: error bad-config: (malformed|truncated) JSON/);
  });

  it('writes an HTML report with --report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    const { code, io } = await run(dir, ['--report', 'r.html']);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(io.err()).toMatch(/wrote .*r\.html/);
    expect(io.out()).not.toMatch(/wrote /); // stdout holds the results only
  });

  it('runs several strategies from a config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({
      executionLag: 0, costBps: 0, slippageBps: 0, window: { beforeMonths: 1, afterMonths: 6 },
      strategies: [{ name: 'static-mix', label: 'mix-70', params: { small: 0.7 } }, { name: 'trend-filter', params: { indicator: 'ema', fast: 5, slow: 20 } }],
    }));
    const io = captureIo({}, dir);
    expect(await main(['backtest', '--config', 'cfg.json', '--data', dataDir, '--out', 'r.json'], io)).toBe(0);
    const r = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(r.strategies.map((s: { label: string }) => s.label)).toEqual(['mix-70', 'trend-filter']);
    expect(r.config.executionLag).toBe(0);
  });

  it('gives clear errors for an unknown strategy, parameter or cycle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    const io = captureIo({}, dir);
    expect(await main(['backtest', '--strategy', 'yolo', '--data', dataDir], io)).toBe(2);
    expect(io.err()).toMatch(/^command line: error bad-parameter: strategies\[0\]\.name: unknown strategy 'yolo'; built-ins: buy-hold-small/);
    const io2 = captureIo({}, dir);
    expect(await main(['backtest', '--strategy', 'static-mix', '--param', 'k=3', '--data', dataDir], io2)).toBe(2);
    expect(io2.err()).toMatch(/no selected strategy has a parameter 'k'/);
    const io3 = captureIo({}, dir);
    expect(await main(['backtest', '--cycles', '1999-01', '--data', dataDir], io3)).toBe(2);
    expect(io3.err()).toMatch(/^command line: error bad-parameter: cycles\[0\]: unknown cycle id 1999-01; detected cycles: 2019-08, 2020-03$/m);
    const dir2 = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    writeFileSync(join(dir2, 'c.json'), '{\n  "strategies": [{ "name": "trend-filter", "params": { "slow": "200x" } }]\n}');
    const io4 = captureIo({}, dir2);
    expect(await main(['backtest', '--config', 'c.json', '--data', dataDir], io4)).toBe(1);
    expect(io4.err()).toMatch(/^c\.json:2:\d+: error bad-parameter: strategies\[0\]\.params\.slow: parameter slow=200x: expected a period/m);
  });

  it('warns about a --cycles id the run does not cover, and fails when it covers none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    // With 24 months before the first cut, 2019-08's window starts 2017-08, before the fixture's data (2018-01).
    const none = captureIo({}, dir);
    expect(await main(['backtest', '--strategy', 'cut-trigger', '--cycles', '2019-08', '--window=-24m..6m', '--data', dataDir, '--out', 'a.json'], none)).toBe(1);
    expect(none.err()).toMatch(/error gap: --cycles: cycle 2019-08 not covered by the rut-gspc run \(2018-01-01 to 2021-12-31, window 24 months before to 6 after\): nothing to replay; covered cycles: 2020-03/);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
    const some = captureIo({}, dir);
    expect(await main(['backtest', '--strategy', 'cut-trigger', '--cycles', '2019-08,2020-03', '--window=-24m..6m', '--data', dataDir, '--out', 'b.json'], some)).toBe(0);
    expect(some.err()).toMatch(/warning gap: --cycles: cycle 2019-08 not covered by the rut-gspc run \(2018-01-01 to 2021-12-31\); no result for it/);
    const r = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(r.warnings.some((w: string) => /cycle 2019-08 not covered/.test(w))).toBe(true);
    expect(r.cycles.map((c: { covered: boolean }) => c.covered)).toEqual([false, true]);
  });

  it('refuses absurd costs, prototype keys, a lag longer than the data and a strategy labelled as the benchmark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    const bad = async (args: string[]) => {
      const io = captureIo({}, dir);
      return { code: await main(['backtest', '--data', dataDir, '--out', 'x.json', ...args], io), err: io.err() };
    };
    let r = await bad(['--cost-bps', '1e6']);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('--cost-bps "1e6": expected basis points from 0 to 1000')]);
    r = await bad(['--slippage-bps', '20000']);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('--slippage-bps "20000": expected basis points from 0 to 1000')]);
    writeFileSync(join(dir, 'cost.json'), JSON.stringify({ costBps: 1e6, strategies: [{ name: 'cut-trigger' }] }));
    r = await bad(['--config', 'cost.json']);
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/^cost\.json:1:12: error bad-config: costBps: costBps must be at most 1000 bp/)]);
    for (const key of ['__proto__', 'constructor', 'toString']) {
      r = await bad(['--strategy', 'cut-trigger', '--param', `${key}=1`]);
      expect([key, r.code, r.err]).toEqual([key, 2, expect.stringContaining(`no selected strategy has a parameter '${key}'`)]);
    }
    writeFileSync(join(dir, 'proto2.json'), '{"strategies":[{"name":"cut-trigger","params":{"__proto__":{"holdMonths":3}}}]}');
    r = await bad(['--config', 'proto2.json']);
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/proto2\.json:1:48: error bad-config: property name "__proto__" is not allowed/)]);
    writeFileSync(join(dir, 'proto.json'), '{"strategies":[{"name":"cut-trigger","params":{"constructor":1}}]}');
    r = await bad(['--config', 'proto.json']);
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/proto\.json:1:\d+: error bad-config: property name "constructor" is not allowed/)]);
    r = await bad(['--strategy', 'relative-momentum', '--sweep', 'k=1..2', '--lag', '100000']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/^command line: error bad-parameter: executionLag: executionLag 100000 rows: the rut-gspc data have \d+ rows/)]);
    r = await bad(['--strategy', 'cut-trigger', '--lag', '100000']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/executionLag 100000 rows: the rut-gspc data have \d+ rows, so no decision could ever be traded/)]);
    writeFileSync(join(dir, 'label.json'), JSON.stringify({ strategies: [{ name: 'cut-trigger', label: 'benchmark:buy-hold-large' }] }));
    r = await bad(['--config', 'label.json']);
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/^label\.json:1:\d+: error bad-parameter: strategies\[0\]\.label: strategy label 'benchmark:buy-hold-large' is the benchmark's label/)]);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('shows n/a, and writes null, for the benchmark compared with itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    const io = captureIo({}, dir);
    expect(await main(['backtest', '--data', dataDir, '--out', 'n.json', '--strategy', 'buy-hold-large', '--strategy', 'cut-trigger', '--strategy', 'static-mix', '--report', 'n.html'], io)).toBe(0);
    const r = JSON.parse(readFileSync(join(dir, 'n.json'), 'utf8'));
    for (const s of [r.benchmark, r.strategies[0]]) {
      expect(s.sameAsBenchmark).toBe(true);
      expect([s.full.metrics.hitRate, s.full.metrics.excessReturn, s.full.metrics.informationRatio, s.aggregates[0].hitRate, s.aggregates[0].worstCycle]).toEqual([null, null, null, null, null]);
      expect(s.cycles.every((c: { excessTotalReturn: unknown }) => c.excessTotalReturn === null)).toBe(true);
    }
    expect(r.strategies[1].sameAsBenchmark).toBe(false);
    expect(typeof r.strategies[1].full.metrics.hitRate).toBe('number');
    expect(io.out()).toMatch(/buy-hold-large \(= benchmark\)\s+n\/a\s+n\/a\s+n\/a\s+n\/a/);
    expect(io.out()).not.toMatch(/buy-hold-large.*\s0%/);
    const html = readFileSync(join(dir, 'n.html'), 'utf8');
    // The report's per-cycle excess table has no column for the benchmark's twin (its excess is no number).
    expect(html).toContain('<tr><th>cycle</th><th>window</th><th>cut-trigger</th><th>static-mix</th></tr>');
    const cmp = captureIo({}, dir);
    expect(await main(['compare', 'n.json'], cmp)).toBe(0);
    expect(cmp.out()).toMatch(/n\.json:buy-hold-large \(= benchmark\).*n\/a\n/);
    expect(cmp.out()).toMatch(/n\.json:benchmark:buy-hold-large .*n\/a\n/);
    expect(cmp.out()).toMatch(/null hypothesis: the best strategy has no skill over its benchmark/);
    expect(cmp.out()).toMatch(/over 2 strategies/); // buy-hold-large is no trial
  });

  it('sweeps relative momentum through the fast path and writes one row per combination', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    const io = captureIo({}, dir);
    expect(await main(['backtest', '--strategy', 'relative-momentum', '--sweep', 'k=1..3', '--sweep', 'threshold=0..0.02:0.01', '--out', 's.csv', '--data', dataDir], io)).toBe(0);
    const lines = readFileSync(join(dir, 's.csv'), 'utf8').trim().split('\n').filter((l) => !l.startsWith('#'));
    expect(lines[0]).toBe('k_months,threshold,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate,excess_2019-08,excess_2020-03');
    expect(lines).toHaveLength(1 + 9);
    const text = readFileSync(join(dir, 's.csv'), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual([
      `# ratecut backtest --strategy relative-momentum --sweep k=1..3 --sweep threshold=0..0.02:0.01 --out s.csv --data ${dataDir}`,
      expect.stringMatching(/^# relative-momentum sweep on rut-gspc \(price return: .*\), 2018-01-01 to 2021-12-31, \d+ rows; lag 1, costs 5\+5 bp, cash fedfunds$/),
    ]);
    expect(text.split('\n')[2]).toMatch(/^# \{"schema":"ratecut\.sweep\/2",/);
    expect(io.out()).toMatch(/9 combinations/);
    expect(io.out()).toMatch(/cycles: mean excess -?\d+\.\d pp, beat buy-hold-large in \d of 1/);
    expect(io.out()).toMatch(/deflated Sharpe ratio of the best \(Bailey and López de Prado, 2014; \d+ trials\): /);
  });

  it('sweeps another built-in through the portfolio kernel, a grid of two parameters, and leaves refused combinations empty with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    const io = captureIo({}, dir);
    expect(await main(['backtest', '--strategy', 'trend-filter', '--sweep', 'fast=20..60:40', '--sweep', 'slow=50..100:50', '--out', 't.csv', '--data', dataDir], io)).toBe(0);
    const lines = readFileSync(join(dir, 't.csv'), 'utf8').trim().split('\n').filter((l) => !l.startsWith('#'));
    expect(lines[0]).toMatch(/^fast,slow,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate,excess_/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['20,50', '20,100', '60,50', '60,100']);
    expect(lines[3].split(',').slice(2).every((c) => c === '')).toBe(true); // fast 60 is not shorter than slow 50
    expect(io.err()).toMatch(/1 of 4 combinations are not valid for trend-filter and are left empty/);
    expect(io.out()).toMatch(/^trend-filter sweep: 4 combinations/m);
  });

  it('runs a sweep on worker threads with --workers, writing the same bytes as one thread, and refuses --workers without --sweep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bt-'));
    const args = (out: string, workers: string) => ['backtest', '--strategy', 'cut-trigger', '--sweep', 'holdMonths=1..24', '--sweep', 'minMoveBp=0..100:10', '--workers', workers, '--out', out, '--data', dataDir];
    expect(await main(args('one.csv', '1'), captureIo({}, dir))).toBe(0);
    expect(await main(args('two.csv', '2'), captureIo({}, dir))).toBe(0);
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one.csv'), 'utf8').replace('one.csv', 'two.csv'));
    const io = captureIo();
    expect(await main(['backtest', '--strategy', 'cut-trigger', '--workers', '2', '--data', dataDir], io)).toBe(2);
    expect(io.err()).toMatch(/--workers runs the combinations of a --sweep on worker threads/);
  }, 60_000);

  it('refuses to sweep a parameter the built-in does not have, naming those it has', async () => {
    const io = captureIo();
    expect(await main(['backtest', '--strategy', 'cut-trigger', '--sweep', 'k=1..3', '--data', dataDir], io)).toBe(2);
    expect(io.err()).toMatch(/--sweep k: cut-trigger sweeps holdMonths, minMoveBp, pauseMonths/);
  });
});
