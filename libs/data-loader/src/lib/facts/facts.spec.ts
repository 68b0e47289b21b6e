import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDay } from '@ratecut/sim-core';
import { loadBusinessCycles } from './business-cycles';
import { loadCuratedCycles } from './curated-cycles';

const dir = mkdtempSync(join(tmpdir(), 'ratecut-facts-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('shipped facts', () => {
  it('loads the NBER dates as first days of months', () => {
    const r = loadBusinessCycles(resolve(__dirname, '../../../../../data/nber-business-cycles.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.source).toMatch(/National Bureau of Economic Research/);
    const last = r.value.cycles[r.value.cycles.length - 1];
    expect([formatDay(last.peak), formatDay(last.trough)]).toEqual(['2020-02-01', '2020-04-01']);
  });

  it('reports a JSON syntax error with line and column', () => {
    const file = write('broken.json', '{\n  "source": "x",\n  "cycles": [\n    { "peak": "1990-07" "trough": "1991-03" }\n  ]\n}\n');
    const r = loadBusinessCycles(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'bad-catalog', file, line: 4 });
    expect(r.issues[0].message).toMatch(/malformed JSON|truncated JSON/);
  });

  it('reports every schema problem with its JSON path and what was expected', () => {
    const file = write('bad.json', JSON.stringify({ source: 'x', cycles: [{ peak: '1990-7', trough: '1991-03' }, { peak: '2001-03' }] }));
    const r = loadBusinessCycles(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.issues.map((i) => i.message);
    expect(messages).toContain('cycles[0].peak: expected a month as YYYY-MM');
    expect(messages.some((m) => m.startsWith('cycles[1].trough:'))).toBe(true);
  });

  it('rejects cycles out of order', () => {
    const file = write('order.json', JSON.stringify({ source: 'x', cycles: [{ peak: '2001-03', trough: '2001-11' }, { peak: '1990-07', trough: '1991-03' }] }));
    const r = loadBusinessCycles(file);
    expect(r.ok).toBe(false);
  });

  it('reports a missing file', () => {
    const r = loadCuratedCycles(join(dir, 'nope.json'));
    expect(r.ok ? null : r.issues[0].code).toBe('missing-file');
  });
});
