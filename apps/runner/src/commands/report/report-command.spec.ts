import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPageCharts } from '@ratecut/studies/report';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixtureResults } from '../../testing/report-fixtures';
import { reportOutput } from './write-report';

describe('ratecut report', () => {
  jest.setTimeout(120_000);
  let dir = '';
  beforeAll(async () => {
    dir = await writeFixtureResults();
  });

  const report = async (args: string[]) => {
    const io = captureIo({}, dir);
    const code = await main(['report', ...args], io);
    return { code, err: io.err() };
  };

  it('writes one self-contained HTML file, byte-identical on every run', async () => {
    const a = await report(['bt.json', 'sim.json', '--out', 'a.html']);
    expect(a.err).toMatch(/wrote .*a\.html/);
    expect(a.code).toBe(0);
    expect((await report(['bt.json', 'sim.json', '--out', 'b.html'])).code).toBe(0);
    const html = readFileSync(join(dir, 'a.html'), 'utf8');
    expect(html).toBe(readFileSync(join(dir, 'b.html'), 'utf8'));
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import/);
    expect(html).toContain('<script type="application/gzip" id="ratecut-vega"');
    expect(html.match(/class="chart"/g)).toHaveLength(9); // backtest 4, simulate 5 (with the spread fan)
    expect(html).toContain('cut-trigger');
    // A target's label is chart data, packed in the page: read with the charts.
    expect(JSON.stringify(readPageCharts(html))).toContain('Russell 2000 ≥ +5\u00a0%: ');
    expect(html).toContain('decide at the close of row t');
    expect(html.length).toBeLessThan(2_000_000);
  });

  it('draws the validate results: the event study with its placebo distributions, walk-forward, calibration', async () => {
    const r = await report(['event.json', 'walk-forward.json', 'calibration.json', '--out', 'v.html']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'v.html'), 'utf8');
    expect(html.match(/class="chart"/g)).toHaveLength(3);
    expect(html).toContain('<h2 id="file-1">Event study of first cuts (anchor: effective)</h2>');
    expect(html).toContain('<h2 id="file-2">Walk-forward validation of static-mix (rut-gspc, against buy-hold-large)</h2>');
    expect(html).toContain('<h2 id="file-3">Calibration of the scenario simulator (500 paths per held-out cycle)</h2>');
    // The placebo histogram and the event mean travel in the chart data.
    const specs = readPageCharts(html) as unknown as { spec: { data: { values?: { kind?: string }[] }[] } }[];
    const placebo = specs[0].spec.data.flatMap((d) => d.values ?? []);
    expect(placebo.filter((v) => v.kind === 'placebo').length).toBe(30 * placebo.filter((v) => v.kind === 'event').length);
    // A document written before the placebo histogram existed still reads; its chart becomes a note.
    const event = JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8')) as { pairs: { horizons: { groups: { placebo: Record<string, unknown> | null }[] }[] }[] };
    for (const p of event.pairs) for (const h of p.horizons) for (const g of h.groups) if (g.placebo !== null) delete g.placebo['histogram'];
    writeFileSync(join(dir, 'old-event.json'), JSON.stringify(event));
    expect((await report(['old-event.json', '--out', 'old.html'])).code).toBe(0);
    expect(readFileSync(join(dir, 'old.html'), 'utf8')).toContain('Placebo distributions (all cycles)</h3>\n<p class="note">');
  });

  it('draws a now result: the answer first, the overlay chart, the probabilities and every past cycle', async () => {
    const r = await report(['now.json', '--out', 'now.html']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'now.html'), 'utf8');
    expect(html).toMatch(/<h2 id="file-1">Now: the 2020-03 easing cycle at step \d+ \(2021-12-31\)<\/h2>/);
    expect(html).toMatch(/<div class="headline">[^]*?Over the next 1 month, from the 1 nearest analog: P\(small beats large\) = <b>/);
    expect(html.match(/class="chart"/g)).toHaveLength(1);
    expect(html).toContain('<h3>Every past cycle at step');
  });

  it('is the same report through reportOutput (backtest and simulate --report)', () => {
    const docs = ['bt.json', 'sim.json'].map((file) => ({ file, doc: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
    expect(reportOutput(docs, 'c.html')).toEqual({ path: 'c.html', text: readFileSync(join(dir, 'a.html'), 'utf8') });
    expect(() => reportOutput([{ file: 'x.json', doc: { schema: 'ratecut.simulate/1' } }], 'x.html')).toThrow(/^x\.json: error bad-result: ratecutVersion: [^\n]*\nx\.json: error bad-result: commandLine: /);
  });

  it('names a file that is not JSON or not a ratecut result, lists every problem, and writes nothing', async () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "schema": "ratecut.backtest/2",\n  oops\n}\n');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ schema: 'something/2' }));
    writeFileSync(join(dir, 'partial.json'), JSON.stringify({ schema: 'ratecut.simulate/1', commandLine: 'x' }));
    const r = await report(['bt.json', 'broken.json', 'other.json', 'partial.json', 'missing.json', '--out', 'bad.html']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^broken\.json:3:\d+: error bad-json: malformed JSON/m);
    expect(r.err).toMatch(/^other\.json: error not-a-result: not a ratecut result file \("schema": "something\/2"/m);
    expect(r.err).toMatch(/^partial\.json:1:1: error bad-result: scenario: Invalid input: expected object, received undefined \(in a ratecut\.simulate\/1 file\)$/m);
    expect(r.err).toMatch(/^missing\.json: error missing-file: /m);
    expect(r.err).toMatch(/nothing written/);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
  });

  it('needs --out and a file, and --force to replace', async () => {
    expect((await report(['bt.json'])).code).toBe(2);
    expect((await report(['--out', 'x.html'])).code).toBe(2);
    const again = await report(['bt.json', '--out', 'a.html']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect((await report(['sim.json', '--out', 'a.html', '--force'])).code).toBe(0);
  });

  it('reads result files by the same rule as compare: a byte-order mark, a newer minor, a newer major, a cut-off file', async () => {
    const text = readFileSync(join(dir, 'bt.json'), 'utf8');
    writeFileSync(join(dir, 'bt-bom.json'), `\uFEFF${text}`);
    writeFileSync(join(dir, 'bt-minor.json'), text.replace('"ratecut.backtest/2"', '"ratecut.backtest/2.3"'));
    writeFileSync(join(dir, 'bt-major.json'), text.replace('"ratecut.backtest/2"', '"ratecut.backtest/3"'));
    writeFileSync(join(dir, 'bt-cut.json'), text.slice(0, 200));
    const compare = async (args: string[]) => {
      const io = captureIo({}, dir);
      return { code: await main(['compare', ...args], io), err: io.err() };
    };
    for (const ok of ['bt-bom.json', 'bt-minor.json']) {
      expect((await report([ok, '--out', `${ok}.html`])).code).toBe(0);
      expect((await compare(['bt.json', ok])).code).toBe(0);
    }
    for (const bad of ['bt-major.json', 'bt-cut.json']) {
      const r = await report([bad, '--out', `${bad}.html`]);
      const c = await compare(['bt.json', bad]);
      expect(r.code).toBe(1);
      expect(c.code).toBe(1);
      const line = r.err.split('\n')[0];
      expect(line).toMatch(bad === 'bt-major.json' ? /^bt-major\.json: error newer-schema: ratecut\.backtest\/3 was written by a newer ratecut/ : /^bt-cut\.json:\d+:\d+: error bad-json: truncated JSON/);
      expect(c.err).toContain(line);
    }
  });
});

