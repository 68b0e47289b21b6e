import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { captureIo } from './testing/capture-io';
import { writeFixture } from './testing/fixture-market';

/** A fresh folder with the fixture market (real-looking data, not the sample) and a working folder. */
function setUp(): { data: string; cwd: string } {
  const data = mkdtempSync(join(tmpdir(), 'ratecut-global-data-'));
  writeFixture(data);
  return { data, cwd: mkdtempSync(join(tmpdir(), 'ratecut-global-')) };
}

/** Runs `ratecut <args>` in `cwd`; its exit code, stdout and stderr. */
async function run(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({}, cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('--json and --quiet, on every command', () => {
  jest.setTimeout(120_000);

  it('--json puts one JSON document on stdout and nothing else there', async () => {
    const { data, cwd } = setUp();
    const d = ['--data', data];
    const expectations: [string[], (doc: Record<string, unknown>) => void][] = [
      [['cycles', ...d], (doc) => expect(doc['schema']).toBe('ratecut.cycles/1')],
      [['backtest', ...d, '--strategy', 'static-mix', '--out', 'bt.json'], (doc) => expect(doc['schema']).toMatch(/^ratecut\.backtest\//)],
      [['backtest', ...d, '--strategy', 'relative-momentum', '--sweep', 'k=2..4', '--out', 'sweep.csv'], (doc) => expect((doc['rows'] as unknown[]).length).toBe(3)],
      [['simulate', 'insurance-cuts', ...d, '--paths', '200', '--strategy-paths', '0', '--out', 'sim.json'], (doc) => expect(doc['schema']).toMatch(/^ratecut\.simulate\//)],
      [['validate', 'event', ...d, '--resamples', '200', '--placebos', '200'], (doc) => expect(doc['schema']).toMatch(/^ratecut\.event-study\//)],
      [['compare', 'bt.json', 'bt.json'], (doc) => expect(doc['schema']).toMatch(/^ratecut\.compare\//)],
      [['report', 'bt.json', 'sim.json', '--out', 'r.html'], (doc) => expect(doc).toEqual({ command: 'report', inputs: ['bt.json', 'sim.json'], wrote: join(cwd, 'r.html') })],
      [['demo', ...d, '--out', 'demo'], (doc) => {
        expect(doc['command']).toBe('demo');
        expect(doc['report']).toBe(join(cwd, 'demo', 'report.html'));
        expect(doc['files']).toContain(join(cwd, 'demo', 'backtest.json'));
      }],
    ];
    for (const [args, check] of expectations) {
      const r = await run(cwd, [...args, '--json']);
      expect({ args, code: r.code, err: r.code === 0 ? '' : r.err }).toEqual({ args, code: 0, err: '' });
      check(JSON.parse(r.out) as Record<string, unknown>);
    }
  });

  it('--json means --format json, and contradicts another --format', async () => {
    const { data, cwd } = setUp();
    const json = await run(cwd, ['cycles', '--data', data, '--json']);
    const format = await run(cwd, ['cycles', '--data', data, '--format', 'json']);
    expect(json.out).toBe(format.out);
    const both = await run(cwd, ['cycles', '--data', data, '--format', 'csv', '--json']);
    expect(both.code).toBe(2);
    expect(both.err).toBe('ratecut cycles: --json contradicts --format csv; give one of them (usage: ratecut cycles --help)\n');
    const html = await run(cwd, ['report', 'x.json', '--out', '-', '--json']);
    expect(html.code).toBe(2);
  });

  it('--quiet (or -q) leaves errors only on stderr, and still writes and prints the results', async () => {
    const { data, cwd } = setUp();
    const loud = await run(cwd, ['backtest', '--data', data, '--strategy', 'static-mix', '--out', 'bt.json']);
    expect(loud.err).toContain(`wrote ${join(cwd, 'bt.json')}\n`);
    const quiet = await run(cwd, ['backtest', '--data', data, '--strategy', 'static-mix', '--out', 'bt.json', '--force', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    expect(quiet.out).toBe(loud.out.replace(/--out bt\.json/g, '--out bt.json --force'));
    const q = await run(cwd, ['-q', 'simulate', 'insurance-cuts', '--data', data, '--paths', '200', '--out', 'sim.json']);
    expect([q.code, q.err]).toEqual([0, '']);
    const bad = await run(cwd, ['cycles', '--data', join(cwd, 'none'), '--quiet']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/error/);
  });
});
