import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateResultSchema } from '@ratecut/contracts';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

const fixtureDir = mkdtempSync(join(tmpdir(), 'ratecut-sim-fixture-'));
writeFixture(fixtureDir);

const scenario = {
  name: 'fixture-cuts', title: 'Fixture cuts', cutPath: { kind: 'meetings', cutsBp: [25, 25] }, horizon: { months: 3 },
  history: { kind: 'all-cycles' }, windowMonths: 12, method: { kind: 'stationary', meanBlock: 5 }, paths: 4000, seed: 7,
};

/** Runs `ratecut simulate scenario.json` on the fixture market in a fresh folder holding `doc` as scenario.json. */
async function simulate(doc: object, extra: string[] = [], base = ['--target', 'small:+5%', '--strategy-paths', '50']): Promise<{ code: number; out: string; err: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-sim-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(doc, null, 2));
  const io = captureIo({}, dir);
  const code = await main(['simulate', 'scenario.json', '--data', fixtureDir, ...base, ...extra], io);
  return { code, out: io.out(), err: io.err(), dir };
}

describe('ratecut simulate on a fixture', () => {
  jest.setTimeout(120_000);

  it('writes the result and its side files, and prints the summary with the thread count and why', async () => {
    const r = await simulate(scenario);
    expect(r.err).toMatch(/^(wrote [^\n]+\n){3}$/); // only the files written: no warning
    expect(r.code).toBe(0);
    const doc = simulateResultSchema.parse(JSON.parse(readFileSync(join(r.dir, 'results', 'fixture-cuts.json'), 'utf8')));
    expect(doc.commandLine).toBe('ratecut simulate scenario.json --data ' + fixtureDir + ' --target small:+5% --strategy-paths 50');
    expect(doc.analogs.cycleIds).toEqual(['2019-08', '2020-03']);
    expect(readFileSync(join(r.dir, 'results', 'fixture-cuts.percentiles.csv'), 'utf8').split('\n')[0]).toBe('outcome,p1,p5,p10,p25,p50,p75,p90,p95,p99,mean,sd');
    expect(readFileSync(join(r.dir, 'results', 'fixture-cuts.fan.csv'), 'utf8').split('\n')).toHaveLength(63 + 3);
    expect(r.out).toMatch(/^Fixture cuts: 3 months \(63 trading days\), 4000 paths, stationary \(mean block 5\), seed 7$/m);
    expect(r.out).toMatch(/^Threads: 1 \(default for about \d+\.\d s of path work \(strategy paths included\): a thread is used per 2\.80 s of it \(4 worker start-ups of 0\.7 s\)/m);
    expect(r.out).toMatch(/^P\(small:\+5%\) +\d+\.\d%$/m);
    expect(r.err).toMatch(/^wrote .*results\/fixture-cuts\.fan\.csv$/m);
    expect(r.out).not.toMatch(/^wrote /m); // stdout holds the results only
  });

  it('prints every scenario problem with the file, line, column and JSON path, and exits 1', async () => {
    const r = await simulate({ ...scenario, paths: -1, method: { kind: 'magic' } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/scenario\.json:\d+:\d+: error bad-scenario: paths: /);
    expect(r.err).toMatch(/scenario\.json:\d+:\d+: error bad-scenario: method/);
    expect(existsSync(join(r.dir, 'results'))).toBe(false);
    const ids = await simulate({ ...scenario, history: { kind: 'cycles', ids: ['2019-08', '2011-01'] } });
    expect(ids.code).toBe(1);
    expect(ids.err).toMatch(/scenario\.json: error bad-scenario: history\.ids\[1\]: unknown cycle id 2011-01; detected cycles: .*2019-08/);
  });

  it('refuses absurd sizes up front: exit 1 when the file asks for them, 2 when the command line does', async () => {
    const started = Date.now();
    const file = await simulate({ ...scenario, horizon: { months: 120 }, paths: 10_000_000 }, ['--workers', '1'], []);
    expect(file.code).toBe(1);
    expect(file.err).toMatch(/scenario\.json: error too-large: 10,000,000 paths × 2,520 trading days .* the limit is 300 s: lower paths in .*scenario\.json, horizon\.months in .*scenario\.json/);
    const flag = await simulate({ ...scenario, horizon: { months: 120 } }, ['--workers', '1', '--paths', '10000000']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/scenario\.json: error too-large: .* lower --paths, horizon\.months in /);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(flag.dir, 'results'))).toBe(false);
  });

  it('refuses a bad flag in one line naming where the usage is, exit 2', async () => {
    const r = await simulate(scenario, ['--target', 'small:+20']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--target "small:\+20": .*ambiguous/);
    expect(r.err).toMatch(/\(usage: ratecut simulate --help\)\n$/);
    expect(existsSync(join(r.dir, 'results'))).toBe(false);
  });
});
