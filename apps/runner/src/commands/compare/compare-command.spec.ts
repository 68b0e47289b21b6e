import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { simulateDocument } from '@ratecut/studies/testing';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

/** Runs the CLI in-process in `cwd`. */
async function run(cwd: string, args: string[]) {
  const io = captureIo({}, cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** A whole `ratecut.simulate/1` document (the studies' test document) with the values compare reads set. */
function minimalSimulation(name: string, overrides: { months?: number; p50?: number; beat?: number; targets?: { target: string; probability: number }[] } = {}) {
  const base = simulateDocument();
  const summary = (p50: number) => ({ ...base.legs.small, percentiles: { ...base.legs.small.percentiles, p5: p50 - 0.2, p25: p50 - 0.1, p50, p75: p50 + 0.1, p95: p50 + 0.2 }, mean: p50, sd: 0.1 });
  const months = overrides.months ?? 12;
  return {
    ...base,
    scenario: { ...base.scenario, name },
    data: { ...base.data, synthetic: false, inputs: [{ file: 'catalog.json', sha256: 'ab'.repeat(32) }], first: '1987-09-10', last: '2026-02-23' },
    seed: 1, paths: 1000, horizon: { months, steps: months * 21, unit: 'trading days' },
    analogs: { ...base.analogs, cycleIds: [name === 'x' ? '1995-07' : '2001-01'] },
    legs: { small: summary(overrides.p50 ?? 0.1), large: summary(0.08), spread: summary((overrides.p50 ?? 0.1) - 0.08) },
    probabilities: { smallBeatsLarge: overrides.beat ?? 0.5, targets: (overrides.targets ?? []).map((t) => ({ ...t, leg: 'small', level: 0 })) },
  };
}

describe('ratecut compare on fixture results', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ratecut-fixture-'));
  writeFixture(dataDir);
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-compare-'));
  const a = join(dir, 'a.json'), b = join(dir, 'b.json');
  const edited = (name: string, edit: (doc: Record<string, unknown>) => void): string => {
    const doc = JSON.parse(readFileSync(a, 'utf8')) as Record<string, unknown>;
    edit(doc);
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(doc));
    return file;
  };

  beforeAll(async () => {
    for (const [out, strategies] of [[a, ['cut-trigger']], [b, ['relative-momentum']]] as const) {
      const r = await run(dir, ['backtest', ...strategies.flatMap((s) => ['--strategy', s]), '--data', dataDir, '--out', out]);
      expect(r.code).toBe(0);
    }
  }, 60_000);

  describe('validation', () => {
    it('rejects a file that is not a ratecut result, naming it', async () => {
      const file = join(dir, 'other.json');
      writeFileSync(file, JSON.stringify({ schema: 'something/1', rows: [] }));
      const text = join(dir, 'notes.txt');
      writeFileSync(text, 'hello\n');
      const r = await run(dir, ['compare', a, file, text]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${file}: error not-a-result: not a ratecut result file ("schema": "something/1"`);
      expect(r.err).toContain(`${text}: error not-a-result`);
    });

    it('reports truncated and malformed JSON with line:column', async () => {
      const full = readFileSync(a, 'utf8');
      const cut = join(dir, 'cut.json');
      writeFileSync(cut, full.slice(0, 200));
      const lines = full.slice(0, 200).split('\n');
      const r = await run(dir, ['compare', a, cut]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${cut}:${lines.length}:${lines[lines.length - 1].length + 1}: error bad-json: truncated JSON`);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{\n  "schema": "ratecut.backtest/2",\n  "data": x\n}\n');
      const m = await run(dir, ['compare', a, bad]);
      expect(m.err).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:11: error bad-json: malformed JSON`));
    });

    it('refuses a newer schema major and loads an older minor of the same major', async () => {
      const newer = edited('newer.json', (d) => { d['schema'] = 'ratecut.backtest/3'; });
      const r = await run(dir, ['compare', a, newer]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${newer}: error newer-schema: ratecut.backtest/3 was written by a newer ratecut`);
      const older = edited('older.json', (d) => { d['schema'] = 'ratecut.backtest/2.0'; });
      const ok = await run(dir, ['compare', a, older]);
      expect(ok.err).toBe('');
      expect(ok.code).toBe(0);
    });

    it('lists every missing field of a damaged result', async () => {
      const broken = edited('broken.json', (d) => { delete d['equity']; delete (d['data'] as Record<string, unknown>)['rows']; });
      const r = await run(dir, ['compare', a, broken]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: error bad-result: data\\.rows: `, 'm'));
      expect(r.err).toContain(`${broken}:1:1: error bad-result: equity: Invalid input: expected object, received undefined`);
    });
  });

  describe('comparability', () => {
    const other = () => edited('other-data.json', (d) => {
      const data = d['data'] as { inputs: { sha256: string }[]; last: string };
      data.inputs[1].sha256 = '0'.repeat(64);
      data.last = '2021-06-30';
      (d['conventions'] as Record<string, string>)['anchor'] = 'base = close of the first cut day';
      (d['cycles'] as { id: string }[]).pop();
    });

    it('refuses incomparable files, listing every difference', async () => {
      const r = await run(dir, ['compare', a, other()]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/not comparable \(4 differences\); pass --force/);
      expect(r.err).toContain('data.inputs: small.csv sha256');
      expect(r.err).toContain('data.last: 2021-12-31 in a.json, 2021-06-30 in other-data.json');
      expect(r.err).toContain('cycles: 2020-03 only in a.json');
      expect(r.err).toContain('conventions.anchor: ');
      expect(r.out).toBe('');
    });

    it('compares anyway with --force, differences above the results', async () => {
      const r = await run(dir, ['compare', a, other(), '--force']);
      expect(r.code).toBe(0);
      const out = r.out;
      expect(out.indexOf('NOT COMPARABLE: 4 differences')).toBeGreaterThan(out.indexOf('A  '));
      expect(out.indexOf('NOT COMPARABLE')).toBeLessThan(out.indexOf('Headline metrics'));
    });

    it('refuses to mix simulations with backtests, and simulations of other horizons', async () => {
      const s = join(dir, 's.json'), s6 = join(dir, 's6.json');
      writeFileSync(s, JSON.stringify(minimalSimulation('x')));
      writeFileSync(s6, JSON.stringify(minimalSimulation('y', { months: 6 })));
      expect((await run(dir, ['compare', s, a])).err).toBe(`command line: error mixed-kinds: cannot compare simulation results (${s}) with backtest results (${a})\n`);
      const r = await run(dir, ['compare', s, s6]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('horizon: 12 months (252 trading days) in s.json, 6 months (126 trading days) in s6.json');
    });
  });

  describe('side by side', () => {
    it('labels strategies file:strategy and prints the paired bootstrap line', async () => {
      const r = await run(dir, ['compare', a, b, '--resamples', '300', '--seed', '5']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^ {2}A {2}.*a\.json {2}\[ratecut\.backtest\/2\]/m);
      expect(r.out).toMatch(/a\.json:cut-trigger .*\n {2}b\.json:relative-momentum/);
      expect(r.out).toMatch(/Sharpe difference A−B: [+−]\d\.\d\d \(95% CI [+−]?\d\.\d\d to [+−]?\d\.\d\d; stationary bootstrap, mean block \d+, 300 resamples\)/);
      expect(r.out).toMatch(/A beat B in \d of 2 cycles/);
      // Same seed, same output.
      expect((await run(dir, ['compare', a, b, '--resamples', '300', '--seed', '5'])).out).toBe(r.out);
    });

    it('reads a sweep CSV, taking higher moments as normal', async () => {
      const sweep = join(dir, 'sweep.csv');
      writeFileSync(sweep, '# ratecut backtest --sweep k=1..3\n# relative-momentum sweep on rut-gspc (price return), 2018-01-01 to 2021-12-31, 1044 rows; lag 1\n# {"schema":"ratecut.sweep/2","strategy":"relative-momentum","parameters":["k_months","threshold"],"pair":"rut-gspc","returnBasis":"price return","first":"2018-01-01","last":"2021-12-31","rows":1044,"periodsPerYear":252,"executionLag":1,"costBps":5,"slippageBps":5,"cash":"fedfunds","synthetic":false,"schedule":{"kind":"on-signal"},"benchmark":"buy-hold-large","window":{"beforeMonths":3,"afterMonths":24,"anchor":"first-cut"},"cycles":[],"counted":[],"deflatedSharpe":null}\nk_months,threshold,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate\n1,0,0.1,0.02,0.2,0.3,-0.3,10,,\n2,0,0.1,0.02,0.2,0.5,-0.3,10,,\n3,0,0.1,0.02,0.2,0.4,-0.3,10,,\n');
      const r = await run(dir, ['compare', sweep]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('best sweep.csv:k_months=2 threshold=0: Sharpe over cash 0.50');
      expect(r.out).toContain('null hypothesis: the best parameter set has no skill over cash');
      expect(r.out).toContain('T = 1043');
      expect(r.out).toMatch(/taken as normal/);
    });

    it('refuses a sweep CSV cell that is not a number, at file:line:column, instead of dropping the trial', async () => {
      const sweep = join(dir, 'bad-sweep.csv');
      writeFileSync(sweep, '# relative-momentum sweep on rut-gspc (price return), 2018-01-01 to 2021-12-31, 1044 rows; lag 1\n# {"schema":"ratecut.sweep/2","strategy":"relative-momentum","parameters":["k_months","threshold"],"pair":"rut-gspc","returnBasis":"price return","first":"2018-01-01","last":"2021-12-31","rows":1044,"periodsPerYear":252,"executionLag":1,"costBps":5,"slippageBps":5,"cash":"fedfunds","synthetic":false,"schedule":{"kind":"on-signal"},"benchmark":"buy-hold-large","window":{"beforeMonths":3,"afterMonths":24,"anchor":"first-cut"},"cycles":[],"counted":[],"deflatedSharpe":null}\nk_months,threshold,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate\n1,0,0.1,0.02,0.2,0.3,-0.3,10,,\n2,0,0.1,0.02,0.2,abc,-0.3,10,,\n3,0,0.1,0.02,0.2,0.4,-0.3,10,,\n');
      const r = await run(dir, ['compare', sweep]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${sweep}:5:18: error bad-number: column "sharpe": expected a number or an empty cell (undefined), found "abc"`);
    });

  });

  describe('formats and output', () => {
    it('writes CSV with one row per statistic', async () => {
      const r = await run(dir, ['compare', a, b, '--format', 'csv', '--resamples', '100']);
      const rows = parse(r.out, { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0])).toEqual(['section', 'key', 'label', 'statistic', 'value', 'lower', 'upper']);
      const sharpe = rows.find((x) => x['section'] === 'paired' && x['statistic'] === 'sharpe_difference');
      expect(Number(sharpe?.['lower'])).toBeLessThanOrEqual(Number(sharpe?.['value']));
      expect(rows.some((x) => x['section'] === 'metric' && x['label'] === 'b.json:relative-momentum' && x['statistic'] === 'sharpe')).toBe(true);
      expect(rows.some((x) => x['section'] === 'cycle' && x['key'] === '2019-08')).toBe(true);
    });

    it('writes JSON atomically with --out and will not replace it without --force', async () => {
      const out = join(dir, 'cmp.json');
      const r = await run(dir, ['compare', a, b, '--format', 'json', '--out', out, '--resamples', '100']);
      expect(r.code).toBe(0);
      expect(r.err).toContain(`wrote ${out}`);
      expect(r.out).toBe('');
      const j = JSON.parse(readFileSync(out, 'utf8'));
      expect(j.schema).toBe('ratecut.compare/1');
      expect(j.comparable).toBe(true);
      expect(j.paired.resamples).toBe(100);
      expect(j.paired.sharpe.lower).toBeLessThanOrEqual(j.paired.sharpe.upper);
      expect((await run(dir, ['compare', a, b, '--out', out])).code).toBe(2);
    });

    it('writes the report with --out in one set, or alone; its headline gives the document\'s findings; a bad --report path writes nothing', async () => {
      const out = join(dir, 'cmp-report.json'), html = join(dir, 'cmp-report.html');
      const r = await run(dir, ['compare', a, b, '--format', 'json', '--out', out, '--report', html, '--resamples', '100']);
      expect(r.code).toBe(0);
      expect(r.err).toBe(`wrote ${out}\nwrote ${html}\n`);
      const j = JSON.parse(readFileSync(out, 'utf8'));
      const page = readFileSync(html, 'utf8');
      expect(page).toContain(`${out} (ratecut.compare/1)`);
      expect(page).toContain(`<b>a.json:cut-trigger beat b.json:relative-momentum in ${j.cycles.aBeatB.wins} of ${j.cycles.aBeatB.count} cycles</b>`);
      const signed = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(2)}`;
      expect(page).toContain(`Sharpe ratio difference ${signed(j.paired.sharpe.estimate)} (95 % interval ${signed(j.paired.sharpe.lower)} to ${signed(j.paired.sharpe.upper)})`);
      // Alone: the table on stdout, the report written, naming the comparison as not written.
      const alone = await run(dir, ['compare', a, b, '--report', 'alone.html', '--resamples', '100']);
      expect(alone.code).toBe(0);
      expect(alone.out).toMatch(/^ratecut compare: 2 files$/m);
      expect(alone.err).toBe(`wrote ${join(dir, 'alone.html')}\n`);
      expect(readFileSync(join(dir, 'alone.html'), 'utf8')).toContain('compare (not written: no --out) (ratecut.compare/1)');
      mkdirSync(join(dir, 'report-dir'));
      const bad = await run(dir, ['compare', a, b, '--format', 'json', '--out', 'never.json', '--report', 'report-dir']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('report-dir is a folder; name a file to write instead');
      expect(existsSync(join(dir, 'never.json'))).toBe(false);
      expect((await run(dir, ['compare', a, b, '--report', a])).code).toBe(2);
      expect(JSON.parse(readFileSync(a, 'utf8')).schema).toBe('ratecut.backtest/2');
    });

    it('rejects bad options with exit 2', async () => {
      expect((await run(dir, ['compare', a, b, '--format', 'xml'])).code).toBe(2);
      expect((await run(dir, ['compare', a, b, '--resamples', '0'])).code).toBe(2);
      expect((await run(dir, ['compare', '--seed', '3'])).code).toBe(2);
    });
  });
});
