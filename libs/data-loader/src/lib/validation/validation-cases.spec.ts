import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { makeTempDir, removeTempDir } from '../../testing';
import type { Catalog } from '../catalog/catalog';
import type { CatalogEntry } from '../catalog/catalog-schema';
import { loadCatalog } from '../catalog/load-catalog';
import { loadSeries, type LoadSeriesOptions } from '../catalog/load-series';
import { readJsonFile } from '../json/read-json-file';
import { MAX_DATA_FILE_BYTES } from '../formats/read-text-file';
import { formatIssue, type Issue } from '@ratecut/sim-core';

/**
 * Every validation case end to end: a hand-written file in a temporary folder, a one-entry
 * catalog, loadSeries, and the exact issue (code, line, column, what was expected).
 */
describe('validation of data files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTempDir));

  function load(fileText: string | undefined, entry: Partial<CatalogEntry> = {}, options: LoadSeriesOptions = {}) {
    const full = {
      id: 'x', title: 'X', file: 'x.csv', format: 'csv', date: 'date', value: 'close',
      kind: 'price', frequency: 'daily', unit: 'index points', source: 'hand-made', ...entry,
    };
    const files: Record<string, string> = { 'catalog.json': JSON.stringify({ catalog: 1, series: [full] }) };
    if (fileText !== undefined) files[full.file] = fileText;
    const dir = makeTempDir(files);
    dirs.push(dir);
    const catalog = loadCatalog(dir);
    if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
    return { result: loadSeries(catalog.value, full.id, options), file: path.join(dir, full.file) };
  }

  function issuesOf(r: ReturnType<typeof load>['result']): readonly Issue[] {
    if (r.ok) throw new Error('expected the load to fail');
    return r.issues;
  }

  it('missing file', () => {
    const { result, file } = load(undefined);
    expect(issuesOf(result)).toEqual([{ code: 'missing-file', severity: 'error', file, message: expect.stringContaining('file not found') }]);
  });

  it('missing column: at the header line, no column, listing the columns found', () => {
    const { result, file } = load('date,open,price\n2024-01-02,1,2\n');
    const [issue] = issuesOf(result);
    expect(issue).toMatchObject({ code: 'missing-column', file, line: 1 });
    expect(issue.column).toBeUndefined();
    expect(issue.message).toBe('no value column named "close" in the header; columns found: "open", "price"');
  });

  it('unparsable date: line, column and the expected format', () => {
    const { result } = load('open,date,close\n1,2024-01-02,10\n1,2024-13-01,11\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'bad-date', line: 3, column: 2, message: 'expected a date as YYYY-MM-DD, found "2024-13-01"' }),
    ]);
  });

  it('unparsable date in a YYYYMM file names that format', () => {
    const { result } = load('yyyymm,close\n202401,1\n2024-02,2\n', { date: 'yyyymm', dateFormat: 'YYYYMM', frequency: 'monthly', kind: 'return' });
    expect(issuesOf(result)[0]).toMatchObject({ code: 'bad-date', line: 3, column: 1, message: 'expected a date as YYYYMM, found "2024-02"' });
  });

  it('unparsable number: line, column and what was expected', () => {
    const { result } = load('date,close\n2024-01-02,10\n2024-01-03,1O.5\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'bad-number', line: 3, column: 2, message: 'expected a number in column "close", found "1O.5"' }),
    ]);
  });

  it('a row too short to hold the value is a bad number', () => {
    const { result } = load('date,open,close\n2024-01-02,1,10\n2024-01-03,1\n');
    expect(issuesOf(result)[0]).toMatchObject({ code: 'bad-number', line: 3, column: 3, message: expect.stringContaining('row has 2 fields') });
  });

  it('non-positive price, for kind price only', () => {
    const text = 'date,close\n2024-01-02,10\n2024-01-03,0\n2024-01-04,-1.5\n';
    const issues = issuesOf(load(text).result);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['non-positive-price', 3, 2],
      ['non-positive-price', 4, 2],
    ]);
    expect(issues[1].message).toBe('expected a price > 0 in column "close", found -1.5');
    expect(load(text, { kind: 'level' }).result.ok).toBe(true);
  });

  it('unsorted dates: at the offending line, naming the previous date', () => {
    const { result } = load('date,close\n2024-01-02,1\n2024-01-05,2\n2024-01-03,3\n2024-01-08,4\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({
        code: 'unsorted-dates', line: 4, column: 1,
        message: 'date 2024-01-03 comes after 2024-01-05 (line 3); expected dates in increasing order',
      }),
    ]);
  });

  it('duplicate date: naming the first line with that date', () => {
    const { result } = load('date,close\n2024-01-02,1\n2024-01-03,2\n2024-01-03,2\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'duplicate-date', line: 4, column: 1, message: 'duplicate date 2024-01-03: first seen on line 3; expected each date once' }),
    ]);
  });

  it('duplicate month: two FRED rows in one month of a monthly series', () => {
    const { result } = load('DATE,TB3MS\n2024-01-01,5.2\n2024-01-15,5.3\n', { format: 'fred', value: 'TB3MS', frequency: 'monthly', kind: 'rate', unit: 'percent per year' });
    expect(issuesOf(result)[0]).toMatchObject({ code: 'duplicate-date', line: 3, message: expect.stringContaining('2024-01-31: first seen on line 2') });
  });

  it('empty file', () => {
    const { result, file } = load('');
    expect(issuesOf(result)).toEqual([expect.objectContaining({ code: 'empty-file', file, message: expect.stringContaining('the file is empty') })]);
  });

  it('a header and no data rows is an empty file', () => {
    const { result } = load('date,close\r\n\r\n');
    expect(issuesOf(result)).toEqual([expect.objectContaining({ code: 'empty-file', line: 1, message: expect.stringContaining('expected at least one data row') })]);
  });

  it('wrong format: a plain CSV declared as a Yahoo download', () => {
    const { result } = load('date,open,high,low,close,volume\n2024-01-02,1,1,1,1,0\n', { format: 'yahoo', value: 'Adj Close' });
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'wrong-format', line: 1, message: expect.stringContaining('expected the header "Date,Open,High,Low,Close,Adj Close,Volume"') }),
    ]);
  });

  it('gap: a warning with the line after the gap, both dates and the length', () => {
    const { result } = load('date,close\n2001-09-07,1\n2001-09-10,2\n2001-09-21,3\n2001-09-24,4\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.values).toHaveLength(4);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'gap', severity: 'warning', line: 4, column: 2,
        message: expect.stringContaining('gap of 11 calendar days in column "close" from 2001-09-10 (line 3) to 2001-09-21; expected at most 10 days'),
      }),
    ]);
  });

  it('gap threshold follows the frequency and gapWarningDays overrides it', () => {
    const monthly = 'yyyymm,close\n202401,1\n202402,2\n202404,3\n';
    const m = load(monthly, { date: 'yyyymm', dateFormat: 'YYYYMM', frequency: 'monthly', kind: 'return' }).result;
    expect(m.ok && m.warnings.map((w) => [w.code, w.line])).toEqual([['gap', 4]]);
    const quiet = load(monthly, { date: 'yyyymm', dateFormat: 'YYYYMM', frequency: 'monthly', kind: 'return' }, { gapWarningDays: 62 }).result;
    expect(quiet.ok && quiet.warnings).toEqual([]);
    const calendar = load('date,close\n2024-01-01,1\n2024-01-02,1\n2024-01-07,1\n', { frequency: 'daily-calendar' }).result;
    expect(calendar.ok && calendar.warnings.map((w) => w.line)).toEqual([4]);
    const events = load('date,close\n2020-01-01,1\n2024-01-02,1\n', { frequency: 'irregular' }).result;
    expect(events.ok && events.warnings).toEqual([]);
  });

  it('missing observations are dropped, not errors', () => {
    const text = 'date,close\n2024-01-02,1\n2024-01-03,\n2024-01-04,n/a\n2024-01-05,-999\n2024-01-08,2\n';
    const { result } = load(text, { missing: ['n/a', '-999'] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(Array.from(result.value.values)).toEqual([1, 2]);
  });

  it('reports every problem in one pass, in file order', () => {
    const text = 'date,close\n2024-01-02,1\n2024-01-0x,2\n2024-01-04,abc\n2024-01-04,3\n2024-01-03,-4\n';
    const issues = issuesOf(load(text).result);
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['bad-date', 3],
      ['bad-number', 4],
      ['duplicate-date', 5],
      ['unsorted-dates', 6],
      ['non-positive-price', 6],
    ]);
  });

  it('caps at 50 issues per file and says how many more were suppressed', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `2024-01-02,bad${i}`).join('\n');
    const issues = issuesOf(load(`date,close\n2024-01-01,1\n${rows}\n`, {}, { gapWarningDays: 1000 }).result);
    expect(issues).toHaveLength(51);
    expect(issues[50].message).toContain('more issues in this file were suppressed');
    expect(issues[50].severity).toBe('error');
  });
});

/**
 * Hostile and careless input: files outside the data folder, binary and non-regular files,
 * huge and deeply nested files, prototype keys, values in the wrong unit. Each case names the
 * class of input it stands for; every message quotes file content only as a short escaped
 * excerpt.
 */
describe('hostile input', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTempDir));

  const base = {
    id: 'x', title: 'X', file: 'x.csv', format: 'csv', date: 'date', value: 'close',
    kind: 'price', frequency: 'daily', unit: 'index points', source: 'hand-made',
  };

  /** A temp folder with `files`, and a catalog of one entry (`base` overridden by `entry`). */
  function folder(files: Record<string, string>, entry: Record<string, unknown> = {}): { dir: string; entry: typeof base } {
    const full = { ...base, ...entry };
    const dir = makeTempDir({ 'catalog.json': JSON.stringify({ catalog: 1, series: [full] }), ...files });
    dirs.push(dir);
    return { dir, entry: full };
  }

  function issuesOf<T>(r: { ok: true; value: T } | { ok: false; issues: readonly Issue[] }): readonly Issue[] {
    if (r.ok) throw new Error('expected a failure');
    return r.issues;
  }

  function loadX(dir: string, options: { allowOutsideDataFolder?: boolean } = {}) {
    const catalog = loadCatalog(dir, options);
    if (!catalog.ok) throw new Error(catalog.issues.map(formatIssue).join('\n'));
    return loadSeries(catalog.value, 'x');
  }

  /** A file outside every test folder, whose lines would be quoted if it were read. */
  const secret = makeTempDir({ 'secret.txt': 'root:x:0:0:the administrator account:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n' });
  dirs.push(secret);
  const secretFile = path.join(secret, 'secret.txt');

  describe('catalog files outside the catalog folder', () => {
    it.each([
      ['a relative path climbing out', () => path.relative(path.join(secret, '..', 'placeholder'), secretFile)],
      ['an absolute path', () => secretFile],
    ])('%s is refused at the entry\'s file line, without reading the file', (_, file) => {
      const { dir } = folder({}, { file: file().startsWith('/') ? file() : `../${path.basename(secret)}/secret.txt` });
      const r = loadCatalog(dir);
      const [issue] = issuesOf(r);
      expect(issue).toMatchObject({ code: 'outside-data-folder', file: path.join(dir, 'catalog.json'), line: 1 });
      expect(issue.message).toContain('outside the data folder');
      expect(issue.message).toContain('--allow-outside-data');
      expect(issue.message).not.toContain('root:x');
    });

    it('a symbolic link inside the folder pointing out of it is refused', () => {
      const { dir } = folder({}, { file: 'link.csv' });
      fs.symlinkSync(secretFile, path.join(dir, 'link.csv'));
      const [issue] = issuesOf(loadCatalog(dir));
      expect(issue).toMatchObject({ code: 'outside-data-folder' });
      expect(issue.message).toContain(fs.realpathSync(secretFile));
    });

    it('a link swapped in after the catalog was checked is refused when the file is opened', () => {
      const { dir } = folder({ 'x.csv': 'date,close\n2024-01-02,1\n' });
      const catalog = loadCatalog(dir);
      if (!catalog.ok) throw new Error('expected the catalog to load');
      fs.rmSync(path.join(dir, 'x.csv'));
      fs.symlinkSync(secretFile, path.join(dir, 'x.csv'));
      const issues = issuesOf(loadSeries(catalog.value, 'x'));
      expect(issues).toEqual([expect.objectContaining({ code: 'outside-data-folder', file: path.join(dir, 'x.csv') })]);
      expect(issues[0].message).not.toContain('root:x');
    });

    it('a catalog object built by hand (not by loadCatalog) is confined too', () => {
      const { dir, entry } = folder({});
      const catalog: Catalog = { path: path.join(dir, 'catalog.json'), dir, about: '', synthetic: false, series: [{ ...entry, file: secretFile } as CatalogEntry] };
      expect(issuesOf(loadSeries(catalog, 'x'))[0].code).toBe('outside-data-folder');
    });

    it('links and .. that stay inside the folder are fine', () => {
      const { dir } = folder({ 'sub/x.csv': 'date,close\n2024-01-02,1\n' }, { file: 'sub/../in.csv' });
      fs.symlinkSync(path.join(dir, 'sub', 'x.csv'), path.join(dir, 'in.csv'));
      expect(loadX(dir).ok).toBe(true);
    });

    it('allowed explicitly, a foreign file is read but quoted only as short escaped excerpts', () => {
      const { dir } = folder({}, { file: secretFile });
      const issues = issuesOf(loadX(dir, { allowOutsideDataFolder: true }));
      expect(issues).toEqual([
        expect.objectContaining({
          code: 'missing-column', line: 1,
          message: 'no date column named "date" in the header; columns found: "root:x:0:0:the administrator account:/ro"...(52 characters)',
        }),
      ]);
    });
  });

  describe('excerpts of file content in messages', () => {
    it('a long cell is cut to 40 characters and control and non-ASCII characters are escaped', () => {
      const cell = `\u001b[31mred\u0007 é ${'y'.repeat(200)}`;
      const { dir } = folder({ 'x.csv': `date,close\n2024-01-02,1\n2024-01-03,${cell}\n` });
      const [issue] = issuesOf(loadX(dir));
      expect(issue).toMatchObject({ code: 'bad-number', line: 3, column: 2 });
      expect(issue.message).toBe(
        `expected a number in column "close", found "\\u001b[31mred\\u0007 \\u00e9 ${'y'.repeat(28)}"...(${Array.from(cell).length} characters)`,
      );
      expect(Array.from(issue.message).every((ch) => ch >= ' ' && ch <= '~')).toBe(true);
    });

    it('bad dates and headers are quoted the same way', () => {
      const long = 'd'.repeat(100);
      const { dir } = folder({ 'x.csv': `date,close\n${long},1\n` });
      expect(issuesOf(loadX(dir))[0].message).toBe(`expected a date as YYYY-MM-DD, found "${'d'.repeat(40)}"...(100 characters)`);
      const header = folder({ 'x.csv': `${long},close\n2024-01-02,1\n` }, { format: 'fred' });
      expect(issuesOf(loadX(header.dir))[0].message).toContain(`found "${'d'.repeat(40)}"...(100 characters)`);
    });
  });

  describe('binary content and files that are not regular files', () => {
    it.each([
      ['a zip archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), 'this is a zip archive'],
      ['a gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 'this is a gzip-compressed file'],
      ['a file with NUL bytes', Buffer.from('date,close\n2024-01-02,1\u0000\u0000\n'), 'this is binary data (a NUL byte at byte 24'],
      ['mostly invalid UTF-8', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : 0xff))), 'not valid UTF-8'],
    ])('%s is named as such, not as a missing column', (_, bytes, words) => {
      const { dir } = folder({});
      fs.writeFileSync(path.join(dir, 'x.csv'), bytes);
      const issues = issuesOf(loadX(dir));
      expect(issues).toEqual([expect.objectContaining({ code: 'wrong-format', file: path.join(dir, 'x.csv') })]);
      expect(issues[0].message).toContain(words);
      expect(issues[0].message).toContain('expected CSV text');
    });

    it('a few Latin-1 bytes in a title still read as text', () => {
      const { dir } = folder({});
      fs.writeFileSync(path.join(dir, 'x.csv'), Buffer.concat([Buffer.from('date,close\n2024-01-02,1\n'), Buffer.from([0xe9])]));
      expect(issuesOf(loadX(dir))[0].code).not.toBe('wrong-format');
    });

    it('a named pipe (FIFO) is called one, and reading it does not hang', () => {
      const { dir } = folder({});
      execFileSync('mkfifo', [path.join(dir, 'x.csv')]);
      const issues = issuesOf(loadX(dir));
      expect(issues).toEqual([expect.objectContaining({ code: 'missing-file', message: 'this path is a named pipe (FIFO); expected a regular data file' })]);
    });

    it('a character device such as /dev/zero is called one (when files outside are allowed)', () => {
      const { dir } = folder({}, { file: '/dev/zero' });
      const issues = issuesOf(loadX(dir, { allowOutsideDataFolder: true }));
      expect(issues[0].message).toBe('this path is a character device (such as /dev/zero or a terminal); expected a regular data file');
    });

    it('a folder is called a folder', () => {
      const { dir } = folder({ 'x.csv/inner.txt': 'x' });
      expect(issuesOf(loadX(dir))[0].message).toBe('this path is a folder; expected a regular data file');
    });

    it(`a file over ${MAX_DATA_FILE_BYTES / 2 ** 20} MiB is refused before it is read, saying how large it is`, () => {
      const { dir } = folder({});
      const file = path.join(dir, 'x.csv');
      fs.writeFileSync(file, 'date,close\n');
      fs.truncateSync(file, 3_000_000_000); // sparse: takes no disk space
      const issues = issuesOf(loadX(dir));
      expect(issues).toEqual([expect.objectContaining({ code: 'file-too-large', message: expect.stringContaining('the file is 2861.0 MiB; expected at most 2048.0 MiB') })]);
    });
  });

  describe('JSON: deep nesting and prototype keys', () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

    it('a catalog nested 100,000 levels deep gives a located error, not a stack overflow', () => {
      const dir = makeTempDir({ 'catalog.json': `{"catalog": 1, "series": [], "about": "x",\n "deep": ${deep(100_000)}}` });
      dirs.push(dir);
      const issues = issuesOf(loadCatalog(dir));
      expect(issues).toEqual([
        expect.objectContaining({ code: 'bad-catalog', line: 2, column: 10 + 255, message: 'objects and arrays nested more than 256 levels deep; expected a shallower document' }),
      ]);
    });

    it('a JSON file (config, scenario) nested 100,000 levels deep gives a located error too', () => {
      const dir = makeTempDir({ 'deep.json': `{"a":\n${deep(100_000)}}` });
      dirs.push(dir);
      const issues = issuesOf(readJsonFile(path.join(dir, 'deep.json'), z.unknown(), 'bad-config'));
      expect(issues).toEqual([expect.objectContaining({ code: 'bad-config', line: 2, column: 256 })]);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('a %s key is refused at its line and column, in catalogs and other JSON files', (key) => {
      const text = `{\n  "catalog": 1,\n  "series": [],\n  "${key}": {"synthetic": true}\n}`;
      const dir = makeTempDir({ 'catalog.json': text, 'config.json': text.replace('"catalog": 1', '"pair": "rut-gspc"') });
      dirs.push(dir);
      const expected = { line: 4, column: 3, message: `property name "${key}" is not allowed (it could alter objects' prototypes); expected a setting name` };
      expect(issuesOf(loadCatalog(dir))).toEqual([expect.objectContaining({ code: 'bad-catalog', ...expected })]);
      const config = readJsonFile(path.join(dir, 'config.json'), z.record(z.string(), z.unknown()), 'bad-config');
      expect(issuesOf(config)).toEqual([expect.objectContaining({ code: 'bad-config', ...expected })]);
    });

    it('a nested __proto__ key is refused too', () => {
      const dir = makeTempDir({ 'c.json': '{"strategies": [{"name": "x", "params": {"__proto__": {"polluted": 1}}}]}' });
      dirs.push(dir);
      expect(issuesOf(readJsonFile(path.join(dir, 'c.json'), z.unknown(), 'bad-config'))[0]).toMatchObject({ line: 1, column: 42 });
    });

    it('schema problems in a JSON file are located at the offending value', () => {
      const dir = makeTempDir({ 'c.json': '{\n  "a": 1,\n  "b": "two"\n}' });
      dirs.push(dir);
      const r = readJsonFile(path.join(dir, 'c.json'), z.strictObject({ a: z.number(), b: z.number() }), 'bad-config');
      expect(issuesOf(r)).toEqual([expect.objectContaining({ line: 3, column: 8, message: 'b: expected number, found "two"' })]);
    });

    it('a folder or a FIFO where a JSON file is expected is named, not a stack trace', () => {
      const dir = makeTempDir({ 'sub/x': '' });
      dirs.push(dir);
      execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
      expect(issuesOf(readJsonFile(path.join(dir, 'sub'), z.unknown(), 'bad-config'))[0].message).toBe('this path is a folder; expected a regular data file');
      expect(issuesOf(readJsonFile(path.join(dir, 'pipe.json'), z.unknown(), 'bad-config'))[0].message).toContain('named pipe');
    });
  });

  describe('values in the wrong unit', () => {
    /** Daily dates from 2000-01-03, one per calendar day. */
    const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 3 + i)).toISOString().slice(0, 10));
    /** Month labels YYYYMM from 1990-01. */
    const months = (n: number) => Array.from({ length: n }, (_, i) => `${1990 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`);
    const csv = (dates: string[], values: number[]) => `date,v\n${dates.map((d, i) => `${d},${values[i]}`).join('\n')}\n`;
    const rate = { kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', value: 'v' };
    const monthly = { kind: 'return', frequency: 'monthly', unit: 'percent per month', value: 'v', date: 'date', dateFormat: 'YYYYMM' };
    /** A deterministic zig-zag of monthly returns in percent: +6, -4, +3, -5, ... */
    const returnsPct = (n: number) => Array.from({ length: n }, (_, i) => [6, -4, 3, -5, 2.5, -1.5][i % 6]);

    it('a policy rate in decimals labelled percent: every value below 0.5', () => {
      const values = Array.from({ length: 40 }, (_, i) => (i < 20 ? 0.0525 : 0.0475));
      const { dir } = folder({ 'x.csv': csv(days(40), values) }, rate);
      const issues = issuesOf(loadX(dir));
      expect(issues).toEqual([expect.objectContaining({ code: 'implausible-unit', line: 2, column: 2 })]);
      expect(issues[0].message).toBe(
        'every value in column "v" is below 0.5 (the largest, 0.0525 on line 2, is 0.0525 %) with unit "percent per year"; expected a rate in percent (5.25 for 5.25 %): the values look like decimals (0.0525); fix the unit or the file, or if the values really are right, set "checkUnits": false on this catalog entry',
      );
      const same = folder({ 'x.csv': csv(days(40), values.map((v) => v * 100)) }, rate);
      expect(loadX(same.dir).ok).toBe(true);
      const optedOut = folder({ 'x.csv': csv(days(40), values) }, { ...rate, checkUnits: false });
      expect(loadX(optedOut.dir).ok).toBe(true);
    });

    it('a rate in percent labelled as a decimal unit, or in basis points labelled percent: beyond ±100 %', () => {
      const values = [1.5, 2, 525, 5];
      const { dir } = folder({ 'x.csv': csv(days(4), values) }, rate);
      expect(issuesOf(loadX(dir))[0]).toMatchObject({ code: 'implausible-unit', line: 4, column: 2, message: expect.stringContaining('525 in column "v" is a rate of 525 %') });
      const decimal = folder({ 'x.csv': csv(days(4), [5.25, 5.25, 5, 5]) }, { ...rate, unit: 'decimal per year' });
      expect(issuesOf(loadX(decimal.dir))[0]).toMatchObject({ line: 2, message: expect.stringContaining("then the catalog's unit should start with \"percent\"") });
    });

    it('Fama-French returns in percent labelled decimal: a return below -100 % at its line', () => {
      const values = returnsPct(36);
      const { dir } = folder({ 'x.csv': csv(months(36), values) }, { ...monthly, unit: 'decimal per month' });
      const [issue] = issuesOf(loadX(dir));
      expect(issue).toMatchObject({ code: 'implausible-unit', line: 3, column: 2 });
      expect(issue.message).toContain('-4 in column "v" is a return of -400 % with unit "decimal per month": below −100 %, which is impossible');
    });

    it('a monthly return above +1,000 % and a daily one above +100 % are impossible', () => {
      const m = folder({ 'x.csv': csv(months(3), [5, 1200, 3]) }, { ...monthly, unit: 'decimal per month' });
      expect(issuesOf(loadX(m.dir))[0]).toMatchObject({ line: 3, message: expect.stringContaining('above +1000 % in one month') });
      const d = folder({ 'x.csv': csv(days(3), [0.5, 150, 0.3]) }, { kind: 'return', frequency: 'daily', unit: 'percent per day', value: 'v' });
      expect(issuesOf(loadX(d.dir))[0]).toMatchObject({ line: 3, message: expect.stringContaining('a return of 150 % with unit "percent per day": above +100 % in one day') });
    });

    it('Fama-French returns in decimals labelled percent: a risky series with an implausibly low volatility', () => {
      const values = returnsPct(36).map((v) => v / 100);
      const { dir } = folder({ 'x.csv': csv(months(36), values) }, monthly);
      const [issue] = issuesOf(loadX(dir));
      expect(issue).toMatchObject({ code: 'implausible-unit', line: 2, column: 2 });
      // Independent computation: sample standard deviation of the loaded decimals, annualised.
      const loaded = values.map((v) => v / 100);
      const mean = loaded.reduce((a, b) => a + b, 0) / loaded.length;
      const sd = Math.sqrt(loaded.reduce((a, b) => a + (b - mean) ** 2, 0) / (loaded.length - 1));
      expect(issue.message).toContain(`annualised volatility of ${Number((sd * Math.sqrt(12) * 100).toPrecision(4))} %`);
      expect(issue.message).toContain('falls in 50 % of its 36 periods');
      expect(loadX(folder({ 'x.csv': csv(months(36), returnsPct(36)) }, monthly).dir).ok).toBe(true);
    });

    it('a risk-free rate stored as a return column (never negative, tiny) is not flagged', () => {
      const { dir } = folder({ 'x.csv': csv(months(36), Array.from({ length: 36 }, (_, i) => 0.01 + (i % 3) * 0.01)) }, monthly);
      expect(loadX(dir).ok).toBe(true);
    });
  });
});
