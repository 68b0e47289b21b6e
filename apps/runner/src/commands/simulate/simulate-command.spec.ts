import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../main';
import { captureIo, realDataDir } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';
import { parseTarget } from './simulate-command';

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

  it('parses targets', () => {
    expect(parseTarget('small:+20%')).toEqual({ leg: 'small', level: 0.2, text: 'small:+20%' });
    expect(parseTarget('spread:0.05').level).toBe(0.05);
    expect(() => parseTarget('mid:+3%')).toThrow(/expected leg:level/);
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
    expect(doc.method.meanBlock).toBeGreaterThanOrEqual(1);
    const p = doc.probabilities.targets[0].probability;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });
});
