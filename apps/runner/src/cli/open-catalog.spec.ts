import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main';
import { captureIo } from '../testing/capture-io';

/** The data options every command that reads data shares: --data, RATECUT_DATA, --allow-outside-data. */
describe('data options of the commands', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ratecut-open-catalog-'));
    writeFileSync(join(root, 'secret.csv'), 'date,close\n2024-01-02,1\n');
    const entry = { id: 'fed-target', title: 't', file: '../secret.csv', format: 'csv', date: 'date', value: 'close', kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', source: 's' };
    const data = join(root, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'catalog.json'), JSON.stringify({ catalog: 1, series: [entry] }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(['cycles', 'backtest', 'simulate insurance-cuts', 'demo'])('%s: an empty --data is a usage error (exit 2), not the synthetic sample', async (command) => {
    const io = captureIo({});
    expect(await main([...command.split(' '), '--data', ''], io)).toBe(2);
    expect(io.err()).toContain('--data: an empty path; expected a data folder holding catalog.json');
    expect(io.err()).not.toContain('SYNTHETIC');
  });

  it('a RATECUT_DATA that is set but empty is a usage error (exit 2)', async () => {
    const io = captureIo({ RATECUT_DATA: '' });
    expect(await main(['cycles'], io)).toBe(2);
    expect(io.err()).toContain('RATECUT_DATA: set but empty');
  });

  it('a catalog naming a file outside its folder is refused (exit 1) unless --allow-outside-data', async () => {
    const io = captureIo({});
    expect(await main(['cycles', '--data', join(root, 'data')], io)).toBe(1);
    expect(io.err()).toMatch(/catalog\.json:1:\d+: error outside-data-folder: series\[0\] \(id "fed-target"\)\.file: "\.\.\/secret\.csv" resolves to .*secret\.csv, outside the data folder/);
    const allowed = captureIo({});
    await main(['cycles', '--data', join(root, 'data'), '--allow-outside-data'], allowed);
    expect(allowed.err()).not.toContain('outside-data-folder');
    expect(allowed.err()).toMatch(/secret\.csv:1: error missing-column/);
  });
});
