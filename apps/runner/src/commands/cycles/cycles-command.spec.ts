import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cyclesResultSchema } from '@ratecut/contracts';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

// The finance of the cycle table is tested in-process in libs/studies (cycles/); these are the CLI's.
describe('ratecut cycles on a fixture market', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ratecut-cycles-fixture-'));
  writeFixture(dataDir);

  it('prints a table that states its conventions, one block per pair, and lists the skipped pairs', async () => {
    const io = captureIo({});
    expect(await main(['cycles', '--data', dataDir], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/^ratecut \S+: Fed easing cycles and small vs large caps after the first cut$/);
    expect(lines[1]).toBe(`Data:        ${join(dataDir, 'catalog.json')} (flag)`);
    expect(io.out()).toMatch(/^Anchor: +base = close of the last observation strictly before/m);
    expect(io.out()).toMatch(/^Easing cycles \(2; 1 episodes; /m);
    expect(io.out()).toMatch(/^ {2}2020-03 +2020-03-04 +2020-03-16 +2 +150 +1\.75 +0\.25 +yes +2019-08 +2019-08 +in recession +range$/m);
    expect(io.out()).toMatch(/^ {2}2020-03 R \^ +2020-03-03 /m);
    expect(io.out()).toMatch(/^Russell 2000 vs S&P 500 \(\^RUT vs \^GSPC\): 2018-01-01 to 2021-12-31$/m);
    expect(io.out()).toMatch(/^ {2}small won all +1\/1/m);
    expect(io.out()).toMatch(/^Skipped pair iwm-spy: the catalog has no series iwm, spy$/m);
    expect(io.err()).toBe('');
  });

  it('writes the same document as JSON (schema ratecut.cycles/1) and as CSV', async () => {
    const json = captureIo({});
    expect(await main(['cycles', '--data', dataDir, '--format', 'json'], json)).toBe(0);
    const doc = cyclesResultSchema.parse(JSON.parse(json.out()));
    expect(doc.schema).toBe('ratecut.cycles/1');
    expect(doc.cycles.map((c) => c.id)).toEqual(['2019-08', '2020-03']);
    const csv = captureIo({});
    expect(await main(['cycles', '--data', dataDir, '--format', 'csv'], csv)).toBe(0);
    const rows = csv.out().trim().split('\n');
    expect(rows[0]).toBe('row_type,pair,cycle_id,first_cut,recession,anchor_date,horizon,steps,end_date,small_return,large_return,small_minus_large,median_small_minus_large,share_small_beat,overlaps_previous,episode,counted,missing');
    const h = doc.pairs[0].cycles[0].horizons[0];
    expect(rows[1]).toBe(`cycle,rut-gspc,2019-08,2019-08-01,true,2019-07-31,3m,63,${h.endDate},${h.small},${h.large},${(h.small ?? NaN) - (h.large ?? NaN)},,,,2019-08,true,`);
  });

  it('refuses a --since after the policy-rate data (exit 2) and warns when no cycle starts after it', async () => {
    const late = captureIo({});
    expect(await main(['cycles', '--data', dataDir, '--since', '2030-01-01'], late)).toBe(2);
    expect(late.err()).toMatch(/^ratecut cycles: --since 2030-01-01 is after the end of the policy-rate data \(2021-12-31\): no cycle can start then \(usage: ratecut cycles --help\)\n$/);
    const empty = captureIo({});
    expect(await main(['cycles', '--data', dataDir, '--since', '2021-01-01'], empty)).toBe(0);
    expect(empty.err()).toBe('warning: no easing cycle has its first cut on or after 2021-01-01 (2 detected before --since); the tables are empty\n');
    expect(empty.out()).toMatch(/Easing cycles \(0 of 2 detected: first cut on or after 2021-01-01/);
    expect((await main(['cycles', '--data', dataDir, '--since', '2021-13-01'], captureIo({})))).toBe(2);
    expect((await main(['cycles', '--data', dataDir, '--pause-months', '0'], captureIo({})))).toBe(2);
  });

  it('writes CSV atomically and refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-cycles-'));
    const file = join(dir, 'cycles.csv');
    writeFileSync(file, 'keep me\n');
    const io = captureIo({}, dir);
    expect(await main(['cycles', '--data', dataDir, '--format', 'csv', '--out', 'cycles.csv'], io)).toBe(2);
    expect(io.err()).toMatch(/already exists; pass --force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const io2 = captureIo({}, dir);
    expect(await main(['cycles', '--data', dataDir, '--format', 'csv', '--out', 'cycles.csv', '--force'], io2)).toBe(0);
    expect(io2.err()).toBe(`wrote ${file}\n`);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^row_type,pair,cycle_id,/);
  });

  it('writes the report with --out in one set, or alone; its headline counts the document\'s cycles; a bad --report path writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-cycles-report-'));
    const io = captureIo({}, dir);
    expect(await main(['cycles', '--data', dataDir, '--format', 'json', '--out', 'cycles.json', '--report', 'cycles.html'], io)).toBe(0);
    expect(io.err()).toBe(`wrote ${join(dir, 'cycles.json')}\nwrote ${join(dir, 'cycles.html')}\n`);
    expect(io.out()).toBe('');
    const doc = cyclesResultSchema.parse(JSON.parse(readFileSync(join(dir, 'cycles.json'), 'utf8')));
    const html = readFileSync(join(dir, 'cycles.html'), 'utf8');
    expect(html).toContain('cycles.json (ratecut.cycles/1)');
    // The fixture has one counted cycle (2019-08; 2020-03 joins its episode): the headline's 12-month count is the document's.
    const twelve = doc.pairs[0].summary.find((r) => r.horizon === '12m' && r.group === 'all');
    const won = Math.round((twelve?.shareSmallBeat ?? NaN) * (twelve?.count ?? NaN));
    expect(twelve?.count).toBe(1);
    expect(html).toContain(`<b>Russell 2000 beat the S&amp;P 500 over 12 months in ${won} of 1</b>`);
    const alone = captureIo({}, dir);
    expect(await main(['cycles', '--data', dataDir, '--report', 'alone.html'], alone)).toBe(0);
    expect(alone.err()).toBe(`wrote ${join(dir, 'alone.html')}\n`);
    expect(alone.out()).toMatch(/^Easing cycles \(2; 1 episodes; /m);
    expect(readFileSync(join(dir, 'alone.html'), 'utf8')).toContain('cycles (not written: no --out) (ratecut.cycles/1)');
    mkdirSync(join(dir, 'adir'));
    const bad = captureIo({}, dir);
    expect(await main(['cycles', '--data', dataDir, '--format', 'json', '--out', 'again.json', '--report', 'adir'], bad)).toBe(2);
    expect(bad.err()).toContain('adir is a folder; name a file to write instead');
    expect(existsSync(join(dir, 'again.json'))).toBe(false);
    const dash = captureIo({}, dir);
    expect(await main(['cycles', '--data', dataDir, '--report', '-'], dash)).toBe(2);
    expect(dash.err()).toMatch(/--report -: the report is an HTML file/);
    expect(readdirSync(dir).sort()).toEqual(['adir', 'alone.html', 'cycles.html', 'cycles.json']);
  });

  it('prints a data warning as file:line:column: warning code: message', async () => {
    const holed = mkdtempSync(join(tmpdir(), 'ratecut-hole-'));
    writeFixture(holed);
    const small = readFileSync(join(holed, 'small.csv'), 'utf8').split('\n');
    writeFileSync(join(holed, 'small.csv'), small.filter((l) => !(l >= '2019-12' && l < '2021')).join('\n'));
    const io = captureIo({});
    expect(await main(['cycles', '--data', holed], io)).toBe(0);
    expect(io.err()).toMatch(/small\.csv:\d+:\d+: warning gap: gap of 399 calendar days/);
    expect(io.out()).toMatch(/2019-08 R +2019-07-31 .* gap +gap +gap/);
  });
});

describe('ratecut cycles without real data', () => {
  it('falls back to the labelled synthetic sample', async () => {
    const io = captureIo({});
    expect(await main(['cycles'], io)).toBe(0);
    expect(io.out().split('\n')[0]).toMatch(/^SYNTHETIC SAMPLE/);
    expect(io.err()).toMatch(/SYNTHETIC SAMPLE/);
    const json = captureIo({});
    expect(await main(['cycles', '--format', 'json'], json)).toBe(0);
    expect(json.out().split('\n')[0]).toMatch(/^\{ "notice": "SYNTHETIC SAMPLE/);
    expect(JSON.parse(json.out()).data.synthetic).toBe(true);
  }, 60_000);

  it('reports a --data path that does not exist and exits 1', async () => {
    const io = captureIo({});
    expect(await main(['cycles', '--data', '/nonexistent/ratecut-data'], io)).toBe(1);
    expect(io.err()).toMatch(/\/nonexistent\/ratecut-data.*missing-file/);
  });
});

describe('ratecut cycles on bad data', () => {
  it('lists every problem in every file with file, line and column, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bad-'));
    const entry = (id: string, file: string, extra: object) => ({
      id, title: id, file, format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', kind: 'price', frequency: 'daily', unit: 'pts', source: 'test', ...extra,
    });
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({
      catalog: 1,
      series: [
        entry('fed-target', 't.csv', { kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', value: 'target_upper_pct', columns: ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'] }),
        entry('rut', 'r.csv', { value: 'close' }),
        entry('gspc', 'missing.csv', { value: 'close' }),
      ],
    }));
    writeFileSync(join(dir, 't.csv'), 'date,target_lower_pct,target_upper_pct,target_mid_pct\n2020-01-01,1.5,1.75,1.625\n2020-01-03,1.5,abc,1.625\n2020-01-02,1.5,1.75,1.625\n');
    writeFileSync(join(dir, 'r.csv'), 'date,close\n2020-01-02,-5\n');
    const io = captureIo({});
    expect(await main(['cycles', '--data', dir], io)).toBe(1);
    expect(io.err().trim().split('\n')).toEqual([
      expect.stringMatching(/t\.csv:3:3: error bad-number: .*"abc"/),
      expect.stringMatching(/t\.csv:4:1: error unsorted-dates: /),
      expect.stringMatching(/r\.csv:2:2: error non-positive-price: /),
      expect.stringMatching(/missing\.csv: error missing-file: /),
    ]);
    expect(io.out()).toBe('');
  });
});
