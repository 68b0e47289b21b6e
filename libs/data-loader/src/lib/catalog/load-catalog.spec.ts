import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDir } from '../../testing';
import { loadCatalog } from './load-catalog';

const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id, title: id, file: `${id}.csv`, format: 'csv', date: 'date', value: 'close', kind: 'price',
  frequency: 'daily', unit: 'index points', source: 'hand-made', ...extra,
});

describe('loadCatalog', () => {
  let dir = '';
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  const write = (text: string) => fs.writeFileSync(path.join(dir, 'catalog.json'), text);

  it('loads from a folder or a file path, with defaults for about and synthetic', () => {
    write(JSON.stringify({ catalog: 1, series: [entry('a')] }));
    const fromDir = loadCatalog(dir);
    expect(fromDir.ok).toBe(true);
    if (!fromDir.ok) return;
    expect(fromDir.value).toMatchObject({ path: path.join(dir, 'catalog.json'), dir, about: '', synthetic: false });
    expect(fromDir.value.series.map((s) => s.id)).toEqual(['a']);
    const fromFile = loadCatalog(path.join(dir, 'catalog.json'));
    expect(fromFile.ok && fromFile.value.path).toBe(path.join(dir, 'catalog.json'));
  });

  it('reads the synthetic flag', () => {
    write(JSON.stringify({ catalog: 1, about: 'sample', synthetic: true, series: [] }));
    const r = loadCatalog(dir);
    expect(r.ok && [r.value.about, r.value.synthetic]).toEqual(['sample', true]);
  });

  it('reports a missing catalog', () => {
    const r = loadCatalog(path.join(dir, 'nowhere'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'missing-file', file: path.join(dir, 'nowhere') });
    const r2 = loadCatalog(dir);
    expect(!r2.ok && r2.issues[0]).toMatchObject({ code: 'missing-file', file: path.join(dir, 'catalog.json') });
  });

  it('reports invalid JSON at the line and column of the syntax error', () => {
    write('{\n  "catalog": 1,\n  "series": [\n    { "id": "a", }\n  ]\n}\n');
    const r = loadCatalog(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'bad-catalog', line: 4, column: 18, message: expect.stringContaining('malformed JSON: unexpected character "}"; expected a property name') }),
    ]);
  });

  it('reports one issue per schema problem, naming the JSON path, the entry id and what was expected, at its line', () => {
    write(
      '{\n  "catalog": 1,\n  "series": [\n' +
        `    ${JSON.stringify(entry('a'))},\n` +
        `    ${JSON.stringify(entry('b', { format: 'xlsx' }))},\n` +
        `    ${JSON.stringify({ ...entry('c'), unit: undefined })}\n` +
        '  ]\n}\n',
    );
    const r = loadCatalog(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ['bad-catalog', 5, 'series[1] (id "b").format: expected one of "csv", "yahoo", "fred", "ken-french", found "xlsx"'],
      ['bad-catalog', 6, 'series[2] (id "c").unit: missing; expected string'],
    ]);
    expect(r.issues[0].column).toBeGreaterThan(1);
  });

  it('reports a wrong version and a wrong top-level shape', () => {
    write('{"catalog": 2, "series": {}}');
    const r = loadCatalog(dir);
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual([
      'catalog: expected 1, found 2',
      'series: expected array, found {}',
    ]);
  });

  it('reports duplicate ids at the repeat, naming the first', () => {
    write(`{"catalog": 1, "series": [\n${JSON.stringify(entry('a'))},\n${JSON.stringify(entry('b'))},\n${JSON.stringify(entry('a'))}\n]}`);
    const r = loadCatalog(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'bad-catalog', line: 4, message: 'series[2].id: duplicate id "a", first used by series[0] (line 2); expected unique ids' }),
    ]);
  });

  it('accepts a byte-order mark', () => {
    write(`\ufeff${JSON.stringify({ catalog: 1, series: [] })}`);
    expect(loadCatalog(dir).ok).toBe(true);
  });
});
