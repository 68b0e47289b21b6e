import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../main';
import { captureIo, realDataDir } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

const fixtureDir = mkdtempSync(join(tmpdir(), 'ratecut-sim-fixture-'));
writeFixture(fixtureDir);

const scenario = {
  name: 'fixture-cuts', title: 'Fixture cuts', cutPath: { kind: 'meetings', cutsBp: [25, 25] }, horizon: { months: 3 },
  history: { kind: 'all-cycles' }, windowMonths: 12, method: { kind: 'stationary', meanBlock: 5 }, paths: 4000, seed: 7,
};

async function simulate(dir: string, extra: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({}, dir);
  const code = await main(['simulate', 'scenario.json', '--data', fixtureDir, '--target', 'small:+5%', '--strategy-paths', '50', ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

describe('ratecut simulate on a fixture', () => {
  jest.setTimeout(120_000);

  it('gives byte-identical files for the same seed with 1, 2 and 4 worker threads', async () => {
    const a = mkdtempSync(join(tmpdir(), 'ratecut-sim-a-')), b = mkdtempSync(join(tmpdir(), 'ratecut-sim-b-')), c = mkdtempSync(join(tmpdir(), 'ratecut-sim-c-'));
    for (const d of [a, b, c]) writeFileSync(join(d, 'scenario.json'), JSON.stringify(scenario));
    const ra = await simulate(a, ['--workers', '1', '--out', 'r.json']);
    expect(ra.err).toBe('');
    expect(ra.code).toBe(0);
    expect((await simulate(b, ['--workers', '2', '--out', 'r.json'])).code).toBe(0);
    expect((await simulate(c, ['--workers', '4', '--out', 'r.json'])).code).toBe(0);
    for (const f of ['r.json', 'r.percentiles.csv', 'r.fan.csv']) {
      expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
      expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(c, f), 'utf8'));
    }
    const doc = JSON.parse(readFileSync(join(a, 'r.json'), 'utf8'));
    expect(doc.schema).toBe('ratecut.simulate/1');
    expect(doc.analogs.cycleIds).toEqual(['2019-08', '2020-03']);
    expect(doc.method).toMatchObject({ kind: 'stationary', meanBlock: 5 });
    expect(doc.generator).toMatch(/xoshiro128/);
    expect(doc.horizon).toEqual({ months: 3, steps: 63, unit: 'trading days' });
    expect(doc.probabilities.smallBeatsLarge).toBeGreaterThan(0);
    expect(doc.probabilities.smallBeatsLarge).toBeLessThan(1);
    expect(doc.probabilities.targets[0]).toMatchObject({ target: 'small:+5%', leg: 'small', level: 0.05 });
    expect(doc.analogs.warnings.join(' ')).toMatch(/only 2 analog cycles/);
    expect(doc.fan.small).toHaveLength(64);
    expect(doc.strategies.results.map((r: { name: string }) => r.name)).toEqual(['buy-hold-small', 'buy-hold-large', 'static-mix', 'cut-trigger', 'rate-regime']);
    expect(ra.out).toMatch(/P\(small beats large\)/);
  });

  it('changes with the seed', async () => {
    const a = mkdtempSync(join(tmpdir(), 'ratecut-sim-'));
    writeFileSync(join(a, 'scenario.json'), JSON.stringify(scenario));
    await simulate(a, ['--workers', '1', '--out', 'x.json']);
    await simulate(a, ['--workers', '1', '--out', 'y.json', '--seed', '8']);
    const x = JSON.parse(readFileSync(join(a, 'x.json'), 'utf8')), y = JSON.parse(readFileSync(join(a, 'y.json'), 'utf8'));
    expect(x.legs.small.mean).not.toBe(y.legs.small.mean);
  });

  it('runs the parametric methods', async () => {
    for (const method of ['student-t', 'rate-sensitivity', 'iid', 'circular']) {
      const d = mkdtempSync(join(tmpdir(), 'ratecut-sim-'));
      writeFileSync(join(d, 'scenario.json'), JSON.stringify({ ...scenario, paths: 500 }));
      const r = await simulate(d, ['--workers', '1', '--method', method]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(readFileSync(join(d, 'results', 'fixture-cuts.json'), 'utf8'));
      expect(doc.method.kind).toBe(method);
      // Drawdowns are sampled at each step: month-ends for the monthly methods, daily closes for the bootstrap.
      const monthly = method === 'student-t' || method === 'rate-sensitivity';
      expect(doc.drawdownSampling).toMatchObject({ frequency: monthly ? 'monthly' : 'daily', steps: monthly ? 3 : 63 });
      expect(doc.conventions.drawdown).toContain(monthly ? 'sampled at month-ends (3 monthly steps)' : 'sampled at daily closes (63 trading-day steps)');
      if (monthly) expect(r.out).toMatch(/^Max DD \(here and below\): sampled at month-ends \(3 monthly steps\): .*not comparable with a daily bootstrap's$/m);
      else expect(r.out).toMatch(/^Max DD \(here and below\): sampled at daily closes \(63 trading-day steps\)$/m);
    }
  });

  it('reports scenario problems with the file and JSON path', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ratecut-sim-'));
    writeFileSync(join(d, 'scenario.json'), JSON.stringify({ ...scenario, paths: -1, method: { kind: 'magic' } }));
    const r = await simulate(d);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/scenario\.json:1:\d+: error bad-scenario: paths: /);
    expect(r.err).toMatch(/scenario\.json:1:\d+: error bad-scenario: method/);
    expect(existsSync(join(d, 'results'))).toBe(false);
  });

  it('refuses absurd sizes up front, naming the file, the JSON path and the limit', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ratecut-sim-'));
    writeFileSync(join(d, 'scenario.json'), JSON.stringify({ ...scenario, horizon: { months: 1e9 }, cutPath: { kind: 'meetings', cutsBp: [1e300] } }));
    const started = Date.now();
    const r = await simulate(d, ['--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/scenario\.json(:\d+:\d+)?: error bad-scenario: horizon\.months: expected at most 120 months/);
    expect(r.err).toMatch(/scenario\.json(:\d+:\d+)?: error bad-scenario: cutPath\.cutsBp\[0\]: a cut must be at most 500 bp/);
    writeFileSync(join(d, 'scenario.json'), JSON.stringify({ ...scenario, horizon: { months: 120 } }));
    const big = await simulate(d, ['--workers', '1', '--paths', '10000000']);
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/scenario\.json: error too-large: 10,000,000 paths × 2,520 trading days .* the limit is 300 s: lower --paths, horizon\.months in .*scenario\.json/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(d, 'results'))).toBe(false);
  });

  it('shows the thread count and why: one thread by default for a small run', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ratecut-sim-'));
    writeFileSync(join(d, 'scenario.json'), JSON.stringify({ ...scenario, paths: 500 }));
    const r = await simulate(d, ['--strategy-paths', '0']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Threads: 1 \(default for about 0\.0 s of path work: a thread is used per 2\.8 s of it/m);
    const w = await simulate(d, ['--strategy-paths', '0', '--workers', '2', '--out', 'w.json']);
    expect(w.out).toMatch(/^Threads: 2 \(--workers\)$/m);
  });

  it('refuses an ambiguous --target before loading any data', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ratecut-sim-'));
    writeFileSync(join(d, 'scenario.json'), JSON.stringify(scenario));
    const io = captureIo({}, d);
    expect(await main(['simulate', 'scenario.json', '--data', fixtureDir, '--target', 'small:+20', '--workers', '1'], io)).toBe(2);
    expect(io.err()).toMatch(/--target "small:\+20": .*ambiguous/);
    expect(existsSync(join(d, 'results'))).toBe(false);
  });
});

const describeReal = existsSync(join(realDataDir(), 'catalog.json')) ? describe : describe.skip;
describeReal('ratecut simulate on the real data', () => {
  jest.setTimeout(120_000);
  it('draws the insurance-cuts scenario from insurance-like cycles', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ratecut-sim-real-'));
    const io = captureIo({ RATECUT_DATA: realDataDir() }, d);
    expect(await main(['simulate', 'insurance-cuts', '--paths', '20000', '--workers', '1', '--target', 'small:+20%', '--strategy-paths', '20'], io)).toBe(0);
    const doc = JSON.parse(readFileSync(join(d, 'results', 'insurance-cuts.json'), 'utf8'));
    for (const id of ['1995-07', '1998-09', '2019-08']) expect(doc.analogs.cycleIds).toContain(id);
    expect(doc.analogs.cycleIds).not.toContain('2001-01');
    expect(doc.analogs.cycleIds).not.toContain('1987-11'); // the post-crash easing is an emergency, not an insurance analog
    expect(doc.conventions.emergency).toMatch(/intermeeting/);
    expect(doc.method.meanBlock).toBeGreaterThanOrEqual(1);
    const p = doc.probabilities.targets[0].probability;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });
});
