import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

describe('ratecut demo', () => {
  jest.setTimeout(120_000);

  it('runs every step on the fixture data, skips a scenario without analogs, and lists the files', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ratecut-demo-data-'));
    writeFixture(data);
    const cwd = mkdtempSync(join(tmpdir(), 'ratecut-demo-'));
    const io = captureIo({}, cwd);
    expect(await main(['demo', '--data', data], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/=== 1\. Fed easing cycles since 1984-01-01 \(the FOMC target era; cycles\.json and the backtest below use every detected cycle\)/);
    expect(out).toMatch(/Easing cycles \(\d+ of \d+ detected: first cut on or after 1984-01-01/);
    expect(out).toMatch(/=== 2\. Backtest/);
    expect(out).toMatch(/P\(small:\+20%\)/);
    expect(out).toMatch(/skipped: history: scenario recession-easing: no analog cycle/);
    for (const f of ['cycles.json', 'backtest.json', 'insurance-cuts.json', 'report.html']) {
      expect(out).toContain(join(cwd, 'results', 'demo', f));
      expect(existsSync(join(cwd, 'results', 'demo', f))).toBe(true);
    }
    const report = readFileSync(join(cwd, 'results', 'demo', 'report.html'), 'utf8');
    expect(report).toMatch(/insurance-cuts/i);
    // The cycle table comes first (the direct answer to the seed question), then the backtest, then the simulation.
    const at = (s: string): number => report.indexOf(s);
    expect(at('<h2 id="file-1">Fed easing cycles: small vs large caps after the first cut</h2>')).toBeGreaterThan(0);
    expect(at('<h2 id="file-2">Backtest')).toBeGreaterThan(at('<h2 id="file-1">'));
    expect(at('<h2 id="file-3">')).toBeGreaterThan(at('<h2 id="file-2">'));
    expect(report.slice(at('<h2 id="file-3">'), at('<h2 id="file-3">') + 200)).toMatch(/Simulation: Insurance cuts/);
    // The first headline at the top of the page answers it.
    expect(at('Russell 2000 beat the S&amp;P 500 over 12 months in')).toBeGreaterThan(0);
    expect(at('Russell 2000 beat the S&amp;P 500 over 12 months in')).toBeLessThan(at('<h2 id="file-1">'));
    // A second run replaces the folder as a whole: no staging folder or lock is left beside it.
    writeFileSync(join(cwd, 'results', 'demo', 'backtest.positions.csv'), 'from an older demo');
    expect(await main(['demo', '--data', data], captureIo({}, cwd))).toBe(0);
    expect(readdirSync(join(cwd, 'results'))).toEqual(['demo']);
    expect(existsSync(join(cwd, 'results', 'demo', 'backtest.positions.csv'))).toBe(false);
    expect(JSON.parse(readFileSync(join(cwd, 'results', 'demo', 'backtest.json'), 'utf8')).commandLine).toMatch(/--out backtest\.json --force$/);
  });

  it('refuses to replace a folder holding files it did not write, before writing anything', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ratecut-demo-data-'));
    writeFixture(data);
    const cwd = mkdtempSync(join(tmpdir(), 'ratecut-demo-'));
    writeFileSync(join(cwd, 'notes.txt'), 'mine');
    const io = captureIo({}, cwd);
    expect(await main(['demo', '--data', data, '--out', '.'], io)).toBe(2);
    expect(io.err()).toMatch(/^ratecut demo: \. holds files this command did not write; choose another --out or empty the folder \(it is replaced as a whole\)$/m);
    expect(readdirSync(cwd)).toEqual(['notes.txt']);
  });

  it('announces the synthetic sample on its first line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ratecut-demo-'));
    const io = captureIo({}, cwd);
    expect(await main(['demo'], io)).toBe(0);
    expect(io.out().split('\n')[0]).toMatch(/^SYNTHETIC SAMPLE/);
  });
});
