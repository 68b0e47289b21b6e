import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSweepTable } from '@ratecut/contracts';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

describe('ratecut backtest --sweep --report', () => {
  jest.setTimeout(60_000);
  const sweep = ['backtest', '--strategy', 'relative-momentum', '--sweep', 'k=1..4', '--sweep', 'threshold=0..0.02:0.01', '--window=-3m..12m'];

  it('writes the table and its heatmap report in one set; the headline names the best row and the deflated Sharpe ratio', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ratecut-sweep-data-'));
    writeFixture(data);
    const cwd = mkdtempSync(join(tmpdir(), 'ratecut-sweep-'));
    const io = captureIo({}, cwd);
    expect(await main([...sweep, '--data', data, '--out', 's.csv', '--report', 's.html'], io)).toBe(0);
    expect(io.err()).toBe(`wrote ${join(cwd, 's.csv')}\nwrote ${join(cwd, 's.html')}\n`);
    const read = parseSweepTable(readFileSync(join(cwd, 's.csv'), 'utf8'));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const table = read.table;
    const html = readFileSync(join(cwd, 's.html'), 'utf8');
    const top = /<div class="headline">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(top).toContain(`Of ${table.rows.length} combinations of k months × threshold tried on relative-momentum`);
    // The best row by the mean excess over the benchmark, found here in the table.
    const m = table.columns.indexOf(table.header.counted.length > 0 ? 'mean_cycle_excess' : 'sharpe');
    let best = -1;
    table.rows.forEach((r, i) => { if (r[m] !== null && (best < 0 || (r[m] as number) > (table.rows[best][m] as number))) best = i; });
    expect(top).toContain(`<b>k months = ${table.rows[best][0]}, threshold = ${table.rows[best][1]}</b>`);
    const d = table.header.deflatedSharpe;
    if (d?.probability !== null && d?.probability !== undefined) expect(top).toContain(`deflated Sharpe ratio P = ${d.probability.toFixed(2)} over ${d.trials} trials`);
    expect(html).toContain('s.csv (ratecut.sweep/2)');
    // The same report from the written file.
    const report = captureIo({}, cwd);
    expect(await main(['report', 's.csv', '--out', 'from-file.html'], report)).toBe(0);
    const fromFile = readFileSync(join(cwd, 'from-file.html'), 'utf8');
    expect(/<div class="headline">[\s\S]*?<\/div>/.exec(fromFile)?.[0]).toBe(top);
    // A broken cell: the report names the file, line and column, and writes nothing.
    const lines = readFileSync(join(cwd, 's.csv'), 'utf8').split('\n');
    const at = lines.findIndex((l) => /^\d/.test(l));
    const cells = lines[at].split(',');
    cells[3] = 'abc';
    lines[at] = cells.join(',');
    writeFileSync(join(cwd, 'bad.csv'), lines.join('\n'));
    const bad = captureIo({}, cwd);
    expect(await main(['report', 'bad.csv', '--out', 'bad.html'], bad)).toBe(1);
    const column = cells.slice(0, 3).join(',').length + 2;
    expect(bad.err()).toContain(`bad.csv:${at + 1}:${column}: error bad-number: column "${table.columns[3]}": expected a number or an empty cell (undefined), found "abc"`);
    expect(existsSync(join(cwd, 'bad.html'))).toBe(false);
  });

  it('refuses a bad --report path before the sweep runs, and writes nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ratecut-sweep-data-'));
    writeFixture(data);
    const cwd = mkdtempSync(join(tmpdir(), 'ratecut-sweep-'));
    mkdirSync(join(cwd, 'adir'));
    const io = captureIo({}, cwd);
    expect(await main([...sweep, '--data', data, '--out', 's.csv', '--report', 'adir'], io)).not.toBe(0);
    expect(io.err()).toContain('adir is a folder; name a file to write instead');
    expect(existsSync(join(cwd, 's.csv'))).toBe(false);
  });
});
